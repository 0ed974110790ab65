package org.budgetmonitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.budgetmonitor.BudgetMonitorApplication;
import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.run.RunLock;
import org.budgetmonitor.testing.CommandLine;
import org.budgetmonitor.testing.EmbeddedPostgresDatabases;
import org.budgetmonitor.testing.CommandLine.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The job as separate processes see it: a killed run, and two runs at once. */
class ProcessLevelTest {

    @TempDir
    Path tmp;


    private List<String> args(Path inbox, Path work) {
        return List.of("--as-of=2026-12-31", "--plan-dir=sample-data/plan", "--inbox=" + inbox,
                "--output-dir=" + work.resolve("out"), "--data-dir=" + work.resolve("data"));
    }

    @Test
    void aSecondRunAtTheSameTimeExitsAtOnceWithItsOwnCodeAndTouchesNothing() throws IOException {
        Path data = tmp.resolve("data");
        try (RunLock first = RunLock.tryAcquire(data).orElseThrow()) {
            Run second = CommandLine.run("--data-dir=" + data, "--output-dir=" + tmp.resolve("out"), "--as-of=2026-06-30");

            assertThat(second.exitCode()).isEqualTo(ExitCodes.ALREADY_RUNNING);
            assertThat(second.stdout()).contains("another run is using").contains("nothing was done");
        }
        // No database was opened or created; only the refusal went to the log.
        try (var files = Files.list(data)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).doesNotContain("budget-monitor.mv.db");
        }
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aRunKilledMidIngestEndsWithExactlyTheTotalsOfAnUninterruptedRunWhenStartedAgain() throws Exception {
        Path inbox = bigInbox(tmp.resolve("inbox"));
        Path reference = tmp.resolve("reference");
        assertThat(CommandLine.run(args(inbox, reference).toArray(String[]::new)).exitCode()).isEqualTo(ExitCodes.SUCCESS);

        Path killed = tmp.resolve("killed");
        Process child = startChild(args(inbox, killed));
        Path log = killed.resolve("data/logs/budget-monitor.log");
        awaitLogLine(log, "Executing step: [ingest]", child);
        Thread.sleep(1500);
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback but the database's own
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isNotZero();
        assertThat(killed.resolve("out/2026-12-31/variance-2026-12-31.csv")).as("killed before the end").doesNotExist();

        Run restarted = CommandLine.run(args(inbox, killed).toArray(String[]::new));

        assertThat(restarted.exitCode()).as("restart: %s%nlog: %s", restarted.stdout(), tail(log)).isEqualTo(ExitCodes.SUCCESS);
        assertThat(restarted.stdout()).contains("run 1, restarted after an interrupted attempt): COMPLETED"); // the same run
        assertThat(Files.readAllLines(killed.resolve("out/2026-12-31/variance-2026-12-31.csv")))
                .as("restart: %s%nlog: %s", restarted.stdout(), tail(log))
                .isEqualTo(Files.readAllLines(reference.resolve("out/2026-12-31/variance-2026-12-31.csv")));
    }

