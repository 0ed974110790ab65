package org.budgetmonitor.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.testing.ArchivedHistory;
import org.budgetmonitor.testing.ArchivedHistory.Figures;
import org.budgetmonitor.testing.CommandLine.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --job=rebuild} replays the archived exports, night by night as they were run, into a
 * fresh database and ends with exactly the figures of the uninterrupted history.
 */
class RebuildTest {

    @TempDir
    Path tmp;

    @Test
    void aDatabaseCutShortIsRebuiltFromTheArchiveToExactlyTheTotalsOfTheUninterruptedHistory() throws Exception {
        ArchivedHistory history = new ArchivedHistory(tmp);
        history.play();
        Figures uninterrupted = history.h2Figures();
        assertThat(uninterrupted.payments()).isPositive();
        try (RandomAccessFile raf = new RandomAccessFile(history.databaseFile().toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }
        assertThat(history.run("--as-of=2026-09-30").exitCode()).isEqualTo(ExitCodes.FAILED);
        long archived;
        try (var files = Files.walk(history.archive())) {
            archived = files.filter(Files::isRegularFile).count();
        }

        Run rebuild = history.run("--job=rebuild");

        assertThat(rebuild.exitCode()).as(rebuild.stdout()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(history.h2Figures()).isEqualTo(uninterrupted);
        assertThat(rebuild.stdout()).contains("budget-monitor rebuild: COMPLETED")
                .contains("replayed:   3 nights, 4 runs, 5 files")
                .contains(uninterrupted.payments() + " payments, total "
                        + new java.math.BigDecimal(uninterrupted.totalYuan()).setScale(2).toPlainString() + " 元");
        try (var files = Files.list(history.data())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("budget-monitor.mv.db.damaged-"))
                    .anyMatch(n -> n.startsWith("run-journal.log.before-rebuild-"));
        }
        try (var files = Files.walk(history.archive())) {
            assertThat(files.filter(Files::isRegularFile).count()).as("the archive is read, never moved").isEqualTo(archived);
        }
        assertThat(history.data().resolve("backup")).as("no backups of replayed nights")
                .satisfies(dir -> assertThat(Files.list(dir).filter(p -> p.toString().contains("rebuild")).count()).isZero());

        // The rebuilt database and its fresh journal agree: the next night runs as usual, and status lists the nights again.
        Run next = history.run("--as-of=2026-09-30");
        assertThat(next.exitCode()).as(next.stdout()).isEqualTo(ExitCodes.SUCCESS);
        Run status = history.run("--job=status");
        assertThat(status.stdout()).contains("2026-06-30").contains("2026-07-31").contains("2026-08-31");
    }

    @Test
    void aRebuildThatDidNotFinishKeepsTheNightlyJobFromRunningOnPartOfTheHistory() throws Exception {
        ArchivedHistory history = new ArchivedHistory(tmp);
        history.play();
        // The plan of the replay is missing: the first replayed night fails.
        Run rebuild = history.run("--job=rebuild", "--plan-dir=" + tmp.resolve("no-plan"));
        assertThat(rebuild.exitCode()).as(rebuild.stdout()).isNotEqualTo(ExitCodes.SUCCESS);

        Run night = history.run("--as-of=2026-09-30");

        assertThat(night.exitCode()).as(night.stdout()).isEqualTo(ExitCodes.FAILED);
        assertThat(night.stdout()).contains("rebuild").contains("did not finish").contains("--job=rebuild");
        assertThat(history.run("--job=rebuild").exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(history.run("--as-of=2026-09-30").exitCode()).isEqualTo(ExitCodes.SUCCESS);
    }

    @Test
    void withoutAnArchiveThereIsNothingToRebuildFromAndNothingIsMoved() throws Exception {
        ArchivedHistory history = new ArchivedHistory(tmp);
        history.play();
        byte[] database = Files.readAllBytes(history.databaseFile());

        Run rebuild = history.run("--job=rebuild", "--archive-dir=" + tmp.resolve("nowhere"));

        assertThat(rebuild.exitCode()).as(rebuild.stdout()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(rebuild.stdout()).contains("--archive-dir");
        assertThat(Files.readAllBytes(history.databaseFile())).isEqualTo(database);
        assertThat(history.run("--as-of=2026-09-30").exitCode()).isEqualTo(ExitCodes.SUCCESS);
    }
}
