package org.budgetmonitor.spending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.budgetmonitor.support.JobParameterNames;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.budgetmonitor.variance.ActualCurve;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The monthly totals the variance reads always agree with the payments stored, line for line. */
@JobTest
class SpendingTotalsTest {

    @Autowired
    NightlyJobHarness job;

    @Autowired
    SpendingTotals totals;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path tmp;

    Path plan;
    Path inbox;

    @BeforeEach
    void setUp() {
        job.clear();
        plan = Exports.plan(tmp.resolve("plan"));
        inbox = tmp.resolve("inbox");
    }

    private void run(LocalDate asOf) throws Exception {
        assertThat(job.run(asOf, plan, inbox, tmp.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    /** project → month → amount, from the payments themselves and from the totals. */
    private void assertTotalsMatchPayments() {
        String fromPayments = """
                SELECT project_code, EXTRACT(MONTH FROM pay_date) AS m, SUM(amount_yuan) AS total
                FROM disbursement GROUP BY project_code, EXTRACT(MONTH FROM pay_date)
                ORDER BY project_code, m""";
        assertThat(monthlyTotals()).isEqualTo(rows(fromPayments)).isNotEmpty();
        String countsFromPayments = """
                SELECT project_code, EXTRACT(MONTH FROM pay_date) AS m, COUNT(*) AS total
                FROM disbursement GROUP BY project_code, EXTRACT(MONTH FROM pay_date)
                ORDER BY project_code, m""";
        assertThat(monthlyCounts()).isEqualTo(rows(countsFromPayments));
        assertThat(totals.watermark()).isEqualTo(jdbc.queryForObject("SELECT MAX(id) FROM disbursement", Long.class));
    }

    private List<String> rows(String sql) {
        return jdbc.query(sql, (rs, n) -> rs.getString("project_code") + " " + rs.getInt("m") + " "
                + rs.getBigDecimal("total").stripTrailingZeros().toPlainString());
    }

    /** "project month amount" for every month with spending, from project_year_total. */
    private List<String> monthlyTotals() {
        List<String> result = new java.util.ArrayList<>();
        jdbc.query("SELECT * FROM project_year_total ORDER BY project_code", rs -> {
            for (int m = 1; m <= 12; m++) {
                BigDecimal amount = rs.getBigDecimal("m%02d_yuan".formatted(m));
                if (amount.signum() != 0) {
                    result.add(rs.getString("project_code") + " " + m + " " + amount.stripTrailingZeros().toPlainString());
                }
            }
        });
        return result;
    }

    /** "project month payments" for every month with payments, from project_year_total. */
    private List<String> monthlyCounts() {
        List<String> result = new java.util.ArrayList<>();
        jdbc.query("SELECT * FROM project_year_total ORDER BY project_code", rs -> {
            for (int m = 1; m <= 12; m++) {
                int payments = rs.getInt("m%02d_payments".formatted(m));
                if (payments != 0) {
                    result.add(rs.getString("project_code") + " " + m + " " + payments);
                }
            }
        });
        return result;
    }

    @Test
    void monthlyTotalsMatchThePaymentsThroughOverlapsAndCorrections() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER,
                "2026-01-10,P1,100.00,V1,甲,摘要", "2026-02-10,P1,200.00,V2,乙,摘要", "2026-02-11,P2,50.00,V3,丙,摘要");
        Exports.write(inbox, "b.csv", Exports.HEADER,
                "2026-02-10,P1,200.00,V2,乙,摘要", "2026-03-01,P1,-20.00,V4,乙,冲销");
        run(LocalDate.of(2026, 3, 31));
        assertTotalsMatchPayments();

        // a.csv corrected (the same days): its January line was wrong, and V2 dropped from it is
        // still held by b.csv.
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-01-10,P1,90.00,V1,甲,摘要", "2026-02-11,P2,50.00,V3,丙,摘要");
        run(LocalDate.of(2026, 4, 1));

        assertTotalsMatchPayments();
        assertThat(monthlyTotals()).containsExactly("P1 1 90", "P1 2 200", "P1 3 -20", "P2 2 50");
    }

    /** Five payments of two projects over three months, stored, with the totals taken back to none counted. */
    private void fivePaymentsStoredAndTheirTotalsUndone() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要", "2026-01-11,P1,200.00,V2,乙,摘要",
                "2026-02-12,P2,400.00,V3,丙,摘要", "2026-03-01,P1,-20.00,V4,乙,冲销", "2026-03-02,P2,8.00,V5,丁,摘要");
        run(LocalDate.of(2026, 3, 31));
        jdbc.update("DELETE FROM project_year_total");
        jdbc.update("UPDATE totals_watermark SET through_payment_id = 0");
    }

    @Test
    void catchingUpInSmallPagesOfIdsAddsEveryPaymentOnce() throws Exception {
        fivePaymentsStoredAndTheirTotalsUndone();

        assertThat(new SpendingTotals(jdbc, 2).catchUp()).isEqualTo(5);

        assertTotalsMatchPayments();
        assertThat(monthlyTotals()).containsExactly("P1 1 300", "P1 3 -20", "P2 2 400", "P2 3 8");
    }

    @Test
    void catchingUpInSeveralWritesWithinOneTransactionAddsEveryPaymentOnce() throws Exception {
        fivePaymentsStoredAndTheirTotalsUndone();

        // A page of one payment and room for one project's year: every page is written, as the step writes them,
        // in the one transaction of the step.
        Long applied = new TransactionTemplate(transactions).execute(status -> new SpendingTotals(jdbc, 1, 1).catchUp());

        assertThat(applied).isEqualTo(5);
        assertTotalsMatchPayments();
        assertThat(monthlyTotals()).containsExactly("P1 1 300", "P1 3 -20", "P2 2 400", "P2 3 8");
    }

    @Test
    void catchingUpAgainCountsNothingTwice() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要");
        run(LocalDate.of(2026, 1, 31));

        assertThat(totals.catchUp()).isZero();
        assertTotalsMatchPayments();
    }

    @Test
    void actualsAreExactAtMidMonthDatesAndLeaveOutPaymentsAfterTheAsOfDate() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-02-27,P1,7.00,V0,甲,摘要",
                "2026-03-05,P1,100.00,V1,甲,摘要", "2026-03-20,P1,200.00,V2,乙,摘要",
                "2026-03-28,P1,400.00,V3,丙,摘要", "2026-04-02,P1,800.00,V4,丁,摘要");
        run(LocalDate.of(2026, 4, 30));

        Map<String, java.util.NavigableMap<LocalDate, BigDecimal>> actuals =
                totals.actualsThrough(LocalDate.of(2026, 3, 25), List.of(LocalDate.of(2026, 3, 10)));
        ActualCurve p1 = new ActualCurve(actuals.get("P1"));

        assertThat(p1.upTo(LocalDate.of(2026, 2, 28)).yuan()).isEqualByComparingTo("7.00");
        assertThat(p1.upTo(LocalDate.of(2026, 3, 10)).yuan()).isEqualByComparingTo("107.00");
        assertThat(p1.upTo(LocalDate.of(2026, 3, 25)).yuan()).isEqualByComparingTo("307.00");
        assertThat(actuals.get("P1").lastKey()).isEqualTo(LocalDate.of(2026, 3, 25));
    }

    @Test
    void onceCaughtUpTheTotalsCountEveryStoredPaymentAndTheirSumThroughOverlapsAndCorrections() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER,
                "2026-01-10,P1,100.00,V1,甲,摘要", "2026-02-10,P1,200.00,V2,乙,摘要", "2026-02-11,P2,50.00,V3,丙,摘要");
        Exports.write(inbox, "b.csv", Exports.HEADER, "2025-12-30,P1,5.00,V0,甲,摘要",
                "2026-02-10,P1,200.00,V2,乙,摘要", "2026-03-01,P1,-200.00,V4,乙,冲销");
        run(LocalDate.of(2026, 3, 31));
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-01-10,P1,90.00,V1,甲,摘要", "2026-02-11,P2,50.00,V3,丙,摘要");
        run(LocalDate.of(2026, 4, 1));

        var fromTable = jdbc.queryForMap("SELECT COUNT(*) AS n, SUM(amount_yuan) AS total FROM disbursement");
        // V0 of the year before, V1 as corrected, V2 once although two files hold it, V3, the reversal V4.
        assertThat(fromTable.get("n")).isEqualTo(5L);
        assertThat(totals.countedPayments()).hasValueSatisfying(counted -> {
            assertThat(counted.payments()).isEqualTo(5);
            assertThat(counted.totalYuan()).isEqualByComparingTo((BigDecimal) fromTable.get("total"));
        });
    }

    @Test
    void whilePaymentsWaitToBeCountedTheTotalsDoNotAnswerForThem() throws Exception {
        fivePaymentsStoredAndTheirTotalsUndone();

        assertThat(totals.countedPayments()).isEmpty();

        totals.catchUp();
        assertThat(totals.countedPayments()).hasValueSatisfying(counted -> {
            assertThat(counted.payments()).isEqualTo(5);
            assertThat(counted.totalYuan()).isEqualByComparingTo("688.00");
        });
    }

    @Test
    void anEmptyDatabaseCountsNoPayments() {
        assertThat(totals.countedPayments()).hasValueSatisfying(counted -> {
            assertThat(counted.payments()).isZero();
            assertThat(counted.totalYuan()).isEqualByComparingTo("0");
        });
    }

    @Test
    void aRestartAfterAKillRefusesTotalsThatNoLongerAddUpToThePaymentsAndSaysWhatDiffers() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER,
                "2026-01-10,P1,100.00,V1,甲,摘要", "2026-02-10,P1,200.00,V2,乙,摘要", "2026-02-11,P2,50.00,V3,丙,摘要");
        run(LocalDate.of(2026, 3, 31));
        assertThat(totals.disagreementWithPayments()).isEmpty();
        UpdateTotalsTasklet tasklet = new UpdateTotalsTasklet(totals);
        JobParameters afterKill = new JobParametersBuilder()
                .addString(JobParameterNames.RESTART_OF, JobParameterNames.AFTER_KILL).toJobParameters();
        StepContribution contribution = new StepContribution(MetaDataInstanceFactory.createStepExecution(afterKill));
        assertThat(tasklet.execute(contribution, null)).isEqualTo(RepeatStatus.FINISHED);

        // What a table out of step with its index did after a kill: a payment counted twice in the totals.
        jdbc.update("UPDATE project_year_total SET m02_yuan = m02_yuan + 200.00, m02_payments = m02_payments + 1 "
                + "WHERE project_code = 'P1'");

        assertThat(totals.disagreementWithPayments()).contains("the monthly totals count 4 payments of 550.00 元, "
                + "but the payments table read by pay date holds 3 of 350.00 元");
        assertThatThrownBy(() -> tasklet.execute(contribution, null))
                .isInstanceOf(UpdateTotalsTasklet.DamagedTotalsException.class)
                .hasMessageStartingWith("the database is damaged: the monthly totals count 4 payments of 550.00 元")
                .hasMessageContaining("--job=rebuild");
        // A night that was not killed is not checked (the check reads every payment).
        StepContribution plain = new StepContribution(MetaDataInstanceFactory.createStepExecution());
        assertThat(tasklet.execute(plain, null)).isEqualTo(RepeatStatus.FINISHED);
    }
}
