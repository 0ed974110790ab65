package org.budgetmonitor.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.budgetmonitor.ops.BackgroundBackups.Failed;
import org.budgetmonitor.ops.BackgroundBackups.Outcome;
import org.budgetmonitor.ops.BackgroundBackups.Written;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 8b, after the mail: waits for the backup {@link BackupTasklet} started, and names it in the
 * summary. A backup that failed fails the job (exit code 1), its figures, reports and mail done. A
 * restart finds no backup of this night in flight and takes none: the database now holds the night's
 * payments, and a backup under this night's name must be of the database from before them.
 */
public class AwaitBackupTasklet implements Tasklet {

    private final Path dataDir;
    private final LocalDate asOf;
    private final long run;
    private final BackgroundBackups backups;

    public AwaitBackupTasklet(Path dataDir, LocalDate asOf, long run, BackgroundBackups backups) {
        this.dataDir = dataDir;
        this.asOf = asOf;
        this.run = run;
        this.backups = backups;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        var jobExecution = contribution.getStepExecution().getJobExecution();
        ExecutionContext context = jobExecution.getExecutionContext();
        if (context.containsKey(BackupTasklet.SKIPPED)) {
            return RepeatStatus.FINISHED;
        }
        // A restart carries the failed attempt's context: what is said now replaces it.
        context.remove(BackupTasklet.FAILED);
        context.remove(BackupTasklet.NONE);
        context.remove(BackupTasklet.NEWEST);
        Outcome outcome = backups.finish(jobExecution.getId()).orElse(null);
        if (outcome != null) {
            record(context, outcome, dataDir);
            if (outcome instanceof Failed failed) {
                throw new IllegalStateException("the backup of the database as it was before tonight's payments was "
                        + "not written (" + failed.reason() + "); the figures, reports and mail are done. Run the "
                        + "same command again to finish the night without a backup of it");
            }
            return RepeatStatus.FINISHED;
        }
        Path target = DatabaseBackups.file(dataDir, asOf, run);
        if (Files.isRegularFile(target)) {
            // An earlier attempt of this run wrote it before it stopped at a later step.
            record(context, new Written(target, Files.size(target)), dataDir);
        } else {
            BackgroundBackups.removeLeftovers(target); // a killed attempt's: nothing is writing them any more
            context.putString(BackupTasklet.NONE, "the attempt that began it did not finish it, and tonight's "
                    + "payments are stored now");
            context.putString(BackupTasklet.NEWEST, newest(dataDir));
        }
        return RepeatStatus.FINISHED;
    }

    /** What the summary says of the backup: the file, or why there is none and which is the newest. */
    static void record(ExecutionContext context, Outcome outcome, Path dataDir) {
        if (outcome instanceof Written written) {
            context.putString(BackupTasklet.FILE, written.file().toString());
            context.putLong(BackupTasklet.BYTES, written.bytes());
        } else if (outcome instanceof Failed failed) {
            context.putString(BackupTasklet.FAILED, failed.reason());
            context.putString(BackupTasklet.NEWEST, newest(dataDir));
        }
    }

    private static String newest(Path dataDir) {
        return DatabaseBackups.newest(dataDir).map(Path::toString).orElse("");
    }
}
