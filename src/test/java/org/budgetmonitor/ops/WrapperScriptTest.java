package org.budgetmonitor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs/nightly.sh as cron runs it, with a stand-in for java that records its arguments, sleeps
 * and exits with a given code.
 */
class WrapperScriptTest {

    @TempDir
    Path tmp;

    private record Result(int code, String stdout) {
    }

    private Path config(int exitCode, double sleepSeconds) throws IOException {
        Path fakeJava = tmp.resolve("fake-java");
        Files.writeString(fakeJava, "#!/usr/bin/env bash\necho \"args: $*\" > " + tmp.resolve("args") + "\n"
                + "echo 'budget-monitor nightly: COMPLETED'\nsleep " + sleepSeconds + "\nexit " + exitCode + "\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path conf = tmp.resolve("budget-monitor.conf");
        Files.writeString(conf, String.join("\n",
                "APP_JAR=/opt/budget-monitor.jar", "JAVA=" + fakeJava, "JAVA_OPTS=\"-Xmx512m\"",
                "PLAN_DIR=/srv/plan", "INBOX=/srv/inbox", "ARCHIVE_DIR=/srv/archive", "PROGRESS_DIR=/srv/progress",
                "OUTPUT_DIR=/srv/out", "DATA_DIR=/srv/data", "LOG_DIR=" + tmp.resolve("logs"),
                "LOCK_FILE=" + tmp.resolve("wrapper.lock"), "APP_OPTS=\"--monitor.mail.enabled=true\"", ""));
        return conf;
    }

    private Process start(Path conf, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "jobs/nightly.sh"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BUDGET_MONITOR_CONF", conf.toString());
        return builder.start();
    }

    private static Result finish(Process process) throws Exception {
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void runsTheJobForTheGivenDayWritesADatedLogAndPassesTheExitCodeOn() throws Exception {
        Path conf = config(4, 0);

        Result result = finish(start(conf, "2026-06-30"));

        assertThat(result.code()).isEqualTo(4);
        assertThat(result.stdout()).contains("budget-monitor nightly: COMPLETED").contains("(exit code 4; log ");
        assertThat(Files.readString(tmp.resolve("args"))).contains("-Xmx512m -jar /opt/budget-monitor.jar --job=nightly "
                + "--as-of=2026-06-30 --plan-dir=/srv/plan --inbox=/srv/inbox --archive-dir=/srv/archive")
                .contains("--red-exit-code=true --monitor.mail.enabled=true");
        try (var logs = Files.list(tmp.resolve("logs"))) {
            assertThat(logs).singleElement().satisfies(log -> {
                assertThat(log.getFileName().toString()).startsWith("nightly-2026-06-30-");
                assertThat(Files.readString(log)).contains("COMPLETED");
            });
        }
    }

    @Test
    void aSecondRunWhileTheFirstHoldsTheLockExitsAtOnceWithCodeThree() throws Exception {
        Path conf = config(0, 3);
        Process first = start(conf, "2026-06-30");
        Thread.sleep(800); // the first one has the lock and is "running"

        Result second = finish(start(conf, "2026-06-30"));

        assertThat(second.code()).isEqualTo(3);
        assertThat(second.stdout()).contains("another run holds").contains("nothing was done");
        assertThat(finish(first).code()).isZero();
    }

    @Test
    void withoutADateItRunsForYesterday() throws Exception {
        Path conf = config(0, 0);

        finish(start(conf));

        String yesterday = java.time.LocalDate.now().minusDays(1).toString();
        assertThat(Files.readString(tmp.resolve("args"))).contains("--as-of=" + yesterday);
    }
}
