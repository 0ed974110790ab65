package org.budgetmonitor.ops;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 1b: starts the backup of the H2 database as it is before the night's ingest, to
 * {@code <data-dir>/backup/budget-monitor-<as-of>-<run>.zip}, and returns at once: the snapshot is
 * fixed before the step ends, the script is written beside the night ({@link BackgroundBackups}) and
 * claimed by {@link AwaitBackupTasklet} at the end. On PostgreSQL the server's own backup stands and
 * nothing is copied.
 *
 * <p>{@code SCRIPT TO} (the live rows as SQL), not {@code BACKUP TO}: the latter zips the file as it
 * lies, free pages and all. Measured on 500,000 payments (a 1 GB file at the fill rate we run with):
 * BACKUP 47 s and 540 MB, SCRIPT 8 s and 21 MB. Beside the night because at a million payments the
 * script and its zip took 7–8.7 s of a 25 s night, all before the first payment was read.
 *
 * <p>With {@code monitor.backup.every-days} above 1 a backup is taken only when none was taken in the
 * nights before this one within that many days: the script of a province's year costs seconds of CPU
 * a night, while the nights between two backups are already kept, as archived exports and the run
 * journal, and run again on the restored backup as any night after a backup is. Without an archive
 * they could not be, so every night is backed up then.
 */
public class BackupTasklet implements Tasklet {

    public static final String FILE = "backup.file";
    public static final String BYTES = "backup.bytes";
    public static final String SKIPPED = "backup.skipped";
    /** Why this night's backup was not written (and the job failed). */
    public static final String FAILED = "backup.failed";
    /** Said on a restart that found no backup of this night: why there is none. */
    public static final String NONE = "backup.none";
    /** With {@link #FAILED} and {@link #NONE}: the newest backup there is, empty when there is none. */
    public static final String NEWEST = "backup.newest";
    /** Said beside the file when the night was backed up although {@code every-days} asked for fewer. */
    public static final String NOTE = "backup.note";

    private static final Logger log = LoggerFactory.getLogger(BackupTasklet.class);

    private final DataSource dataSource;
    private final Path dataDir;
    private final LocalDate asOf;
    private final long run;
    private final int keep;
    private final int everyDays;
    private final boolean archived;
    private final BackgroundBackups backups;

    /**
     * @param everyDays {@code monitor.backup.every-days}: 1 backs up every run
     * @param archived whether the night's exports are archived ({@code --archive-dir}), so that it can be run again
     */
    public BackupTasklet(DataSource dataSource, Path dataDir, LocalDate asOf, long run, int keep, int everyDays,
            boolean archived, BackgroundBackups backups) {
        this.dataSource = dataSource;
        this.dataDir = dataDir;
        this.asOf = asOf;
        this.run = run;
        this.keep = keep;
        this.everyDays = everyDays;
        this.archived = archived;
        this.backups = backups;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobExecution = contribution.getStepExecution().getJobExecution();
        String skipped = skipReason();
        if (skipped != null) {
            jobExecution.getExecutionContext().putString(SKIPPED, skipped);
            return RepeatStatus.FINISHED;
        }
        if (everyDays > 1 && !archived) {
            String note = "every night: monitor.backup.every-days=" + everyDays + " needs --archive-dir, without which "
                    + "the nights between two backups could not be run again";
            log.warn("Backing up {}", note);
            jobExecution.getExecutionContext().putString(NOTE, note);
        } else if (everyDays > 1) {
            Optional<Path> recent = recentBackup();
            if (recent.isPresent()) {
                LocalDate taken = DatabaseBackups.asOf(recent.get());
                jobExecution.getExecutionContext().putString(SKIPPED, "not due (monitor.backup.every-days=" + everyDays
                        + "): the newest before this night is " + recent.get() + ", of " + taken + ", "
                        + nightsAgo(ChronoUnit.DAYS.between(taken, asOf)) + "; the nights since are in the archive and "
                        + "the run journal, to be run again on it");
                return RepeatStatus.FINISHED;
            }
        }
        backups.start(jobExecution.getId(), dataSource, dataDir, DatabaseBackups.file(dataDir, asOf, run), keep);
        return RepeatStatus.FINISHED;
    }

    private static String nightsAgo(long nights) {
        return nights == 1 ? "the night before" : nights + " nights ago";
    }

    /** The newest backup of one of the {@code everyDays - 1} nights before this one, if there is one. */
    private Optional<Path> recentBackup() {
        LocalDate from = asOf.minusDays(everyDays - 1L);
        return DatabaseBackups.list(dataDir).stream().filter(backup -> {
            LocalDate taken = DatabaseBackups.asOf(backup);
            return !taken.isBefore(from) && taken.isBefore(asOf);
        }).findFirst();
    }

    private String skipReason() throws Exception {
        if (keep <= 0) {
            return "off (monitor.backup.keep=0)";
        }
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            String url = connection.getMetaData().getURL();
            if (product.contains("postgres")) {
                return "skipped on PostgreSQL (the server's own backup)";
            }
            if (!product.equals("h2") || url.startsWith("jdbc:h2:mem:")) {
                return "skipped (not an H2 file database)";
            }
        }
        return null;
    }

    /** {@code 2.1 MB}, {@code 41 KB}: how the summary names a size. */
    public static String size(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024))
                : String.format(Locale.ROOT, "%d KB", Math.max(1, (bytes + 512) / 1024));
    }
}
