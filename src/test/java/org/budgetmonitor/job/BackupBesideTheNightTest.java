package org.budgetmonitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.budgetmonitor.ingest.IngestWriter;
import org.budgetmonitor.ops.BackupTasklet;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real nightly job on the sample data, on an H2 file (the backup on), while another connection
 * writes SCRIPTs of a snapshot back to back from before the job's start to after its end: neither
 * side waits for a lock of the other ("Timeout trying to lock table").
 */
@SpringBootTest(properties = {"monitor.run-on-startup=false", "monitor.report.enabled=false"})
@Import(NightlyJobHarness.class)
class BackupBesideTheNightTest {

    private static final Path TMP = temporaryFolder();

    @DynamicPropertySource
    static void anH2File(DynamicPropertyRegistry properties) {
        properties.add("monitor.data-dir", () -> TMP.resolve("data").toString());
        properties.add("spring.datasource.url", () -> "jdbc:h2:file:" + TMP.resolve("data/budget-monitor"));
    }

    @Autowired
    NightlyJobHarness nightly;

    @Autowired
    DataSource dataSource;

    private record Script(LocalDateTime start, LocalDateTime end) {
    }

    @Test
    void theNightRunsBesideScriptsOfASnapshotWithoutEitherWaitingForALock() throws Exception {
        List<Script> scripts = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AtomicBoolean nightOver = new AtomicBoolean();
        Thread scripter = new Thread(() -> {
            while (!nightOver.get()) {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    c.setTransactionIsolation(6); // H2's SNAPSHOT, as the backup's
                    LocalDateTime start = LocalDateTime.now();
                    c.createStatement().execute("SCRIPT TO '" + TMP.resolve("script.sql") + "'");
                    scripts.add(new Script(start, LocalDateTime.now()));
                    c.rollback();
                } catch (Throwable e) {
                    errors.add(e);
                    return;
                }
            }
        }, "scripter");
        scripter.start();
        JobExecution night;
        try {
            night = nightly.run(LocalDate.of(2026, 6, 30), Path.of("sample-data/plan"), Path.of("sample-data/disbursements"),
                    TMP.resolve("out"));
        } finally {
            nightOver.set(true);
            scripter.join();
        }

        assertThat(errors).isEmpty();
        assertThat(night.getAllFailureExceptions()).isEmpty();
        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(night.getExecutionContext().getString(BackupTasklet.FILE))
                .endsWith("budget-monitor-2026-06-30-1.zip");
        StepExecution ingest = night.getStepExecutions().stream().filter(s -> s.getStepName().equals("ingest"))
                .findFirst().orElseThrow();
        assertThat(NightlyJobHarness.ingestContext(night).getLong(IngestWriter.INSERTED)).isEqualTo(26);
        assertThat(scripts).as("a SCRIPT ran while the ingest wrote")
                .anyMatch(s -> s.start().isBefore(ingest.getEndTime()) && s.end().isAfter(ingest.getStartTime()));
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "backup-beside-the-night-")
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
