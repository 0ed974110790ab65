package org.budgetmonitor.spending;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An amount no budget payment can have never reaches the database, and one stored before the bound
 * existed never makes a night fail: every sum of money is exact, whatever its size (issue 13).
 */
@JobTest
class ImplausibleAmountsTest {

    @Autowired
    NightlyJobHarness job;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    Path plan;
    Path inbox;

    @BeforeEach
    void setUp() {
        job.clear();
        plan = Exports.plan(tmp.resolve("plan"));
        // The plan of the next year too, so that a night of January 2027 has one.
        Exports.write(plan, "projects.csv",
                "fiscal_year,unit_code,unit_name,project_code,project_name,budget_wan,fiscal_funds_wan,other_funds_wan,"
                        + "purpose,goal,plan_unit,plan_03-31,plan_06-30,plan_10-31,plan_12-31",
                "2026,472001,测试单位,P1,测试项目,100.00,100.00,,用途,目标,AUTO,25,50,75,100",
                "2027,472001,测试单位,P1,测试项目,100.00,100.00,,用途,目标,AUTO,25,50,75,100");
        inbox = tmp.resolve("inbox");
    }

    private void run(LocalDate asOf) throws Exception {
        assertThat(job.run(asOf, plan, inbox, tmp.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    private BigDecimal month(String project, int month) {
        return jdbc.queryForObject("SELECT m%02d_yuan FROM project_year_total WHERE fiscal_year = 2026 AND project_code = ?"
                .formatted(month), BigDecimal.class, project);
    }

    private BigDecimal actual(LocalDate asOf, String project) {
        return jdbc.queryForObject("SELECT actual_yuan FROM variance_result WHERE as_of = ? AND project_code = ?",
                BigDecimal.class, asOf, project);
    }

    @Test
    void anAbsurdAmountIsRejectedAsALineWithFileLineAndReasonAndTheRestOfTheFileIsStored() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-03-01,P1,100.00,V1,甲,摘要",
                "2026-03-02,P1,99999999999999999.99,V2,乙,摘要", "2026-03-03,P1,50.00,V3,丙,摘要");

        run(LocalDate.of(2026, 3, 31));

        List<Map<String, Object>> rejected = jdbc.queryForList("SELECT source_file, line_no, reason FROM rejected_row");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).get("source_file")).isEqualTo("a.csv");
        assertThat(((Number) rejected.get(0).get("line_no")).longValue()).isEqualTo(3);
        assertThat((String) rejected.get(0).get("reason")).isEqualTo("金额 (amount) '99999999999999999.99' is "
                + "99,999,999,999,999,999.99 元, more than the 1,000,000,000,000 元 a payment line may hold"
                + " (monitor.ingest.max-amount-yuan)");
        assertThat(Files.readString(tmp.resolve("out/2026-03-31/rejected-2026-03-31.csv"), StandardCharsets.UTF_8))
                .contains("a.csv,3,").contains("99999999999999999.99");
        assertThat(job.paymentCount()).isEqualTo(2);
        assertThat(month("P1", 3)).isEqualByComparingTo("150.00");
        assertThat(actual(LocalDate.of(2026, 3, 31), "P1")).isEqualByComparingTo("150.00");

