package org.budgetmonitor.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.testing.ArchivedHistory;
import org.budgetmonitor.testing.ArchivedHistory.Figures;
import org.budgetmonitor.testing.CommandLine.Run;
import org.budgetmonitor.testing.EmbeddedPostgresDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On PostgreSQL the server's durability stands, but the journal check still applies without false
 * alarms, and {@code --job=rebuild} empties the tables and replays the archive to the same figures.
 */
class RecoveryOnPostgresTest {

    @TempDir
    Path tmp;

    @Test
    void rebuildGivesTheUninterruptedFiguresAndADatabaseEmptiedBehindTheJournalStopsTheRun() throws Exception {
        String url = EmbeddedPostgresDatabases.newDatabase();
        ArchivedHistory history = new ArchivedHistory(tmp, "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres");
        history.play(); // four runs, each checked against the journal of the ones before: no false alarm
        Figures uninterrupted = figures(url);

        Run rebuild = history.run("--job=rebuild");

        assertThat(rebuild.exitCode()).as(rebuild.stdout()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(rebuild.stdout()).contains("replayed:   3 nights, 4 runs, 5 files").contains("PostgreSQL");
        assertThat(figures(url)).isEqualTo(uninterrupted);
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM batch_job_execution")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the job repository holds the replayed runs only").isEqualTo(4);
        }
        Run next = history.run("--as-of=2026-09-30");
        assertThat(next.exitCode()).as(next.stdout()).isEqualTo(ExitCodes.SUCCESS);

        // The database is re-created empty (a restore gone wrong, the wrong server): the journal knows better.
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA public CASCADE");
            c.createStatement().execute("CREATE SCHEMA public");
        }
        Run behind = history.run("--as-of=2026-10-31");

        assertThat(behind.exitCode()).as(behind.stdout()).isEqualTo(ExitCodes.FAILED);
        assertThat(behind.stdout()).contains("the database is damaged").contains("--job=rebuild")
                .contains("the server's backup");
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("nothing was migrated into the empty database").isZero();
        }
    }

    @Test
    void paymentsMissingWhileNothingRanSinceAreCaughtBeforeTheNightRunsAlthoughTheCheckRunsBesideTheStart()
            throws Exception {
        String url = EmbeddedPostgresDatabases.newDatabase();
        ArchivedHistory history = new ArchivedHistory(tmp, "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres");
        history.play();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DELETE FROM disbursement WHERE id = (SELECT MIN(id) FROM disbursement)");
        }
        int executions = executions(url);

        Run next = history.run("--as-of=2026-09-30");

        assertThat(next.exitCode()).as(next.stdout()).isEqualTo(ExitCodes.FAILED);
        assertThat(next.stdout()).contains("the database is damaged").contains("holds 26 payments")
                .contains("27 payments stored").contains("nothing was run").doesNotContain("could not start");
        assertThat(executions(url)).as("no job was started").isEqualTo(executions);
        assertThat(history.out().resolve("2026-09-30")).as("no output of the night").doesNotExist();
    }

    private static int executions(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM batch_job_execution")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Figures figures(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            return ArchivedHistory.figures(c);
        }
    }
}