    @Test
    void aRunKilledWhileWritingItsReportsLeavesNoNamelessCopyOfTheFontAndTheNextRunRemovesItsFontFiles()
            throws Exception {
        Path system = Files.createDirectories(tmp.resolve("system-tmp"));
        List<String> jvm = List.of("-Djava.io.tmpdir=" + system);
        Path work = tmp.resolve("work");
        List<String> args = List.of("--as-of=2026-06-30", "--output-dir=" + work.resolve("out"),
                "--data-dir=" + work.resolve("data"));
        Process child = startChild(jvm, args);
        Path log = work.resolve("data/logs/budget-monitor.log");
        awaitLogLine(log, "Executing step: [report]", child);
        Thread.sleep(300);
        child.destroyForcibly(); // SIGKILL: no shutdown hook removes anything
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // The JDK's copies of fonts made from streams are "+~JF…tmp" (JasperReports' own "jr-font…ttf"). Only
        // JasperReports' icon font (6 KB, loaded by a static initialiser from its own registry) may be one.
        assertThat(listing(system).stream().filter(name -> name.startsWith("+~JF") || name.startsWith("jr-font"))
                .map(name -> size(system.resolve(name))))
                .as("nameless copies of fonts, by size").allMatch(size -> size < 100_000);
        assertThat(listing(system)).contains("budget-monitor-fonts-" + child.pid());

        Process next = startChild(jvm, args);
        assertThat(next.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(next.exitValue()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(listing(system)).as("the killed run's font files, and the next run's own")
                .noneMatch(name -> name.startsWith("budget-monitor-fonts-"));
    }

    private static List<String> listing(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** The same run's arguments on a fresh PostgreSQL database, or on the H2 default. */
    private List<String> args(Path inbox, Path work, boolean onPostgres) {
        List<String> args = new ArrayList<>(args(inbox, work));
        if (onPostgres) {
            args.addAll(List.of("--spring.profiles.active=postgres",
                    "--spring.datasource.url=" + EmbeddedPostgresDatabases.newDatabase(),
                    "--spring.datasource.username=postgres"));
        }
        return args;
    }

    @ParameterizedTest(name = "on PostgreSQL: {0}")
    @ValueSource(booleans = {false, true})
    void aRunKilledAtARandomPointAndRestartedAfterMoreExportsArrivedCountsEveryFileOnce(boolean onPostgres)
            throws Exception {
        Path late = tmp.resolve("late.csv");
        // Sorts before the files the killed run was reading, and a copy of one of them.
        write(late, List.of("2026-12-30,13091626P000175100046,12.34,LATE-1,收款人,摘要"));
        Path referenceInbox = bigInbox(tmp.resolve("reference-inbox"));
        Files.copy(late, referenceInbox.resolve("0-late.csv"));
        Files.copy(referenceInbox.resolve("a.csv"), referenceInbox.resolve("0-copy-of-a.csv"));
        Path reference = tmp.resolve("reference");
        assertThat(CommandLine.run(args(referenceInbox, reference, onPostgres).toArray(String[]::new)).exitCode())
                .isEqualTo(ExitCodes.SUCCESS);

        Path inbox = bigInbox(tmp.resolve("inbox"));
        Path killed = tmp.resolve("killed");
        List<String> args = args(inbox, killed, onPostgres);
        Process child = startChild(args);
        Path log = killed.resolve("data/logs/budget-monitor.log");
        awaitLogLine(log, "Executing step: [ingest]", child);
        long delay = new Random().nextInt(3000);
        Thread.sleep(delay);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Files.copy(late, inbox.resolve("0-late.csv"));
        Files.copy(inbox.resolve("a.csv"), inbox.resolve("0-copy-of-a.csv"));

        Run restarted = CommandLine.run(args.toArray(String[]::new));

        Path csv = killed.resolve("out/2026-12-31/variance-2026-12-31.csv");
        if (!onPostgres && restarted.exitCode() != ExitCodes.SUCCESS && restarted.stdout().contains("the database is damaged")) {
            // H2 has reopened after a kill with the payments table and its pay-date index out of step (CI,
            // 2026-12-02: the totals one payment of 849.67 元 above the payments read by date). Then the
            // night must refuse to give figures, not give wrong ones.
            assertThat(csv).as("no figures from a damaged database").doesNotExist();
            return;
        }
        assertThat(restarted.exitCode()).as("killed %d ms into the ingest; restart: %s%nlog: %s", delay,
                restarted.stdout(), tail(log)).isEqualTo(ExitCodes.SUCCESS);
        assertThat(Files.readAllLines(csv))
                .as("killed %d ms into the ingest; restart: %s%nlog: %s", delay, restarted.stdout(), tail(log))
                .isEqualTo(Files.readAllLines(reference.resolve("out/2026-12-31/variance-2026-12-31.csv")));
    }

    /** The log's last lines, and every cause it names: a rare failure must explain itself from the CI output. */
    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        List<String> causes = lines.stream().filter(l -> l.startsWith("Caused by:") || l.contains("is locked by tx"))
                .distinct().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))
                + "\ncauses:\n" + String.join("\n", causes);
    }

    /** 100,000 payment lines over the sample's five projects, in three overlapping exports. */
    private static Path bigInbox(Path inbox) throws IOException {
        Files.createDirectories(inbox);
        String[] projects = {"13091626P000175100046", "13091626P000177100055", "13091626P000178100047",
            "13091626P00017610004U", "13091626P00018210006K"};
        Random random = new Random(42);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 80_000; i++) {
            int day = 1 + random.nextInt(365);
            String date = java.time.LocalDate.ofYearDay(2026, day).toString();
            long fen = 100 + random.nextInt(500_000) - (random.nextInt(20) == 0 ? 300_000 : 0);
            lines.add(date + "," + projects[random.nextInt(projects.length)] + "," + (fen / 100) + "."
                    + String.format("%02d", Math.abs(fen % 100)) + ",V" + i + ",收款人" + (i % 97) + ",摘要");
        }
        write(inbox.resolve("a.csv"), lines.subList(0, 40_000));
        write(inbox.resolve("b.csv"), lines.subList(20_000, 60_000));
        write(inbox.resolve("c.csv"), lines.subList(60_000, 80_000));
        return inbox;
    }

    private static void write(Path file, List<String> lines) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file)) {
            writer.write("支付日期,项目编码,金额,凭证号,收款人,摘要\n");
            for (String line : lines) {
                writer.write(line);
                writer.write('\n');
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Process startChild(List<String> args) throws IOException {
        return startChild(List.of(), args);
    }

    private static Process startChild(List<String> jvmOptions, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BudgetMonitorApplication.class.getName()));
        command.addAll(args);
        command.add("--monitor.ingest.chunk-size=200");
        command.add("--logging.level.org.springframework.batch=INFO");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void awaitLogLine(Path log, String text, Process child) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            assertThat(child.isAlive()).as("child still running").isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "' in " + log);
    }
}
