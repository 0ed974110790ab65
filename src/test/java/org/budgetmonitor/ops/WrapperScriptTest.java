package org.budgetmonitor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
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

    /** A configuration whose jar and input folders exist (under tmp), with a stand-in for java. */
    private Path config(int exitCode, double sleepSeconds) throws IOException {
        return config(tmp.resolve("budget-monitor.conf"), exitCode, sleepSeconds);
    }

    private Path config(Path conf, int exitCode, double sleepSeconds) throws IOException {
        return config(conf, exitCode, sleepSeconds, "-Xmx512m", 0);
    }

    /**
     * @param shareExitCode what the stand-in for java exits with when asked whether a class-data archive fits
     *        ({@code -Xshare:on … -version}): 0 it fits, 1 it does not
     */
    private Path config(Path conf, int exitCode, double sleepSeconds, String javaOpts, int shareExitCode)
            throws IOException {
        Path fakeJava = tmp.resolve("fake-java");
        Files.writeString(fakeJava, "#!/usr/bin/env bash\n"
                + "case \" $* \" in *\" -Xshare:on \"*) echo \"$*\" > " + tmp.resolve("share-check") + "; exit "
                + shareExitCode + ";; esac\n"
                + "echo \"args: $*\" > " + tmp.resolve("args") + "\n"
                + "echo 'budget-monitor nightly: COMPLETED'\nsleep " + sleepSeconds + "\nexit " + exitCode + "\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path srv = tmp.resolve("srv");
        for (String folder : List.of("plan", "inbox", "progress")) {
            Files.createDirectories(srv.resolve(folder));
        }
        Files.writeString(tmp.resolve("budget-monitor.jar"), "not really a jar");
        Files.writeString(conf, String.join("\n",
                "APP_JAR=" + tmp.resolve("budget-monitor.jar"), "JAVA=" + fakeJava, "JAVA_OPTS=\"" + javaOpts + "\"",
                "PLAN_DIR=" + srv.resolve("plan"), "INBOX=" + srv.resolve("inbox"), "ARCHIVE_DIR=" + srv.resolve("archive"),
                "PROGRESS_DIR=" + srv.resolve("progress"), "OUTPUT_DIR=" + srv.resolve("out"), "DATA_DIR=" + srv.resolve("data"),
                "LOG_DIR=" + tmp.resolve("logs"), "LOCK_FILE=" + srv.resolve("data/wrapper.lock"),
                "APP_OPTS=\"--monitor.mail.enabled=true\"", ""));
        return conf;
    }

    private Process start(Path conf, String... args) throws IOException {
        return start(Map.of("BUDGET_MONITOR_CONF", conf.toString()), args);
    }

    /**
     * Runs jobs/nightly.sh with the given variables set; BUDGET_MONITOR_CONF is always taken out of
     * the inherited environment, and the /etc location always points into tmp.
     */
    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "jobs/nightly.sh"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("BUDGET_MONITOR_CONF");
        builder.environment().put("BUDGET_MONITOR_ETC_CONF", tmp.resolve("etc/budget-monitor.conf").toString());
        builder.environment().putAll(env);
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
        assertThat(Files.readString(tmp.resolve("args"))).contains("-Xmx512m -jar " + tmp.resolve("budget-monitor.jar") + " --job=nightly "
                + "--as-of=2026-06-30 --plan-dir=" + tmp.resolve("srv/plan") + " --inbox=" + tmp.resolve("srv/inbox")
                + " --archive-dir=" + tmp.resolve("srv/archive"))
                .contains("--red-exit-code=true --monitor.mail.enabled=true");
        try (var logs = Files.list(tmp.resolve("logs"))) {
            assertThat(logs).singleElement().satisfies(log -> {
                assertThat(log.getFileName().toString()).startsWith("nightly-2026-06-30-");
                assertThat(Files.readString(log)).contains("COMPLETED");
            });
        }
    }

    @Test
    void anArchiveThatDoesNotFitThisJavaAndTheseJarsIsSaidAfterTheRun() throws Exception {
        // Copied elsewhere than where it was made, or after a java update, -Xshare:auto skips it silently.
        Path archive = tmp.resolve("app/budget-monitor.jsa");
        Path conf = config(tmp.resolve("budget-monitor.conf"), 0, 0,
                "-Xmx512m -XX:SharedArchiveFile=" + archive + " -Xshare:auto", 1);

        Result result = finish(start(conf, "2026-06-30"));

        assertThat(result.code()).isZero();
        assertThat(result.stdout()).contains("the class-data archive " + archive + " does not fit "
                + tmp.resolve("budget-monitor.jar")).contains("jobs/install-app.sh");
        assertThat(Files.readString(tmp.resolve("share-check")))
                .contains("-Xshare:on -XX:SharedArchiveFile=" + archive + " -cp " + tmp.resolve("budget-monitor.jar"));
        assertThat(Files.readString(tmp.resolve("args"))).contains("--job=nightly");
    }

    @Test
    void anArchiveThatFitsIsNotMentioned() throws Exception {
        Path archive = tmp.resolve("app/budget-monitor.jsa");
        Path conf = config(tmp.resolve("budget-monitor.conf"), 0, 0, "-Xmx512m -XX:SharedArchiveFile=" + archive, 0);

        Result result = finish(start(conf, "2026-06-30"));

        assertThat(result.stdout()).doesNotContain("class-data archive");
        assertThat(tmp.resolve("share-check")).exists();
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

    @Test
    void withoutTheVariableItReadsTheConfigurationInEtcAndSaysSo() throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("etc")).resolve("budget-monitor.conf");
        config(etc, 0, 0);

        Result result = finish(start(Map.of()));

        assertThat(result.code()).isZero();
        assertThat(result.stdout()).contains("budget-monitor: configuration " + etc);
        assertThat(Files.readString(tmp.resolve("args"))).contains("--plan-dir=" + tmp.resolve("srv/plan"));
    }

    @Test
    void theVariableWinsOverEtc() throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("etc")).resolve("budget-monitor.conf");
        Files.writeString(etc, "APP_JAR=/nowhere/etc.jar\n");
        Path conf = config(0, 0);

        Result result = finish(start(conf, "2026-06-30"));

        assertThat(result.code()).isZero();
        assertThat(result.stdout()).contains("budget-monitor: configuration " + conf).doesNotContain("etc.jar");
    }

    @Test
    void withNeitherItFallsBackToTheShippedConfigurationAndStopsBeforeCreatingAnything() throws Exception {
        // The shipped jobs/budget-monitor.conf points at /opt and /srv, which do not exist here.
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(Path.of("/opt/budget-monitor/budget-monitor.jar")));
        boolean srvThere = Files.exists(Path.of("/srv/budget-monitor"));
        boolean logsThere = Files.exists(Path.of("/var/log/budget-monitor"));

        Result result = finish(start(Map.of(), "2026-06-30"));

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.stdout()).contains("budget-monitor: configuration " + Path.of("jobs/budget-monitor.conf").toAbsolutePath())
                .contains("no application jar at /opt/budget-monitor/app/budget-monitor.jar (APP_JAR)")
                .contains("no folder /srv/budget-monitor/inbox (INBOX)").contains("nothing was done");
        if (!srvThere) {
            assertThat(Path.of("/srv/budget-monitor")).doesNotExist();
        }
        if (!logsThere) {
            assertThat(Path.of("/var/log/budget-monitor")).doesNotExist();
        }
    }

    @Test
    void aMissingJarOrInputFolderIsNamedWithExitCodeTwoAndNothingIsCreated() throws Exception {
        Path conf = config(0, 0);
        Files.delete(tmp.resolve("budget-monitor.jar"));
        Files.delete(tmp.resolve("srv/inbox"));

        Result result = finish(start(conf, "2026-06-30"));

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.stdout()).contains("no application jar at " + tmp.resolve("budget-monitor.jar") + " (APP_JAR)")
                .contains("no folder " + tmp.resolve("srv/inbox") + " (INBOX)").contains("nothing was done");
        assertThat(tmp.resolve("args")).doesNotExist();
        assertThat(tmp.resolve("logs")).doesNotExist();
        assertThat(tmp.resolve("srv/data")).doesNotExist();
        assertThat(tmp.resolve("srv/out")).doesNotExist();
        assertThat(tmp.resolve("srv/archive")).doesNotExist();
    }

    @Test
    void aMissingPlanFolderIsNamedToo() throws Exception {
        Path conf = config(0, 0);
        Files.delete(tmp.resolve("srv/plan"));

        Result result = finish(start(conf, "2026-06-30"));

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.stdout()).contains("no folder " + tmp.resolve("srv/plan") + " (PLAN_DIR)");
        assertThat(tmp.resolve("logs")).doesNotExist();
    }

    @Test
    void aConfigurationThatLeavesASettingOutIsNamed() throws Exception {
        Path conf = config(0, 0);
        Files.writeString(conf, Files.readString(conf).replaceAll("(?m)^OUTPUT_DIR=.*\n", ""));

        Result result = finish(start(conf, "2026-06-30"));

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.stdout()).contains("OUTPUT_DIR is not set in " + conf);
        assertThat(tmp.resolve("logs")).doesNotExist();
    }

    @Test
    void aVariablePointingAtNoFileIsAnErrorNotAFallback() throws Exception {
        Result result = finish(start(Map.of("BUDGET_MONITOR_CONF", tmp.resolve("missing.conf").toString()), "2026-06-30"));

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.stdout()).contains("no configuration at " + tmp.resolve("missing.conf") + " (BUDGET_MONITOR_CONF)");
    }

    @Test
    void afterTheChecksItCreatesTheDataLogAndOutputFolders() throws Exception {
        Path conf = config(0, 0);

        Result result = finish(start(conf, "2026-06-30"));

        assertThat(result.code()).isZero();
        assertThat(tmp.resolve("logs")).isDirectory();
        assertThat(tmp.resolve("srv/data")).isDirectory();
        assertThat(tmp.resolve("srv/out")).isDirectory();
        assertThat(tmp.resolve("srv/archive")).isDirectory();
    }
}
