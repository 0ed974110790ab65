package org.budgetmonitor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;

import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.testing.CommandLine;
import org.budgetmonitor.testing.CommandLine.Run;
import org.budgetmonitor.testing.EmbeddedPostgresDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly backup of the H2 database, made before the ingest step, named in the summary, pruned to the newest few. */
class BackupTest {

    @TempDir
    Path tmp;

    private Run nightly(String asOf, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--as-of=" + asOf, "--output-dir=" + tmp.resolve("out"),
                "--data-dir=" + tmp.resolve("data"), "--monitor.report.enabled=false"));
        args.addAll(List.of(more));
        return CommandLine.run(args.toArray(String[]::new));
    }

    @Test
    void eachNightBacksUpTheDatabaseBeforeIngestKeepsTheNewestAndTheBackupRestores() throws Exception {
        for (int i = 0; i < 4; i++) {
            Run run = nightly("2026-06-30", "--monitor.backup.keep=3");
            assertThat(run.exitCode()).as(run.stdout()).isEqualTo(ExitCodes.SUCCESS);
            Path expected = tmp.resolve("data/backup/budget-monitor-2026-06-30-" + (i + 1) + ".zip");
            assertThat(run.stdout()).containsPattern("  backup:     " + java.util.regex.Pattern.quote(expected.toString())
                    + " \\([0-9.]+ (KB|MB)\\)\n");
        }
        try (var files = Files.list(tmp.resolve("data/backup"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "budget-monitor-2026-06-30-2.zip", "budget-monitor-2026-06-30-3.zip",
                    "budget-monitor-2026-06-30-4.zip");
        }

        // Restoring: RUNSCRIPT into an empty file gives the payments stored before run 4.
        Path restored = Files.createDirectories(tmp.resolve("restored"));
        Path backup = tmp.resolve("data/backup/budget-monitor-2026-06-30-4.zip");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("budget-monitor"), "sa", "")) {
            c.createStatement().execute("RUNSCRIPT FROM '" + backup + "' COMPRESSION ZIP");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM disbursement")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(26);
            }
        }

        // Restoring it in place, as README "Recovery" says: the journal is ahead, so the run stops until
        // the operator moves it aside; then the run the backup was taken in is restarted and completes.
        Path data = tmp.resolve("data");
        Files.move(data.resolve("budget-monitor.mv.db"), data.resolve("budget-monitor.mv.db.damaged"));
        Files.copy(restored.resolve("budget-monitor.mv.db"), data.resolve("budget-monitor.mv.db"));
        Run behind = nightly("2026-06-30");
        assertThat(behind.exitCode()).as(behind.stdout()).isEqualTo(ExitCodes.FAILED);
        assertThat(behind.stdout()).contains("older state");
        Files.move(data.resolve("run-journal.log"), data.resolve("run-journal.log.before-restore"));
        Run again = nightly("2026-06-30");
        assertThat(again.exitCode()).as(again.stdout()).isEqualTo(ExitCodes.SUCCESS);
        // The backup was taken while run 4 was running: in it, run 4 is still marked as started.
        assertThat(again.stdout()).contains("run 4, restarted after an interrupted attempt): COMPLETED");
        Run later = nightly("2026-07-31"); // the restored ids go on where they were: no clash with new rows
        assertThat(later.exitCode()).as(later.stdout()).isEqualTo(ExitCodes.SUCCESS);
    }

    @Test
    void onPostgresqlTheBackupIsLeftToTheServer() {
        String url = EmbeddedPostgresDatabases.newDatabase();

        Run run = nightly("2026-06-30", "--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres");

        assertThat(run.exitCode()).as(run.stdout()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(run.stdout()).contains("  backup:     skipped on PostgreSQL (the server's own backup)");
        assertThat(tmp.resolve("data/backup")).doesNotExist();
    }
}
