package org.budgetmonitor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.budgetmonitor.BudgetMonitorApplication;
import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.testing.Exports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

    @TempDir
    Path tmp;

    private String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = BudgetMonitorApplication.run(args);
            return code + "\n" + captured.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void listsTheLastRunsWithTheirCountsFilesAndMailStatus() {
        String data = "--data-dir=" + tmp.resolve("data");
        run("--as-of=2026-06-30", "--output-dir=" + tmp.resolve("out"), data);
        String redRun = run("--as-of=2026-06-30", "--output-dir=" + tmp.resolve("out"), data, "--red-exit-code=true");

        String status = run("--job=status", data);

        assertThat(redRun).startsWith(ExitCodes.SUCCESS_WITH_RED + "\n");
        assertThat(status).startsWith("0\n")
                .containsPattern("nightly +2026-06-30 +1 .* COMPLETED +ingested 26, rejected 1, RED 2, YELLOW 2, GREEN 1 +off")
                .containsPattern("nightly +2026-06-30 +2 ")
                .containsPattern("variance-2026-06-30\\.pdf [0-9a-f]{64}");
    }

    @Test
    void onAFolderWithoutADatabaseSaysSoAndCreatesNothing() {
        Path typo = tmp.resolve("dta");

        String status = run("--job=status", "--data-dir=" + typo);

        assertThat(status).startsWith(ExitCodes.BAD_INPUT + "\n")
                .contains("no database in " + typo.toAbsolutePath() + ": no runs there yet, or a mistyped --data-dir?");
        assertThat(typo).doesNotExist();
    }

    @Test
    void listsImportPlanRunsLikeTheOthers() {
        String data = "--data-dir=" + tmp.resolve("data");
        String imported = run("--job=import-plan", "--document=sample-data/budget-document/472001-2026.txt",
                "--fiscal-year=2026", "--plan-dir=" + tmp.resolve("plan"), data);

        String status = run("--job=status", data);

        assertThat(imported).startsWith("0\n");
        assertThat(status).startsWith("0\n").containsPattern("import-plan +[0-9-]{10} +1 .* COMPLETED")
                .containsPattern("projects\\.csv [0-9a-f]{64}");
    }

    /**
     * A failed run restarted by the same command, and a run whose process was killed (left STARTED, as
     * kill -9 leaves it), are marked as restarts in the summary and in the status.
     */
    @Test
    void marksARestartOfAFailedRunAndARestartAfterAKill() throws IOException, SQLException {
        Path plan = tmp.resolve("plan");
        Exports.write(plan, "projects.csv",
                "fiscal_year,unit_code,unit_name,project_code,project_name,budget_wan,plan_06-30,plan_12-31",
                "2026,472001,单位,P1,项目,10,5,8"); // AUTO cannot tell the unit: the run fails
        String[] nightly = {"--as-of=2026-06-30", "--plan-dir=" + plan, "--output-dir=" + tmp.resolve("out"),
                "--data-dir=" + tmp.resolve("data")};

        String failed = run(nightly);
        Exports.plan(plan);
        String restarted = run(nightly);
        String again = run(nightly); // run 2: a new run of a completed date, no restart
        // As kill -9 leaves it: run 3 started and never ended.
        Exports.write(plan, "projects.csv", "broken");
        run(nightly);
        markLastExecutionStarted();
        Exports.plan(plan);
        String afterKill = run(nightly);
        String status = run("--job=status", "--data-dir=" + tmp.resolve("data"));

        assertThat(failed).startsWith(ExitCodes.BAD_INPUT + "\n").contains("(fiscal year 2026, run 1): FAILED");
        assertThat(restarted).startsWith("0\n")
                .contains("(fiscal year 2026, run 1, restarted after a failed attempt): COMPLETED");
        assertThat(again).contains("(fiscal year 2026, run 2): COMPLETED");
        assertThat(afterKill).startsWith("0\n")
                .contains("(fiscal year 2026, run 3, restarted after an interrupted attempt): COMPLETED");
        assertThat(status)
                .containsPattern("nightly +2026-06-30 +1 .* FAILED ")
                .containsPattern("nightly +2026-06-30 +1 .* COMPLETED +after failure +ingested")
                .containsPattern("nightly +2026-06-30 +2 .* COMPLETED +ingested")
                .containsPattern("nightly +2026-06-30 +3 .* COMPLETED +after kill +ingested")
                .contains("restarted: carried on where an earlier attempt of the same run stopped");
    }

    private void markLastExecutionStarted() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + tmp.resolve("data").toAbsolutePath()
                + "/budget-monitor", "sa", "")) {
            c.createStatement().executeUpdate("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL"
                    + " WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)");
        }
    }
}
