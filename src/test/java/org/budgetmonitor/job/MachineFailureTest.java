package org.budgetmonitor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.testing.ArchivedHistory;
import org.budgetmonitor.testing.CommandLine;
import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.CommandLine.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the nightly job does when the machine around it fails: damaged files, odd folders, other disks. */
class MachineFailureTest {

    private static final String JAN_TO_JUN = "finance-2026-01-01_2026-06-30.csv";

    @TempDir
    Path tmp;

    /**
     * A journal whose last line was torn inside a multi-byte character (the database's path holds
     * Chinese characters) is one corrupt line, named and not trusted; the earlier lines still are
     * and a healthy database runs on (README, "Recovery").
     */
    @Test
    void aJournalLineTornInsideAChineseCharacterIsOneUntrustedLineNotAnUnreadableJournal() throws Exception {
        ArchivedHistory history = new ArchivedHistory(tmp.resolve("预算 监控"));
        history.play();
        Path journal = history.data().resolve("run-journal.log");
        byte[] bytes = Files.readAllBytes(journal);
        byte[] chinese = "监".getBytes(StandardCharsets.UTF_8);
        int last = lastIndexOf(bytes, chinese);
        assertThat(last).as("the journal names the database under its Chinese path").isPositive();
        Files.write(journal, Arrays.copyOf(bytes, last + 1)); // torn after the first byte of 监

        Run run = history.run("--as-of=2026-09-30");

        assertThat(run.exitCode()).as(run.stdout()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(run.stdout()).contains("run journal line 4 is corrupt").contains("not trusted");
    }

    /**
     * An archive on another disk than the inbox (a mounted backup volume) is still an archive: the
     * README sets no such limit, and a night must not fail every time because a rename cannot cross it.
     */
    @Test
    void anArchiveOnAnotherFileSystemThanTheInboxStillReceivesTheExports() throws Exception {
        Path shm = Path.of("/dev/shm");
        assumeThat(Files.isDirectory(shm) && Files.isWritable(shm)).isTrue();
        Path inbox = tmp.resolve("inbox");
        Files.createDirectories(inbox);
        assumeThat(Files.getFileStore(shm)).isNotEqualTo(Files.getFileStore(inbox));
        Path archive = Files.createTempDirectory(shm, "budget-archive-");
        try {
            Files.copy(Path.of("sample-data/disbursements").resolve(JAN_TO_JUN), inbox.resolve(JAN_TO_JUN));

            Run run = CommandLine.run("--as-of=2026-06-30", "--plan-dir=sample-data/plan", "--inbox=" + inbox,
                    "--archive-dir=" + archive, "--output-dir=" + tmp.resolve("out"), "--data-dir=" + tmp.resolve("data"),
                    "--monitor.report.enabled=false");

            assertThat(run.exitCode()).as(run.stdout()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(archive.resolve("2026-06-30").resolve(JAN_TO_JUN)).exists();
            assertThat(inbox.resolve(JAN_TO_JUN)).doesNotExist();
        } finally {
            try (Stream<Path> files = Files.walk(archive)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * A path where the night's folder should be that is a file (a mistaken copy, a restore gone wrong):
     * the run fails with exit code 1 and its summary says what is wrong, not only a path.
     */
    @Test
    void aFileWhereTheNightsOutputFolderGoesFailsTheRunWithAMessageThatSaysWhy() throws Exception {
        Path inbox = tmp.resolve("inbox");
        Files.createDirectories(inbox);
        Files.copy(Path.of("sample-data/disbursements").resolve(JAN_TO_JUN), inbox.resolve(JAN_TO_JUN));
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("2026-06-30"), "not a folder");

        Run run = CommandLine.run("--as-of=2026-06-30", "--plan-dir=sample-data/plan", "--inbox=" + inbox,
                "--output-dir=" + out, "--data-dir=" + tmp.resolve("data"), "--monitor.report.enabled=false");

        assertThat(run.exitCode()).as(run.stdout()).isEqualTo(ExitCodes.FAILED);
        String error = run.stdout().lines().filter(l -> l.contains("error:")).findFirst().orElse("");
        assertThat(error).as(run.stdout()).isNotEqualTo("  error:      " + out.resolve("2026-06-30"))
                .containsAnyOf("exists", "not a directory", "Not a directory", "cannot");
    }

    /**
     * The same as-of run again after the bank confirmed the only line that awaited it: the night's folder
     * must not keep the first run's pending-<as-of>.csv, which lists the line as still awaiting the bank
     * (README: the file is written "when lines await bank confirmation"; a run again has "the same figures").
     */
    @Test
    void aRunAgainWithNothingAwaitingTheBankLeavesNoPendingFileOfTheEarlierRun() throws Exception {
        Path inbox = tmp.resolve("inbox");
        Path plan = Exports.plan(tmp.resolve("plan"));
        String header = Exports.HEADER + ",实际支付金额,实际支付日期";
        Exports.write(inbox, "z.csv", header, "2026-01-10,P1,100.00,V1,甲,摘要,100.00,2026-01-10",
                "2026-01-11,P1,50.00,V2,乙,摘要,,");
        String[] args = {"--as-of=2026-01-11", "--plan-dir=" + plan, "--inbox=" + inbox,
                "--output-dir=" + tmp.resolve("out"), "--data-dir=" + tmp.resolve("data"), "--monitor.report.enabled=false"};
        Run first = CommandLine.run(args);
        assertThat(first.exitCode()).as(first.stdout()).isEqualTo(ExitCodes.SUCCESS);
        Path pending = tmp.resolve("out/2026-01-11/pending-2026-01-11.csv");
        assertThat(pending).as(first.stdout()).exists();
        assertThat(Files.readString(pending)).contains("V2");

        // The bank confirms V2: the export is corrected in place and the night is run again.
        Exports.write(inbox, "z.csv", header, "2026-01-10,P1,100.00,V1,甲,摘要,100.00,2026-01-10",
                "2026-01-11,P1,50.00,V2,乙,摘要,50.00,2026-01-11");
        Run again = CommandLine.run(args);

        assertThat(again.exitCode()).as(again.stdout()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(again.stdout()).contains("run 2").doesNotContain("not yet confirmed by the bank");
        assertThat(again.stdout()).as("the output line").doesNotContain("pending-2026-01-11.csv");
        assertThat(pending).as("a list of lines awaiting the bank, from run 1").doesNotExist();
    }

    /**
     * A journal cut to 0 bytes (the product never writes it empty) over a database put back at an older
     * state: the check has nothing left to compare with, and the run must at least say so, as it names a
     * corrupt line, instead of passing the older database off as a healthy one without a word.
     */
    @Test
    void aJournalCutToNothingIsSaidNotTakenForAFreshDataDirectory() throws Exception {
        ArchivedHistory history = new ArchivedHistory(tmp.resolve("history"));
        history.play();
        ArchivedHistory older = new ArchivedHistory(tmp.resolve("older"));
        Files.createDirectories(older.inbox());
        Files.copy(Path.of("sample-data/disbursements").resolve(JAN_TO_JUN), older.inbox().resolve(JAN_TO_JUN));
        assertThat(older.run("--as-of=2026-06-30").exitCode()).isEqualTo(ExitCodes.SUCCESS);
        Files.write(history.databaseFile(), Files.readAllBytes(older.databaseFile()));
        Files.write(history.data().resolve("run-journal.log"), new byte[0]);

        Run run = history.run("--as-of=2026-09-30");

        assertThat(run.stdout()).contains("run journal").contains("empty");
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
