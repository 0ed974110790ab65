package org.budgetmonitor.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.support.JobParameterNames;
import org.budgetmonitor.testing.CommandLine;
import org.budgetmonitor.testing.CommandLine.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The backup is written beside the night from a snapshot fixed in its step: what the ingest commits
 * meanwhile is not in it. The backup's thread is held until the test lets it go, so that the script
 * is read only after the other connection's rows are committed.
 */
class BackupSnapshotTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 7, 31);

    @TempDir
    Path tmp;

    private Path data;
    private DataSource database;
    private Connection open; // keeps the H2 database open between the test's connections
    private ExecutorService backupThread;
    private final CountDownLatch letTheBackupRun = new CountDownLatch(1);
    private BackgroundBackups backups;
    private JobExecution night;

    @BeforeEach
    void aDatabaseWithTheSampleNightAndAHeldBackupThread() throws Exception {
        data = tmp.resolve("data");
        Run sample = CommandLine.run("--as-of=2026-06-30", "--output-dir=" + tmp.resolve("out"), "--data-dir=" + data,
                "--monitor.report.enabled=false", "--monitor.backup.keep=0");
        assertThat(sample.exitCode()).as(sample.stdout()).isEqualTo(ExitCodes.SUCCESS);
        database = new DriverManagerDataSource("jdbc:h2:file:" + data.resolve("budget-monitor"), "sa", "");
        open = database.getConnection();
        backupThread = Executors.newSingleThreadExecutor();
        backupThread.submit(() -> {
            letTheBackupRun.await(); // the backup queues behind this
            return null;
        });
        backups = new BackgroundBackups(backupThread);
        night = MetaDataInstanceFactory.createJobExecution("nightly", 7L, 8L, new JobParametersBuilder()
                .addLocalDate(JobParameterNames.AS_OF, AS_OF).addLong(JobParameterNames.RUN, 1L).toJobParameters());
    }

    @AfterEach
    void close() throws Exception {
        letTheBackupRun.countDown();
        backups.destroy();
        open.close();
    }

    private void step(String name, org.springframework.batch.core.step.tasklet.Tasklet tasklet) throws Exception {
        StepExecution step = new StepExecution(name, night);
        tasklet.execute(new StepContribution(step), null);
    }

    private void startTheBackup() throws Exception {
        step("backup", new BackupTasklet(database, data, AS_OF, 1, 3, 1, false, backups));
    }

    private void awaitTheBackup() throws Exception {
        step("awaitBackup", new AwaitBackupTasklet(data, AS_OF, 1, backups));
    }

    @Test
    void theBackupHoldsTheDatabaseAsItWasWhenTheNightBeganWhileTheIngestCommitsBesideIt() throws Exception {
        Map<String, List<String>> before = rows(open);
        assertThat(before.get("DISBURSEMENT")).hasSize(26);

        startTheBackup();
        // The night goes on beside it: new payments, the totals' watermark moved, rows deleted, all committed.
        try (Connection ingest = database.getConnection(); Statement sql = ingest.createStatement()) {
            ingest.setAutoCommit(false);
            List<String> columns = columns(ingest, "DISBURSEMENT");
            columns.remove("ID");
            String list = String.join(", ", columns);
            assertThat(sql.executeUpdate("INSERT INTO disbursement (" + list + ") SELECT "
                    + list.replace("DEDUPE_KEY", "DEDUPE_KEY || '-tonight'") + " FROM disbursement")).isEqualTo(26);
            assertThat(sql.executeUpdate("UPDATE totals_watermark SET through_payment_id = through_payment_id + 26"))
                    .isEqualTo(1);
            assertThat(sql.executeUpdate("DELETE FROM variance_result")).isPositive();
            ingest.commit();
        }
        letTheBackupRun.countDown();
        awaitTheBackup();

        Path file = DatabaseBackups.file(data, AS_OF, 1);
        ExecutionContext job = night.getExecutionContext();
        assertThat(job.getString(BackupTasklet.FILE)).isEqualTo(file.toString());
        assertThat(job.getLong(BackupTasklet.BYTES)).isEqualTo(Files.size(file));
        assertThat(rows(open).get("DISBURSEMENT")).hasSize(52);
        try (Connection restored = restore(file)) {
            assertThat(rows(restored)).isEqualTo(before); // every table, row by row
        }
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temporary files left
        }
    }

    @Test
    void aScriptThatFailsOnItsThreadFailsTheAwaitStepAndClaimsNoBackup() throws Exception {
        startTheBackup();
        // The plain script cannot be written: a folder that is not ours lies in its place.
        Path script = BackgroundBackups.script(DatabaseBackups.file(data, AS_OF, 1));
        Files.createDirectories(script);
        Files.writeString(script.resolve("someone-elses"), "x");
        letTheBackupRun.countDown();

        assertThatThrownBy(this::awaitTheBackup).hasMessageContaining("was not written (")
                .hasMessageContaining("Run the same command again");

        ExecutionContext job = night.getExecutionContext();
        assertThat(job.containsKey(BackupTasklet.FILE)).isFalse();
        assertThat(job.getString(BackupTasklet.FAILED)).contains(script.getFileName().toString());
        assertThat(job.getString(BackupTasklet.NEWEST)).isEmpty();
        assertThat(DatabaseBackups.list(data)).isEmpty();
        assertThat(BackgroundBackups.part(DatabaseBackups.file(data, AS_OF, 1))).doesNotExist();
    }

    @Test
    void anAwaitStepWithNoBackupInFlightInThisProcessTakesNoneAndSaysSo() throws Exception {
        // The backup step completed in an attempt whose process was killed while the script was written: this
        // process has none in flight, and the killed one left its temporary file.
        Path part = BackgroundBackups.part(DatabaseBackups.file(data, AS_OF, 1));
        Files.createDirectories(part.getParent());
        Files.writeString(part, "half a zip");

        awaitTheBackup();

        ExecutionContext job = night.getExecutionContext();
        assertThat(job.containsKey(BackupTasklet.FILE)).isFalse();
        assertThat(job.getString(BackupTasklet.NONE)).contains("tonight's payments are stored now");
        assertThat(part).doesNotExist();
    }

    private Connection restore(Path zip) throws SQLException {
        Connection restored = DriverManager.getConnection("jdbc:h2:file:" + tmp.resolve("restored/budget-monitor"), "sa", "");
        try (Statement sql = restored.createStatement()) {
            sql.execute("RUNSCRIPT FROM '" + zip + "' COMPRESSION ZIP");
        }
        return restored;
    }

    /** Every row of every table of the schema, as text, in a fixed order. */
    private static Map<String, List<String>> rows(Connection connection) throws SQLException {
        Map<String, List<String>> rows = new TreeMap<>();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String table : tables) {
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        line.append(rs.getString(i)).append('|');
                    }
                    lines.add(line.toString());
                }
            }
            lines.sort(null);
            rows.put(table, lines);
        }
        return rows;
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, "PUBLIC", table, null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        return columns;
    }
}
