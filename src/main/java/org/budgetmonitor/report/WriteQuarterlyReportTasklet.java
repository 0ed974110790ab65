package org.budgetmonitor.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.nightly.OutputFiles;
import org.budgetmonitor.quarterly.QuarterlyReview;
import org.budgetmonitor.quarterly.QuarterlyReviewRepository;
import org.budgetmonitor.quarterly.QuarterlyReviewTasklet;
import org.budgetmonitor.report.html.HtmlReportWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes {@code quarterly-<as-of>.pdf} and {@code .xlsx} from the version of the review this run
 * issued (or reloaded), never from today's figures: a reprint of a past quarter matches what was signed.
 */
public class WriteQuarterlyReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteQuarterlyReportTasklet.class);

    private final OutputFiles outputs;
    private final QuarterlyText text;
    private final QuarterlyReportRenderer renderer;
    private final QuarterlyReviewRepository reviews;
    private final Money focusThreshold;
    private final Clock clock;

    public WriteQuarterlyReportTasklet(OutputFiles outputs, QuarterlyText text, QuarterlyReportRenderer renderer,
            QuarterlyReviewRepository reviews, Money focusThreshold, Clock clock) {
        this.outputs = outputs;
        this.text = text;
        this.renderer = renderer;
        this.reviews = reviews;
        this.focusThreshold = focusThreshold;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        // Before any work: without the font the PDF would come out with its Chinese text missing.
        ReportFonts.check(getClass().getClassLoader());
        int version = contribution.getStepExecution().getJobExecution().getExecutionContext()
                .getInt(QuarterlyReviewTasklet.VERSION);
        QuarterlyReview review = reviews.load(outputs.asOf(), version).orElseThrow(() -> new IllegalStateException(
                "quarterly review " + outputs.asOf() + " version " + version + " is not stored"));
        QuarterlyReport report = new QuarterlyReportAssembler(text).assemble(review, focusThreshold,
                LocalDateTime.now(clock));
        Path pdf = outputs.file("quarterly", "pdf");
        Path xlsx = outputs.file("quarterly", "xlsx");
        renderer.render(report, text, pdf, xlsx);
        new HtmlReportWriter().writeQuarterly(report, text, outputs);
        log.info("Wrote {} and {} (review version {})", pdf, xlsx.getFileName(), version);
        return RepeatStatus.FINISHED;
    }
}
