package org.budgetmonitor.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.testing.ArchivedHistory;
import org.budgetmonitor.testing.CommandLine.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged H2 file (what a full disk, a crash during a copy or a bad restore leaves) stops the
 * next run with exit code 1 and a plain message, before anything is run or written; it is never
 * passed off as a completed night with the figures of an older database.
 */
class DamagedDatabaseTest {

    @TempDir
    Path tmp;

    ArchivedHistory history;

    @BeforeEach
    void playHistory() throws IOException {
        history = new ArchivedHistory(tmp);
        history.play();
        assertThat(history.data().resolve("run-journal.log")).as("the journal of completed runs").exists();
    }

    private Run nextNight() {
        return history.run("--as-of=2026-09-30");
    }

    private void assertStoppedBeforeRunning(Run run, byte[] fileBefore) throws IOException {
        assertThat(run.exitCode()).as(run.stdout()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.stdout()).contains("the database is damaged").contains("nothing was run")
                .contains("--job=rebuild").doesNotContain("COMPLETED");
        assertThat(history.out().resolve("2026-09-30")).as("no output of the night").doesNotExist();
        if (fileBefore != null) {
            assertThat(Files.readAllBytes(history.databaseFile())).as("the damaged file is left as it was")
                    .isEqualTo(fileBefore);
        }
    }

    @Test
    void aFileCutToHalfItsSizeIsCaughtAlthoughH2OpensAnOlderStateOfIt() throws Exception {
        Path file = history.databaseFile();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }
        byte[] cut = Files.readAllBytes(file);

        Run run = nextNight();

        assertStoppedBeforeRunning(run, cut);
        // Where the cut falls decides whether H2 refuses the file or opens an older chunk of it: both are caught.
        assertThat(run.stdout()).containsAnyOf("older state", "cannot be opened").contains("2026-08-31");
        Run status = history.run("--job=status");
        assertThat(status.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(status.stdout()).contains("the database is damaged");
        assertThat(Files.readAllBytes(file)).isEqualTo(cut);
    }

    @Test
    void anOlderCopyPutBackInPlaceIsBehindTheJournal() throws Exception {
        // What a bad restore (or H2 falling back to an older chunk) gives: a sound file, missing the last nights.
        ArchivedHistory older = new ArchivedHistory(tmp.resolve("older"));
        Files.createDirectories(older.inbox());
        Files.copy(Path.of("sample-data/disbursements/finance-2026-01-01_2026-06-30.csv"),
                older.inbox().resolve("finance-2026-01-01_2026-06-30.csv"));
        assertThat(older.run("--as-of=2026-06-30").exitCode()).isEqualTo(ExitCodes.SUCCESS);
        byte[] oldState = Files.readAllBytes(older.databaseFile());
        Files.write(history.databaseFile(), oldState);

        Run run = nextNight();

        assertStoppedBeforeRunning(run, oldState);
        assertThat(run.stdout()).contains("older state").contains("nightly as of 2026-08-31 (run 2");
    }

    @Test
    void paymentsMissingWhileNothingRanSinceTheLastJournalledRunAreCaught() throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + history.data().toAbsolutePath()
                .resolve("budget-monitor") + ";IFEXISTS=TRUE", "sa", "")) {
            c.createStatement().execute("DELETE FROM disbursement WHERE id = (SELECT MAX(id) FROM disbursement)");
        }

        Run run = nextNight();

        assertStoppedBeforeRunning(run, null);
        assertThat(run.stdout()).contains("holds 26 payments").contains("27 payments stored");
    }

    @Test
    void aZeroedFileIsCaught() throws Exception {
        Path file = history.databaseFile();
        Files.write(file, new byte[(int) Files.size(file)]);
        byte[] zeroed = Files.readAllBytes(file);

        Run run = nextNight();

        assertStoppedBeforeRunning(run, zeroed);
        assertThat(run.stdout()).contains("cannot be opened");
    }

    @Test
    void aZeroLengthFileDoesNotStartOverAsRunOne() throws Exception {
        Files.write(history.databaseFile(), new byte[0]);

        Run run = nextNight();

        assertStoppedBeforeRunning(run, new byte[0]);
        assertThat(run.stdout()).contains("is empty").contains("4 runs");
    }

    @Test
    void withoutAJournalADataDirectoryFromBeforeItStillStopsOnAFileThatIsEmptyOrCannotBeOpened() throws Exception {
        Files.delete(history.data().resolve("run-journal.log"));
        Path file = history.databaseFile();
        Files.write(file, new byte[(int) Files.size(file)]);

        Run zeroed = nextNight();

        assertStoppedBeforeRunning(zeroed, null);
        assertThat(zeroed.stdout()).contains("cannot be opened");
        Files.write(file, new byte[0]);
        Run empty = nextNight();
        assertStoppedBeforeRunning(empty, new byte[0]);
        assertThat(empty.stdout()).contains("is empty (0 bytes): an H2 database file is never empty");
    }

    @Test
    void aMissingFileWhereRunsHappenedIsCaught() throws Exception {
        Files.delete(history.databaseFile());

        Run run = nextNight();

        assertStoppedBeforeRunning(run, null);
        assertThat(run.stdout()).contains("is missing");
        assertThat(history.databaseFile()).as("no new empty database in its place").doesNotExist();
    }

    @Test
    void aCorruptJournalLineIsReportedAndNotTrustedAndAHealthyDatabaseRunsOn() throws Exception {
        Path journal = history.data().resolve("run-journal.log");
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);
        lines.set(3, lines.get(3).replace("payments=", "payments=9"));
        Files.write(journal, lines, StandardCharsets.UTF_8);

        Run run = nextNight();

        assertThat(run.exitCode()).as(run.stdout()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(run.stdout()).contains("run journal line 4 is corrupt").contains("not trusted");
    }

    @Test
    void aCutFileIsStillCaughtWhenTheJournalsLastLineIsCorrupt() throws Exception {
        Path journal = history.data().resolve("run-journal.log");
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        lines.set(3, lines.get(3).substring(0, 20)); // a torn last line
        Files.write(journal, lines, StandardCharsets.UTF_8);
        Path file = history.databaseFile();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }

        Run run = nextNight();

        assertStoppedBeforeRunning(run, null);
        assertThat(run.stdout()).contains("run journal line 4 is corrupt");
    }
}
