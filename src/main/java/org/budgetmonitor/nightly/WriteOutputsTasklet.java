package org.budgetmonitor.nightly;

import org.budgetmonitor.ingest.RejectReportWriter;
import org.budgetmonitor.ingest.RejectedRowRepository;
import org.budgetmonitor.variance.VarianceCsvWriter;
import org.budgetmonitor.variance.VarianceRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Writes the variance CSV and the reject file of the run, each atomically. */
public class WriteOutputsTasklet implements Tasklet {

    private final OutputFiles outputs;
    private final VarianceRepository variances;
    private final RejectedRowRepository rejects;

    public WriteOutputsTasklet(OutputFiles outputs, VarianceRepository variances, RejectedRowRepository rejects) {
        this.outputs = outputs;
        this.variances = variances;
        this.rejects = rejects;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long instanceId = contribution.getStepExecution().getJobExecution().getJobInstanceId();
        new VarianceCsvWriter().write(outputs.varianceCsv(), variances.findByAsOf(outputs.asOf()));
        new RejectReportWriter().write(outputs.rejectedCsv(), rejects.findByJobInstance(instanceId));
        return RepeatStatus.FINISHED;
    }
}
