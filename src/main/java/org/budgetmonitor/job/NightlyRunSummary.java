package org.budgetmonitor.job;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.budgetmonitor.delivery.DeliveryTasklet;
import org.budgetmonitor.ingest.ArchiveTasklet;
import org.budgetmonitor.ops.BackupTasklet;
import org.budgetmonitor.ops.RetentionTasklet;
import org.budgetmonitor.ingest.InboxReader;
import org.budgetmonitor.ingest.IngestWriter;
import org.budgetmonitor.plan.LoadPlanTasklet;
import org.budgetmonitor.quarterly.QuarterlyReviewTasklet;
import org.budgetmonitor.support.JobParameterNames;
import org.budgetmonitor.support.OutputFiles;
import org.budgetmonitor.variance.DataCutOff;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.VarianceTasklet;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * Prints the short run summary that cron mails to the operator: what was read, what was
 * rejected, the flags, the RED projects by name, and where the files are.
 */
@Component
public class NightlyRunSummary implements JobExecutionListener {

    private static final int MAX_NOTICES = 10;

    private final JobRepository jobRepository;
    private final PrintStream out;

    public NightlyRunSummary(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
        this.out = System.out;
    }

    @Override
    public void afterJob(JobExecution execution) {
        out.print(summary(execution));
        out.flush();
    }

