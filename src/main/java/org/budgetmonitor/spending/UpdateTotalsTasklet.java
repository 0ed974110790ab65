package org.budgetmonitor.spending;

import org.budgetmonitor.support.JobParameterNames;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Adds the payments stored since the last run (including those of a failed run) to the monthly
 * totals, in one transaction with the watermark, so a restart never counts a payment twice.
 *
 * <p>A run that carries on after its process was killed first checks that the totals still add up
 * to the stored payments: H2 has been seen to reopen after a kill with a table and its index out of
 * step, and such a database would count a payment twice or miss one while saying nothing.
 */
public class UpdateTotalsTasklet implements Tasklet {

    private final SpendingTotals totals;

    public UpdateTotalsTasklet(SpendingTotals totals) {
        this.totals = totals;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        contribution.incrementWriteCount(totals.catchUp());
        String restartOf = contribution.getStepExecution().getJobParameters().getString(JobParameterNames.RESTART_OF);
        if (JobParameterNames.AFTER_KILL.equals(restartOf)) {
            totals.disagreementWithPayments().ifPresent(problem -> {
                throw new DamagedTotalsException(problem);
            });
        }
        return RepeatStatus.FINISHED;
    }

    /** The totals and the payments they count disagree: the night's figures would not be true. */
    public static final class DamagedTotalsException extends IllegalStateException {

        DamagedTotalsException(String problem) {
            super("the database is damaged: " + problem + ". The interrupted attempt's process was killed and the "
                    + "database did not come back consistent; no figures are written. Rebuild it (--job=rebuild) or "
                    + "restore the backup taken before this night (README, \"Recovery\")");
        }
    }
}
