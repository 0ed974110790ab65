package org.budgetmonitor.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.budgetmonitor.support.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Checks the database against the run journal once the run lock is held and before the data
 * source, Flyway or any job touches it (see {@link DatabaseCheck}): an H2 file here and now, a server's
 * database beside the start, awaited before Flyway and the jobs ({@link PendingDatabaseCheck}). A damaged
 * database stops the process with {@link DamagedDatabaseException}; untrusted journal lines are said on stdout.
 */
public class DatabaseCheckListener implements ApplicationListener<ApplicationPreparedEvent> {

    /** The archive a rebuild reads; the recovery package sets it from --archive-dir (and turns archiving off). */
    public static final String REBUILD_ARCHIVE_DIR = "monitor.rebuild.archive-dir";

    private static final Logger log = LoggerFactory.getLogger(DatabaseCheckListener.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        Path dataDir = Path.of(environment.getProperty("monitor.data-dir", "data"));
        String url = environment.getProperty("spring.datasource.url");
        String job = environment.getProperty("monitor.job", "nightly");
        try {
            if (JobCommandRunner.REBUILD.equals(job)) {
                // The rebuild replaces the database; it never needs the old one to be sound.
                prepareRebuild(dataDir, url, environment.getProperty(REBUILD_ARCHIVE_DIR, ""));
                return;
            }
            Optional<String> unfinished = RebuildMarker.unfinished(dataDir);
            if (unfinished.isPresent()) {
                DamagedDatabaseException e = new DamagedDatabaseException("a rebuild of the database did not finish ("
                        + unfinished.get() + "): it holds only part of the history; nothing was run.\n  The way out: run"
                        + " --job=rebuild again (same --plan-dir, --archive-dir and --data-dir); it starts over from the"
                        + " archive.");
                log.error(e.getMessage());
                throw e;
            }
        } catch (IOException e) {
            throw journalUnreadable(dataDir, e);
        }
        DatabaseCheck check = new DatabaseCheck(dataDir, url, environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
        Supplier<DatabaseCheck.Outcome> checked = () -> {
            try {
                return check.run();
            } catch (IOException e) {
                throw journalUnreadable(dataDir, e);
            }
        };
        if (DatabaseCheck.h2File(url).isPresent() || RunJournal.databaseId(url).isEmpty()) {
            // An H2 file is judged before anything opens it (opening may write to it): here, now.
            report(checked);
            return;
        }
        PendingDatabaseCheck pending = PendingDatabaseCheck.start(checked);
        ConfigurableApplicationContext context = event.getApplicationContext();
        context.getBeanFactory().registerSingleton(PendingDatabaseCheck.BEAN, pending);
        context.addApplicationListener(started -> {
            if (started instanceof ApplicationStartedEvent) {
                report(pending::await);
            }
        });
    }

    private static UncheckedIOException journalUnreadable(Path dataDir, IOException e) {
        return new UncheckedIOException("cannot read the run journal in " + dataDir.toAbsolutePath(), e);
    }

    /** The check's outcome said: its warnings on stdout, a damaged database logged and thrown. */
    private static void report(Supplier<DatabaseCheck.Outcome> check) {
        try {
            for (String warning : check.get().warnings()) {
                log.warn(warning);
                System.out.println("budget-monitor: " + warning);
            }
        } catch (DamagedDatabaseException e) {
            log.error(e.getMessage());
            throw e;
        }
    }

    /**
     * Before the data source exists: refuses a rebuild with nothing to rebuild from, marks the rebuild
     * as started, and moves the H2 file aside (never deleted) so that Flyway creates a fresh one.
     */
    private static void prepareRebuild(Path dataDir, String url, String archiveDir) throws IOException {
        Path archive = archiveDir.isBlank() ? null : Path.of(archiveDir);
        boolean hasNights = false;
        if (archive != null && Files.isDirectory(archive)) {
            try (Stream<Path> dirs = Files.list(archive)) {
                hasNights = dirs.anyMatch(d -> Files.isDirectory(d)
                        && d.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}"));
            }
        }
        if (!hasNights) {
            throw new BadInputException("--job=rebuild needs --archive-dir naming the archive of the ingested exports"
                    + " (folders <as-of>/ of them); " + (archive == null ? "none was given" : archive.toAbsolutePath()
                    + " holds none") + ". Nothing was moved or changed.");
        }
        RebuildMarker.set(dataDir);
        Optional<Path> h2 = DatabaseCheck.h2File(url);
        if (h2.isPresent() && Files.exists(h2.get())) {
            String suffix = ".damaged-" + LocalDateTime.now().format(STAMP);
            Path aside = h2.get().resolveSibling(h2.get().getFileName() + suffix);
            Files.move(h2.get(), aside, StandardCopyOption.ATOMIC_MOVE);
            Path trace = h2.get().resolveSibling(h2.get().getFileName().toString().replace(".mv.db", ".trace.db"));
            if (Files.exists(trace)) {
                Files.move(trace, trace.resolveSibling(trace.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
            }
            log.warn("Rebuild: the database file was moved aside to {}", aside);
        }
    }
}
