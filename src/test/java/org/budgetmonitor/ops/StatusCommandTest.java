package org.budgetmonitor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.budgetmonitor.BudgetMonitorApplication;
import org.budgetmonitor.run.ExitCodes;
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
}
