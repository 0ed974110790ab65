package org.budgetmonitor.job;

import org.budgetmonitor.planimport.ImportPlanTasklet;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Ends an import run the way its reader expects: a document with problems gives the job the
 * exit status {@link ImportPlanTasklet#WITH_PROBLEMS} (exit code 2), and a failure is printed.
 */
class ImportPlanOutcome implements JobExecutionListener {

    @Override
    public void afterJob(JobExecution execution) {
        execution.getStepExecutions().stream()
                .filter(s -> s.getExitStatus().getExitCode().equals(ImportPlanTasklet.WITH_PROBLEMS))
                .findFirst().ifPresent(s -> execution.setExitStatus(s.getExitStatus()));
        for (Throwable failure : execution.getAllFailureExceptions()) {
            Throwable cause = failure;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.out.println("budget-monitor import-plan: FAILED: " + cause.getMessage());
        }
    }
}
