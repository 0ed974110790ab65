package org.budgetmonitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.budgetmonitor.BudgetMonitorApplication;
import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.run.RunLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run refused by the lock is a second process: it says so on its own stdout and writes nothing into the running job's log. */
class LockRefusalLogTest {

    @TempDir
    Path tmp;

    @Test
    void theRefusedProcessLeavesTheRunningJobsLogUntouched() throws Exception {
        Path data = tmp.resolve("data");
        Path log = data.resolve("logs/budget-monitor.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "12:00:00.000 INFO  the running job's own log\n", StandardCharsets.UTF_8);
        String before = Files.readString(log, StandardCharsets.UTF_8);

        try (RunLock running = RunLock.tryAcquire(data).orElseThrow()) { // this JVM is the running job
            Process second = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), BudgetMonitorApplication.class.getName(),
                    "--as-of=2026-06-30", "--data-dir=" + data, "--output-dir=" + tmp.resolve("out")))
                    .redirectErrorStream(true).start();
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(second.exitValue()).as(output).isEqualTo(ExitCodes.ALREADY_RUNNING);
            assertThat(output).contains("another run is using").contains("nothing was done");
        }
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).as("the running job's log").isEqualTo(before);
        try (var files = Files.list(data.resolve("logs"))) {
            assertThat(files).as("no other log file either").containsExactly(log);
        }
    }
}