    String summary(JobExecution execution) {
        var parameters = execution.getJobParameters();
        LocalDate asOf = parameters.getLocalDate(JobParameterNames.AS_OF);
        OutputFiles outputs = new OutputFiles(Path.of(parameters.getString(JobParameterNames.OUTPUT_DIR)), asOf);
        ExecutionContext job = execution.getExecutionContext();
        StringBuilder s = new StringBuilder();
        s.append("budget-monitor ").append(execution.getJobInstance().getJobName()).append(", as of ").append(asOf).append(" (fiscal year ").append(asOf.getYear())
                .append(", run ").append(parameters.getLong(JobParameterNames.RUN)).append(restart(parameters.getString(JobParameterNames.RESTART_OF))).append("): ")
                .append(execution.getStatus()).append('\n');
        if (job.containsKey(LoadPlanTasklet.PROJECT_COUNT)) {
            s.append("  plan:       ").append(job.getInt(LoadPlanTasklet.PROJECT_COUNT)).append(" projects, ")
                    .append(job.getInt(LoadPlanTasklet.INDICATOR_COUNT)).append(" indicators; checkpoints read as ")
                    .append(job.getString(LoadPlanTasklet.UNIT_NOTES)).append('\n');
            List<String> revisions = job.getString(LoadPlanTasklet.REVISIONS, "").lines().toList();
            if (!revisions.isEmpty()) {
                s.append("  revisions:  ").append(revisions.size()).append(" took effect since the last run:\n");
                revisions.forEach(line -> s.append("              ").append(line).append('\n'));
            }
        }
        if (job.containsKey(BackupTasklet.FILE)) {
            s.append("  backup:     ").append(job.getString(BackupTasklet.FILE)).append(" (")
                    .append(BackupTasklet.size(job.getLong(BackupTasklet.BYTES))).append(")")
                    .append(job.containsKey(BackupTasklet.NOTE) ? ", " + job.getString(BackupTasklet.NOTE) : "")
                    .append('\n');
        } else if (job.containsKey(BackupTasklet.FAILED)) {
            s.append("  backup:     FAILED (").append(job.getString(BackupTasklet.FAILED)).append(") — none for this night; ")
                    .append(newestBackup(job)).append('\n');
        } else if (job.containsKey(BackupTasklet.NONE)) {
            s.append("  backup:     none for this night (").append(job.getString(BackupTasklet.NONE)).append("); ")
                    .append(newestBackup(job)).append('\n');
        } else if (job.containsKey(BackupTasklet.SKIPPED)) {
            s.append("  backup:     ").append(job.getString(BackupTasklet.SKIPPED)).append('\n');
        }
        // The ingest step may have completed in an earlier attempt of a restarted run.
        StepExecution ingest = jobRepository.getLastStepExecution(execution.getJobInstance(), "ingest");
        if (ingest != null) {
            ExecutionContext c = ingest.getExecutionContext();
            long rejected = c.getLong(IngestWriter.REJECTED, 0);
            s.append("  ingest:     ").append(c.getInt(InboxReader.FILES_READ, 0)).append(" files read, ")
                    .append(c.getLong(IngestWriter.INSERTED, 0)).append(" rows ingested, ")
                    .append(c.getLong(IngestWriter.DUPLICATES, 0)).append(" duplicates skipped, ")
                    .append(rejected).append(" rows rejected");
            if (rejected > 0) {
                s.append(" (see ").append(outputs.rejectedCsv()).append(')');
            }
            s.append('\n');
            list(s, "unchanged, skipped", c.getString(InboxReader.UNCHANGED, ""));
            list(s, "corrected (earlier version's rows replaced)", c.getString(InboxReader.CORRECTED, ""));
            list(s, "rejected whole", c.getString(InboxReader.REJECTED_FILES, ""));
            c.getString(InboxReader.DECISIONS, "").lines()
                    .forEach(decision -> s.append("              ").append(decision).append('\n'));
            List<String> notices = c.getString(InboxReader.NOTICES, "").lines().toList();
            if (!notices.isEmpty()) {
                s.append("              read, but not quite as written:\n");
                notices.stream().limit(MAX_NOTICES)
                        .forEach(notice -> s.append("                ").append(notice).append('\n'));
                if (notices.size() > MAX_NOTICES) {
                    s.append("                … and ").append(notices.size() - MAX_NOTICES).append(" more (see the log)\n");
                }
            }
            list(s, "not complete yet, left for a later run", c.getString(InboxReader.WAITING, ""));
            long pending = c.getLong(IngestWriter.PENDING, 0);
            if (pending > 0) {
                s.append("              ").append(pending).append(" lines not yet confirmed by the bank (not counted; see ")
                        .append(outputs.pendingCsv()).append(")\n");
            }
            long normalised = c.getLong(InboxReader.CODES_NORMALISED, 0);
            if (normalised > 0) {
                // Said, because a code the plan does not spell that way now counts for the planned project.
                s.append("              project codes normalised: ").append(normalised).append(" lines (")
                        .append(c.getString(InboxReader.CODES_NORMALISED_EXAMPLES, "").replace("\n", ", "))
                        .append(")\n");
            }
            String unmatched = c.getString(IngestWriter.UNMATCHED_REFUNDS, "");
            if (!unmatched.isEmpty()) {
                s.append("              refunds whose original voucher is unknown: ")
                        .append(unmatched.replace("\n", ", ")).append('\n');
            }
        }
        if (job.containsKey(ArchiveTasklet.ARCHIVED)) {
            s.append("  archive:    ").append(job.getInt(ArchiveTasklet.ARCHIVED)).append(" files moved out of the inbox\n");
        }
        DataCutOff data = DataCutOff.from(job, asOf);
        if (data != null) {
            s.append("  data:       ").append(data.summaryLine()).append('\n');
            if (data.stale()) {
                s.append("              ").append(data.summaryWarning()).append('\n');
            }
        }
        if (job.containsKey(VarianceTasklet.FLAG_COUNT_PREFIX + Flag.RED)) {
            s.append("  flags:      ");
            for (Flag flag : Flag.values()) {
                s.append(flag).append(' ').append(job.getInt(VarianceTasklet.FLAG_COUNT_PREFIX + flag)).append("  ");
            }
            s.append("unplanned codes ").append(job.getInt(VarianceTasklet.UNPLANNED_COUNT)).append('\n');
            String red = job.getString(VarianceTasklet.RED_PROJECTS);
            int redCount = job.getInt(VarianceTasklet.FLAG_COUNT_PREFIX + Flag.RED);
            if (!red.isEmpty()) {
                s.append(redCount > VarianceTasklet.RED_LISTED ? "  RED (the " + VarianceTasklet.RED_LISTED + " worst of "
                        + redCount + "; every one is in variance-" + asOf + ".csv with flag=RED):\n" : "  RED:\n");
                red.lines().forEach(line -> s.append("    ").append(line).append('\n'));
            }
        }
        if (job.containsKey(QuarterlyReviewTasklet.VERSION)) {
            s.append("  review:     version ").append(job.getInt(QuarterlyReviewTasklet.VERSION))
                    .append("true".equals(job.getString(QuarterlyReviewTasklet.REISSUED, ""))
                            ? ", reissued with the figures it was issued with (--refresh for a new version)"
                            : ", new")
                    .append('\n');
            list(s, "progress file problems", job.getString(QuarterlyReviewTasklet.PROGRESS_PROBLEMS, ""));
            list(s, "projected over budget at the current pace (at least YELLOW in the review)",
                    job.getString(QuarterlyReviewTasklet.PROJECTED_OVER_BUDGET, ""));
        }
        if (job.containsKey(DeliveryTasklet.MAIL_STATUS)) {
            s.append("  mail:       ").append(job.getString(DeliveryTasklet.MAIL_STATUS)).append('\n');
        }
        if (job.containsKey(RetentionTasklet.PRUNED) && job.getInt(RetentionTasklet.PRUNED) > 0) {
            s.append("  retention:  ").append(job.getInt(RetentionTasklet.PRUNED)).append(" old dated folders pruned\n");
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            s.append("  output:     ").append(outputs.dir()).append(": ").append(outputNames(outputs)).append('\n');
        } else {
            List<Throwable> failures = execution.getAllFailureExceptions();
            boolean afterKill = JobParameterNames.AFTER_KILL.equals(parameters.getString(JobParameterNames.RESTART_OF));
            for (Throwable failure : failures) {
                String message = rootMessage(failure);
                if (afterKill && lockTimeout(failure)) {
                    // This run holds the run lock, so no other session has the database: a row H2 cannot
                    // lock is one its reopening after the kill left behind (seen in CI on 2026-12-01).
                    message = "the database is damaged: H2 cannot lock a row no other session holds, after the "
                            + "interrupted attempt's process was killed (" + message + "). Rebuild it (--job=rebuild) "
                            + "or restore the backup taken before this night (README, \"Recovery\")";
                }
                s.append("  error:      ").append(message.replace("\n", "\n              ")).append('\n');
            }
            s.append("  Run the same command again to restart once the cause is fixed.\n");
        }
        return s.toString();
    }

