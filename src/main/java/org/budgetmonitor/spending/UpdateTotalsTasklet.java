package org.budgetmonitor.spending;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Adds the payments stored since the last run (including those of a failed run) to the monthly
 * totals, in one transaction with the watermark, so a restart never counts a payment twice.
 */
public class UpdateTotalsTasklet implements Tasklet {

    private final SpendingTotals totals;

    public UpdateTotalsTasklet(SpendingTotals totals) {
        this.totals = totals;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        contribution.incrementWriteCount(totals.catchUp());
        return RepeatStatus.FINISHED;
    }
}
