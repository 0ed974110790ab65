package org.budgetmonitor.job;

import org.budgetmonitor.ingest.DisbursementRepository;
import org.budgetmonitor.ingest.PendingReportWriter;
import org.budgetmonitor.ingest.RejectReportWriter;
import org.budgetmonitor.ingest.RejectedRowRepository;
import org.budgetmonitor.support.OutputFiles;
import org.budgetmonitor.variance.VarianceCsvWriter;
import org.budgetmonitor.variance.VarianceRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Writes the variance CSV, the reject file and the list of unconfirmed payments, each atomically. */
public class WriteOutputsTasklet implements Tasklet {

    private final OutputFiles outputs;
    private final VarianceRepository variances;
    private final RejectedRowRepository rejects;
    private final DisbursementRepository disbursements;

    public WriteOutputsTasklet(OutputFiles outputs, VarianceRepository variances, RejectedRowRepository rejects,
            DisbursementRepository disbursements) {
        this.outputs = outputs;
        this.variances = variances;
        this.rejects = rejects;
        this.disbursements = disbursements;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long instanceId = contribution.getStepExecution().getJobExecution().getJobInstanceId();
        new VarianceCsvWriter().write(outputs.varianceCsv(), variances.findByAsOf(outputs.asOf(),
                contribution.getStepExecution().getJobExecutionId()));
        new RejectReportWriter().write(outputs.rejectedCsv(), rejects.findByJobInstance(instanceId));
        var pending = disbursements.findUnconfirmed(outputs.asOf());
        if (!pending.isEmpty()) {
            new PendingReportWriter().write(outputs.pendingCsv(), pending);
        } else {
            // An earlier run of this night listed lines the bank has since confirmed: its list is not tonight's.
            java.nio.file.Files.deleteIfExists(outputs.pendingCsv());
        }
        return RepeatStatus.FINISHED;
    }
}