        // Every later night, on any date, completes; the bad line stays listed until its file is corrected.
        run(LocalDate.of(2026, 4, 30));
        run(LocalDate.of(2026, 12, 31));
        // Read before the next night: a night's full variance rows are kept monitor.variance.keep-days (7).
        assertThat(actual(LocalDate.of(2026, 12, 31), "P1")).isEqualByComparingTo("150.00");
        run(LocalDate.of(2027, 1, 15));
        assertThat(actual(LocalDate.of(2027, 1, 15), "P1")).isEqualByComparingTo("0.00");
    }

    @Test
    void aControlTotalCountsALineOutOfBoundsAsExportedSoTheFileChecksAndOnlyThatLineIsRejected() throws Exception {
        // The 合计 is the exporter's sum of its lines as exported: it says the file is complete. The
        // absurd line is then refused on its own, like any other bad line.
        Exports.write(inbox, "a.csv", "支付日期,项目编码,金额,凭证号",
                "2026-03-01,P1,100.00,V1", "2026-03-02,P1,99999999999999999.99,V2", "2026-03-03,P1,50.00,V3",
                "合计,,100000000000000149.99,");
        // A 合计 that leaves the line out does not match the file's lines: the file is rejected whole.
        Exports.write(inbox, "b.csv", "支付日期,项目编码,金额,凭证号",
                "2026-03-04,P1,7.00,W1", "2026-03-05,P1,99999999999999999.99,W2", "合计,,7.00,");

        run(LocalDate.of(2026, 3, 31));

        assertThat(jdbc.queryForList("SELECT source_file, line_no FROM rejected_row ORDER BY source_file, line_no"))
                .extracting(r -> r.get("source_file") + ":" + ((Number) r.get("line_no")).longValue())
                .containsExactly("a.csv:3", "b.csv:4");
        assertThat(jdbc.queryForObject("SELECT reason FROM rejected_row WHERE source_file = 'b.csv'", String.class))
                .startsWith("control total mismatch: the 合计 row states 7.00 元 for 金额 but the file's rows add up to "
                        + "100,000,000,000,000,006.99 元");
        assertThat(job.paymentCount()).isEqualTo(2);
        assertThat(job.totalYuan()).isEqualByComparingTo("150.00");
    }

    @Test
    void twoAmountsAtTheBoundInOneMonthSumExactly() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-03-01,P1,\"1,000,000,000,000.00\",V1,甲,摘要",
                "2026-03-02,P1,1000000000000.00,V2,乙,摘要", "2026-03-03,P1,0.01,V3,丙,摘要");

        run(LocalDate.of(2026, 3, 31));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rejected_row", Integer.class)).isZero();
        assertThat(month("P1", 3)).isEqualByComparingTo("2000000000000.01");
        assertThat(actual(LocalDate.of(2026, 3, 31), "P1")).isEqualByComparingTo("2000000000000.01");
        assertThat(Files.readString(tmp.resolve("out/2026-03-31/variance-2026-03-31.csv"), StandardCharsets.UTF_8))
                .contains(",200000000.00,");
    }

    @Test
    void rowsAboveTheBoundStoredByAnEarlierVersionNeverMakeANightFail() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-02-01,P1,100.00,V1,甲,摘要");
        run(LocalDate.of(2026, 2, 28));
        // As an earlier version stored them: two amounts whose sum in 分 wraps a long, one whose 分 are
        // beyond a long, and a year of them summing beyond the variance table's former 10^18 元.
        store(LocalDate.of(2026, 3, 10), "50000000000000000.00");
        store(LocalDate.of(2026, 3, 11), "50000000000000000.00");
        for (int m = 4; m <= 12; m++) {
            store(LocalDate.of(2026, m, 1), "99999999999999999.99");
        }
        store(LocalDate.of(2026, 12, 2), "99999999999999999.99");
        store(LocalDate.of(2026, 12, 3), "99999999999999999.99");

        run(LocalDate.of(2026, 3, 31));

        assertThat(month("P1", 3)).isEqualByComparingTo("100000000000000000.00");
        assertThat(actual(LocalDate.of(2026, 3, 31), "P1")).isEqualByComparingTo("100000000000000100.00");
        assertThat(jdbc.queryForObject("SELECT flag FROM variance_result WHERE as_of = ? AND project_code = 'P1'",
                String.class, LocalDate.of(2026, 3, 31))).isEqualTo("RED"); // the variance shows it: OVER_BUDGET

        run(LocalDate.of(2026, 12, 31));
        assertThat(month("P1", 12)).isEqualByComparingTo("299999999999999999.97");
        assertThat(actual(LocalDate.of(2026, 12, 31), "P1")).isEqualByComparingTo("1200000000000000099.89");
        run(LocalDate.of(2027, 1, 31));
    }

    private int stored;

    private void store(LocalDate payDate, String amountYuan) {
        stored++;
        jdbc.update("""
                INSERT INTO disbursement (dedupe_key, occurrence, pay_date, project_code, amount_yuan, voucher_no,
                    source_file, source_line, job_instance_id, file_id)
                VALUES (?, 1, ?, 'P1', ?, ?, 'old.csv', ?, 0, 0)""",
                "old-" + stored, payDate, new BigDecimal(amountYuan), "OLD-" + stored, stored + 1);
    }
}
