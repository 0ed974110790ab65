package org.budgetmonitor.quarterly;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.support.OutputFiles;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Writes {@code quarterly-<as-of>.csv} and {@code quarterly-indicators-<as-of>.csv} from the issued review. */
public class WriteQuarterlyOutputsTasklet implements Tasklet {

    private final OutputFiles outputs;
    private final QuarterlyReviewRepository reviews;
    private final Money focusThreshold;

    public WriteQuarterlyOutputsTasklet(OutputFiles outputs, QuarterlyReviewRepository reviews, Money focusThreshold) {
        this.outputs = outputs;
        this.reviews = reviews;
        this.focusThreshold = focusThreshold;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        int version = contribution.getStepExecution().getJobExecution().getExecutionContext()
                .getInt(QuarterlyReviewTasklet.VERSION);
        QuarterlyReview review = reviews.load(outputs.asOf(), version).orElseThrow();
        QuarterlyCsvWriter writer = new QuarterlyCsvWriter();
        writer.write(outputs.file("quarterly", "csv"), review, focusThreshold);
        writer.writeIndicators(outputs.file("quarterly-indicators", "csv"), review);
        return RepeatStatus.FINISHED;
    }
}
