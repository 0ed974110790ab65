package org.budgetmonitor.recovery;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.budgetmonitor.job.NightlyJobConfig;
import org.budgetmonitor.support.BadInputException;
import org.budgetmonitor.run.CompletedRunJournal;
import org.budgetmonitor.run.DatabaseCheck;
import org.budgetmonitor.run.DatabaseCheckListener;
import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.run.JobCommand;
import org.budgetmonitor.run.JobCommandRunner;
import org.budgetmonitor.run.JobLauncherService;
import org.budgetmonitor.run.MonitorProperties;
import org.budgetmonitor.run.RebuildMarker;
import org.budgetmonitor.support.JobParameterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * {@code --job=rebuild}: the archived exports are the source of truth. Into a fresh database (the
 * H2 file was moved aside at start-up by {@link DatabaseCheckListener}; on PostgreSQL the tables are
 * emptied here), every archived night {@code <archive-dir>/<as-of>/} is replayed in as-of order with
 * the nightly job, as that night ran: same as-of, same files, so overlaps and corrections resolve as
 * they did. A file archived as {@code NAME.csv.N} came from the N-th later run of that night (the
 * archive step's answer to a name already there) and is replayed in a run of its own, after the
 * others. The journal of completed runs is started afresh from the replayed runs.
 */
@Component
public class RebuildCommand implements JobCommand {

    private static final Pattern ARCHIVED = Pattern.compile("(?i)(.+\\.csv)(?:\\.(\\d+))?");
    private static final Pattern NIGHT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Logger log = LoggerFactory.getLogger(RebuildCommand.class);

    /** One file of a night: where it is in the archive and the name it had in the inbox. */
    record ArchivedFile(Path path, String name) {
    }

    private final JobLauncherService launcher;
    private final Job nightly;
    private final JdbcTemplate jdbc;
    private final CompletedRunJournal journal;
    private final MonitorProperties properties;
    private final String archiveDir;
    private final String url;

    public RebuildCommand(JobLauncherService launcher, List<Job> jobs, JdbcTemplate jdbc, CompletedRunJournal journal,
            MonitorProperties properties, @Value("${" + DatabaseCheckListener.REBUILD_ARCHIVE_DIR + ":}") String archiveDir,
            @Value("${spring.datasource.url:}") String url) {
        this.launcher = launcher;
        this.nightly = jobs.stream().filter(j -> j.getName().equals(NightlyJobConfig.JOB_NAME)).findFirst().orElseThrow();
        this.jdbc = jdbc;
        this.journal = journal;
        this.properties = properties;
        this.archiveDir = archiveDir;
        this.url = url;
    }

    @Override
    public String name() {
        return JobCommandRunner.REBUILD;
    }

    @Override
    public int execute(LocalDate ignored) throws Exception {
        Path archive = Path.of(archiveDir);
        Path planDir = properties.planDir();
        if (!Files.isDirectory(planDir)) {
            throw new BadInputException("--plan-dir=" + planDir + " is not a directory (" + planDir.toAbsolutePath()
                    + "); the rebuild was not started over, run it again with the plan");
        }
        Path dataDir = properties.dataDir();
        String stamp = LocalDateTime.now().format(STAMP);
        boolean h2 = DatabaseCheck.h2File(url).isPresent();
        if (!h2) {
            emptyTables();
        }
        Optional<Path> oldJournal = journal.journal().moveAside("before-rebuild-" + stamp);
        TreeMap<LocalDate, TreeMap<Integer, List<ArchivedFile>>> nights = nights(archive);
        Path staging = dataDir.resolve("tmp/rebuild-inbox");
        Path scratch = dataDir.resolve("tmp/rebuild-out");
        int runs = 0;
        int files = 0;
        for (var night : nights.entrySet()) {
            for (List<ArchivedFile> generation : night.getValue().values()) {
                FileSystemUtils.deleteRecursively(staging);
                Files.createDirectories(staging);
                for (ArchivedFile file : generation) {
                    Files.copy(file.path(), staging.resolve(file.name()));
                }
                log.info("Rebuild: replaying {} with {}", night.getKey(), generation);
                JobExecution execution = launcher.launch(nightly, night.getKey(), Map.of(
                        JobParameterNames.PLAN_DIR, planDir.toAbsolutePath().normalize().toString(),
                        JobParameterNames.INBOX, staging.toAbsolutePath().toString(),
                        JobParameterNames.OUTPUT_DIR, scratch.toAbsolutePath().toString()));
                if (execution.getStatus() != BatchStatus.COMPLETED) {
                    System.out.println("budget-monitor rebuild: FAILED replaying " + night.getKey() + " ("
                            + generation.size() + " files); the database holds the nights before it only, and the"
                            + " other jobs refuse to run until a rebuild completes. Fix the cause and run --job=rebuild again.");
                    return ExitCodes.FAILED;
                }
                journal.record(execution);
                runs++;
                files += generation.size();
            }
        }
        FileSystemUtils.deleteRecursively(staging);
        FileSystemUtils.deleteRecursively(scratch);
        Map<String, Object> fingerprint = jdbc.queryForMap(
                "SELECT COUNT(*) AS n, COALESCE(SUM(amount_yuan), 0) AS total FROM disbursement");
        RebuildMarker.clear(dataDir);
        System.out.print(summary(archive, nights, runs, files, ((Number) fingerprint.get("n")).longValue(),
                new BigDecimal(fingerprint.get("total").toString()), h2 ? damagedFile(dataDir) : Optional.empty(),
                oldJournal, h2));
        return ExitCodes.SUCCESS;
    }

    private String summary(Path archive, TreeMap<LocalDate, ?> nights, int runs, int files, long payments,
            BigDecimal total, Optional<Path> damaged, Optional<Path> oldJournal, boolean h2) {
        StringBuilder s = new StringBuilder("budget-monitor rebuild: COMPLETED\n");
        s.append("  replayed:   ").append(nights.size()).append(" nights, ").append(runs).append(" runs, ").append(files)
                .append(" files from ").append(archive);
        if (!nights.isEmpty()) {
            s.append(" (").append(nights.firstKey()).append(" … ").append(nights.lastKey()).append(')');
        }
        s.append("\n  database:   ").append(payments).append(" payments, total ")
                .append(total.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString()).append(" 元, in a fresh ")
                .append(h2 ? "H2 file" : "set of tables (PostgreSQL: project tables and job repository emptied)")
                .append('\n');
        damaged.ifPresent(d -> s.append("  kept:       the earlier database file as ").append(d).append('\n'));
        s.append("  journal:    started afresh").append(oldJournal.map(j -> "; the earlier one kept as " + j).orElse(""))
                .append('\n');
        return s.toString();
    }

    /** The as-of folders in date order; in each, the files by the run that archived them (0: the first). */
    static TreeMap<LocalDate, TreeMap<Integer, List<ArchivedFile>>> nights(Path archive) throws IOException {
        TreeMap<LocalDate, TreeMap<Integer, List<ArchivedFile>>> nights = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(archive)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                if (!NIGHT.matcher(dir.getFileName().toString()).matches()) {
                    continue;
                }
                TreeMap<Integer, List<ArchivedFile>> generations = new TreeMap<>();
                try (Stream<Path> listing = Files.list(dir)) {
                    for (Path file : listing.filter(Files::isRegularFile).sorted().toList()) {
                        Matcher m = ARCHIVED.matcher(file.getFileName().toString());
                        if (m.matches()) {
                            int generation = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                            generations.computeIfAbsent(generation, g -> new ArrayList<>())
                                    .add(new ArchivedFile(file, m.group(1)));
                        }
                    }
                }
                if (!generations.isEmpty()) {
                    nights.put(LocalDate.parse(dir.getFileName().toString()), generations);
                }
            }
        }
        return nights;
    }

    /**
     * PostgreSQL: "fresh" is every table of the schema emptied, the job repository included (a kept
     * FAILED execution would be restarted with its completed steps skipped, and the replay would miss
     * files). Flyway's history stays, and so does the totals watermark row, set back to zero.
     * Sequences are not reset, so execution ids in old logs never come back for other runs.
     */
    private void emptyTables() {
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                  AND table_name NOT IN ('flyway_schema_history', 'totals_watermark')""", String.class);
        if (!tables.isEmpty()) {
            jdbc.execute("TRUNCATE TABLE " + String.join(", ", tables));
        }
        jdbc.update("UPDATE totals_watermark SET through_payment_id = 0");
        log.warn("Rebuild: emptied {} tables", tables.size());
    }

    private static Optional<Path> damagedFile(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("budget-monitor.mv.db.damaged-"))
                    .max(java.util.Comparator.comparing(p -> p.getFileName().toString()));
        }
    }
}
