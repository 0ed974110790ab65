package org.budgetmonitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.testing.CommandLine;
import org.budgetmonitor.testing.CommandLine.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 reopened after a killed run with an identity generator behind the rows it had numbered (CI,
 * 2026-12-02: the restart stopped on a primary key violation of payment 12609, and would have on every
 * restart after). The generators are a counter, not data: the next run sets each one past its rows
 * and counts the night as an untouched database does.
 */
class GeneratorsBehindTheirRowsTest {

    @TempDir
    Path tmp;

    @Test
    void aNightOnADatabaseWhoseGeneratorsFellBehindTheirRowsStoresEveryPaymentOnceAndEndsAsOnAnUntouchedOne()
            throws Exception {
        Path later = tmp.resolve("later");
        Files.createDirectories(later);
        Files.write(later.resolve("export-2026-07-02.csv"), List.of("支付日期,项目编码,金额,凭证号,收款人,摘要",
                "2026-07-01,13091626P000175100046,1234.56,V-LATE-1,收款人,摘要",
                "2026-07-02,13091626P000177100055,789.00,V-LATE-2,收款人,摘要"));

        Path untouched = tmp.resolve("untouched");
        Path behind = tmp.resolve("behind");
        for (Path work : List.of(untouched, behind)) {
            assertThat(night(work, "sample-data/disbursements", "2026-06-30").exitCode()).isEqualTo(ExitCodes.SUCCESS);
        }
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + behind.resolve("data/budget-monitor"), "sa", "");
                Statement sql = db.createStatement()) {
            // As H2 came back after the kill: its counters short of the ids already stored.
            sql.execute("ALTER TABLE disbursement ALTER COLUMN id RESTART WITH 1");
            sql.execute("ALTER TABLE ingested_file ALTER COLUMN id RESTART WITH 1");
            sql.execute("ALTER SEQUENCE BATCH_JOB_INSTANCE_SEQ RESTART WITH 1");
            sql.execute("ALTER SEQUENCE BATCH_JOB_EXECUTION_SEQ RESTART WITH 1");
            sql.execute("ALTER SEQUENCE BATCH_STEP_EXECUTION_SEQ RESTART WITH 1");
        }

        Run reference = night(untouched, later.toString(), "2026-07-02");
        Run run = night(behind, later.toString(), "2026-07-02");

        assertThat(reference.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(run.exitCode()).as(run.stdout()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(run.stdout()).contains("ingest:     1 files read, 2 rows ingested");
        assertThat(variance(behind)).isEqualTo(variance(untouched));
        assertThat(Files.readString(behind.resolve("data/logs/budget-monitor.log")))
                .contains("The identity of DISBURSEMENT.ID was at 1, behind its rows: set past them")
                .contains("The sequence BATCH_STEP_EXECUTION_SEQ was at 1, behind its rows: set past them");
    }

    private static Run night(Path work, String inbox, String asOf) {
        return CommandLine.run("--as-of=" + asOf, "--plan-dir=sample-data/plan", "--inbox=" + inbox,
                "--output-dir=" + work.resolve("out"), "--data-dir=" + work.resolve("data"));
    }

    private static List<String> variance(Path work) throws IOException {
        return Files.readAllLines(work.resolve("out/2026-07-02/variance-2026-07-02.csv"));
    }
}
