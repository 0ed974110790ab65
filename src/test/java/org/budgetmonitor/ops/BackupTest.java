package org.budgetmonitor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;

import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.testing.ArchivedHistory;
import org.budgetmonitor.testing.ArchivedHistory.Figures;
import org.budgetmonitor.testing.CommandLine;
import org.budgetmonitor.testing.CommandLine.Run;
import org.budgetmonitor.testing.EmbeddedPostgresDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly backup of the H2 database as it was before the ingest step, named in the summary, pruned to the newest few. */
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
    void aBackupThatCannotBeWrittenFailsTheNightAfterItsFiguresAndTheRestartClaimsNoBackupForIt() throws Exception {
        Run first = nightly("2026-06-30");
        assertThat(first.exitCode()).as(first.stdout()).isEqualTo(ExitCodes.SUCCESS);
        Path backups = tmp.resolve("data/backup");
        Path earlier = backups.resolve("budget-monitor-2026-06-30-1.zip");
        // Run 2's backup cannot be written: in the place of its temporary file lies a folder that is not ours.
        Path inTheWay = Files.createDirectories(backups.resolve("budget-monitor-2026-06-30-2.zip.part"));
        Files.writeString(inTheWay.resolve("someone-elses"), "x");

        Run failed = nightly("2026-06-30");

        assertThat(failed.exitCode()).as(failed.stdout()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.stdout()).contains("(fiscal year 2026, run 2): FAILED")
                .containsPattern("  backup:     FAILED \\(.*budget-monitor-2026-06-30-2\\.zip\\.part.*\\) — none for this night; "
                        + "the newest is " + java.util.regex.Pattern.quote(earlier.toString()) + "\n")
                .contains("  flags:      RED 2"); // the figures were made all the same
        assertThat(tmp.resolve("out/2026-06-30/variance-2026-06-30.csv")).exists();
        assertThat(zips(backups)).containsExactly("budget-monitor-2026-06-30-1.zip");

        // The cause removed, the same command finishes the night, but takes no backup of the database as it is
        // now (tonight's payments stored) under the name of the one from before them.
        Files.delete(inTheWay.resolve("someone-elses"));
        Files.delete(inTheWay);
        Run again = nightly("2026-06-30");

        assertThat(again.exitCode()).as(again.stdout()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(again.stdout()).contains("run 2, restarted after a failed attempt): COMPLETED")
                .contains("  backup:     none for this night (")
                .contains("the newest is " + earlier + "\n");
        assertThat(zips(backups)).containsExactly("budget-monitor-2026-06-30-1.zip");
        try (var files = Files.list(backups)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(name -> name.endsWith(".zip"));
        }
    }

    @Test
    void aNightThatFailsAfterItsBackupBeganStillGetsTheBackupAndItsRestartNamesIt() throws Exception {
        // The night's CSVs cannot be written (a file where the output folder should be): it stops at writeOutputs,
        // with the backup still being written beside it.
        Files.writeString(tmp.resolve("out"), "not a folder");

        Run failed = nightly("2026-06-30");

        Path backup = tmp.resolve("data/backup/budget-monitor-2026-06-30-1.zip");
        assertThat(failed.exitCode()).as(failed.stdout()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.stdout()).contains("  backup:     " + backup + " (");
        assertThat(backup).isRegularFile();

        Files.delete(tmp.resolve("out"));
        Run again = nightly("2026-06-30");

        assertThat(again.exitCode()).as(again.stdout()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(again.stdout()).contains("restarted after a failed attempt): COMPLETED")
                .contains("  backup:     " + backup + " (");
        assertThat(zips(tmp.resolve("data/backup"))).containsExactly("budget-monitor-2026-06-30-1.zip");
    }

    private static List<String> zips(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".zip")).sorted().toList();
        }
    }

    @Test
    void withEveryDaysTheBackupIsTakenOnlyWhenTheNewestIsThatManyNightsOldAndTheSummarySaysWhichItIs() throws Exception {
        // The archive takes the files out of the inbox: a copy of the sample's, not the sample itself.
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        try (var samples = Files.list(Path.of("sample-data/disbursements"))) {
            for (Path sample : samples.toList()) {
                Files.copy(sample, inbox.resolve(sample.getFileName()));
            }
        }
        String[] weekly = {"--monitor.backup.every-days=7", "--archive-dir=" + tmp.resolve("archive"), "--inbox=" + inbox};
        Path first = tmp.resolve("data/backup/budget-monitor-2026-06-30-1.zip");

        Run due = nightly("2026-06-30", weekly);
        assertThat(due.exitCode()).as(due.stdout()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(due.stdout()).contains("  backup:     " + first + " (");

        Run notDue = nightly("2026-07-06", weekly);
        assertThat(notDue.exitCode()).as(notDue.stdout()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(notDue.stdout()).contains("  backup:     not due (monitor.backup.every-days=7): the newest before this night is " + first
                + ", of 2026-06-30, 6 nights ago; the nights since are in the archive and the run journal, to be run "
                + "again on it\n");
        assertThat(zips(tmp.resolve("data/backup"))).containsExactly("budget-monitor-2026-06-30-1.zip");
        Run nextNight = nightly("2026-07-01", weekly);
        assertThat(nextNight.stdout()).contains(", of 2026-06-30, the night before; the nights since");

        Run dueAgain = nightly("2026-07-07", weekly);
        assertThat(dueAgain.exitCode()).as(dueAgain.stdout()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(dueAgain.stdout()).contains("  backup:     " + tmp.resolve("data/backup/budget-monitor-2026-07-07-1.zip") + " (");
        // A night before the newest backup (a day run again) has none of its own within the week before it.
        Run earlierDay = nightly("2026-06-15", weekly);
        assertThat(earlierDay.stdout()).contains("  backup:     " + tmp.resolve("data/backup/budget-monitor-2026-06-15-1.zip") + " (");
    }

    @Test
    void anOlderBackupRestoredAndTheNightsSinceRunAgainFromTheArchiveGiveTheUninterruptedHistory() throws Exception {
        // Three nights and a second run of the last, with a backup due only every 90 nights: the first night's.
        ArchivedHistory history = new ArchivedHistory(tmp.resolve("history"), "--monitor.backup.every-days=90");
        history.play();
        Figures uninterrupted = history.h2Figures();
        Path data = history.data();
        assertThat(zips(DatabaseBackups.dir(data))).containsExactly("budget-monitor-2026-06-30-1.zip");

        // README "Recovery": the backup restored in place of the database, the journal moved aside ...
        Path restored = Files.createDirectories(tmp.resolve("restored"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("budget-monitor"), "sa", "")) {
            c.createStatement().execute("RUNSCRIPT FROM '" + DatabaseBackups.dir(data).resolve(
                    "budget-monitor-2026-06-30-1.zip") + "' COMPRESSION ZIP");
        }
        Files.move(history.databaseFile(), data.resolve("budget-monitor.mv.db.damaged"));
        Files.copy(restored.resolve("budget-monitor.mv.db"), history.databaseFile());
        Files.move(data.resolve("run-journal.log"), data.resolve("run-journal.log.before-restore"));

        // ... and each night since the backup's run again with its archived files, in order; a file archived as
        // NAME.N came from a later run of its night.
        Path replayArchive = tmp.resolve("replayed");
        try (var nights = Files.list(history.archive())) {
            for (Path night : nights.sorted().toList()) {
                List<Path> files;
                try (var listed = Files.list(night)) {
                    files = listed.sorted().toList();
                }
                for (int runOfNight = 0; ; runOfNight++) {
                    String suffix = runOfNight == 0 ? ".csv" : ".csv." + runOfNight;
                    List<Path> ofThisRun = files.stream().filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
                    if (ofThisRun.isEmpty()) {
                        break;
                    }
                    for (Path file : ofThisRun) {
                        String name = file.getFileName().toString();
                        Files.copy(file, history.inbox().resolve(name.substring(0, name.length() - suffix.length() + 4)));
                    }
                    Run replay = history.run("--as-of=" + night.getFileName(), "--archive-dir=" + replayArchive);
                    assertThat(replay.exitCode()).as(replay.stdout()).isEqualTo(ExitCodes.SUCCESS);
                }
            }
        }

        assertThat(history.h2Figures()).isEqualTo(uninterrupted);
    }

    @Test
    void withoutAnArchiveTheNightsBetweenBackupsCouldNotBeRunAgainSoEveryNightIsBackedUp() {
        nightly("2026-06-30", "--monitor.backup.every-days=7");

        Run run = nightly("2026-07-01", "--monitor.backup.every-days=7");

        assertThat(run.exitCode()).as(run.stdout()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(run.stdout()).contains("  backup:     " + tmp.resolve("data/backup/budget-monitor-2026-07-01-1.zip") + " (");
        assertThat(run.stdout()).contains("monitor.backup.every-days=7 needs --archive-dir");
    }

    @Test
    void everyDaysIsAWholeNumberOfNightsNoLongerThanTheArchiveIsKept() {
        Run zero = nightly("2026-06-30", "--monitor.backup.every-days=0");
        assertThat(zero.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(zero.stdout()).contains("--monitor.backup.every-days=0: a whole number of nights, 1 or more");

        Run longer = nightly("2026-06-30", "--monitor.backup.every-days=30", "--monitor.retention.keep-days=14");
        assertThat(longer.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(longer.stdout()).contains("--monitor.backup.every-days=30 is longer than the archive is kept "
                + "(--monitor.retention.keep-days=14)");
        assertThat(tmp.resolve("data")).doesNotExist();
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