    private static String newestBackup(ExecutionContext job) {
        String newest = job.getString(BackupTasklet.NEWEST, "");
        return newest.isEmpty() ? "there is no earlier backup" : "the newest is " + newest;
    }

    private static String outputNames(OutputFiles outputs) {
        try (var files = java.nio.file.Files.list(outputs.dir())) {
            return String.join(", ", files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().toList());
        } catch (java.io.IOException e) {
            return "(cannot list: " + e.getMessage() + ")";
        }
    }

    private static void list(StringBuilder s, String what, String names) {
        if (!names.isEmpty()) {
            s.append("              ").append(what).append(": ").append(names.replace("\n", ", ")).append('\n');
        }
    }

    /** H2's lock timeout (error 50200) anywhere in the chain; PostgreSQL reports its own differently. */
    private static boolean lockTimeout(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getErrorCode() == 50200) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof java.nio.file.FileSystemException fs && fs.getReason() == null) {
            // Its message is only the path ("error: /srv/out/2026-06-30"): say what is wrong with it.
            return fileProblem(fs) + ": " + fs.getMessage();
        }
        String message = cause.getMessage();
        return message == null ? cause.toString() : message;
    }

    private static String fileProblem(java.nio.file.FileSystemException e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "already exists (a file where a folder or a new file was to be made)";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return "folder not empty";
        }
        return e.getClass().getSimpleName();
    }

    /** Said on the first line: the figures are the same, but the operator should know an attempt went wrong. */
    private static String restart(String restartOf) {
        if (JobParameterNames.AFTER_KILL.equals(restartOf)) {
            return ", restarted after an interrupted attempt";
        }
        return JobParameterNames.AFTER_FAILURE.equals(restartOf) ? ", restarted after a failed attempt" : "";
    }
}
