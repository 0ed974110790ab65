package org.budgetmonitor.ops;

import java.nio.file.Path;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * A night that stops before {@link AwaitBackupTasklet} (a failed ingest, say) still gets the backup
 * it started: it is of the database from before the night, whatever happened after, and the restart
 * will not take another. Registered after the run summary, so that it runs before it.
 */
public class UnclaimedBackupListener implements JobExecutionListener {

    private final BackgroundBackups backups;
    private final Path dataDir;

    public UnclaimedBackupListener(BackgroundBackups backups, Path dataDir) {
        this.backups = backups;
        this.dataDir = dataDir;
    }

    @Override
    public void afterJob(JobExecution execution) {
        backups.finish(execution.getId())
                .ifPresent(outcome -> AwaitBackupTasklet.record(execution.getExecutionContext(), outcome, dataDir));
    }
}
