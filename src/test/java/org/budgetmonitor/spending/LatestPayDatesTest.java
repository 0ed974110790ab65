package org.budgetmonitor.spending;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
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
 * Each unit's latest pay date on or before a day, read from the months the totals count payments in, is the
 * latest of its projects' stored payments up to that day, as one read of every payment says.
 */
@JobTest
class LatestPayDatesTest {

    /** The specification: every payment stored, read once; a unit's answer is the latest of its projects'. */
    static final String EVERY_PAYMENT =
            "SELECT project_code, MAX(pay_date) FROM disbursement WHERE pay_date <= ? GROUP BY project_code";

    @Autowired
    NightlyJobHarness job;

    @Autowired
    SpendingTotals totals;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    private int stored;

    @BeforeEach
    void setUp() {
        job.clear();
    }

    static Map<String, LocalDate> fromEveryPayment(JdbcTemplate jdbc, LocalDate notAfter,
            Map<String, String> unitByProject) {
        Map<String, LocalDate> latest = new HashMap<>();
        jdbc.query(EVERY_PAYMENT, rs -> {
            String unit = unitByProject.get(rs.getString(1));
            LocalDate date = rs.getObject(2, LocalDate.class);
            if (unit != null) {
                latest.merge(unit, date, (a, b) -> a.isAfter(b) ? a : b);
            }
        }, notAfter);
        return latest;
    }

    /** Every day from {@code from} to {@code to}: the totals' answer is the full read's. */
    private void assertAgreesWithEveryPaymentFrom(LocalDate from, LocalDate to, Map<String, String> unitByProject) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            assertThat(totals.latestPayDatesOfUnits(day, unitByProject)).as("on or before %s", day)
                    .isEqualTo(fromEveryPayment(jdbc, day, unitByProject));
        }
    }

    private void store(String payDate, String projectCode, String amountYuan) {
        stored++;
        jdbc.update("""
                INSERT INTO disbursement (dedupe_key, occurrence, pay_date, project_code, amount_yuan, voucher_no,
                    source_file, source_line, job_instance_id, file_id)
                VALUES (?, 1, ?, ?, ?, ?, 'test.csv', ?, 0, 0)""",
                "k" + stored, LocalDate.parse(payDate), projectCode, new BigDecimal(amountYuan), "V" + stored, stored);
    }

    @Test
    void readsTheLatestPayDateOfEachUnitFromTheMonthsItsProjectsHaveOneIn() {
        store("2024-05-03", "P1", "10.00");
        store("2025-11-20", "P1", "20.00");
        store("2026-02-10", "P1", "30.00");
        store("2026-03-05", "P1", "40.00");
        store("2027-01-05", "P1", "50.00");
        // A month whose payments net to 0 元 still has payments.
        store("2025-12-01", "ZERO", "50.00");
        store("2026-02-14", "ZERO", "100.00");
        store("2026-02-20", "ZERO", "-100.00");
        // A re-run of 15 March: payments after it in the same month.
        store("2026-03-02", "MID", "1.00");
        store("2026-03-20", "MID", "2.00");
        // A unit whose only payments in March are after the 15th: the answer is in an earlier month,
        // or an earlier year.
        store("2026-01-31", "AFTER", "1.00");
        store("2026-03-18", "AFTER", "2.00");
        store("2026-03-25", "AFTER", "3.00");
        store("2026-03-16", "NONE_YET", "1.00");
        store("2025-07-07", "LAST_YEAR", "1.00");
        store("2026-03-28", "LAST_YEAR", "2.00");
        // One project paid after the 15th, another earlier in the month: the earlier one is the unit's.
        store("2026-03-29", "LATE", "1.00");
        store("2026-03-03", "EARLY", "1.00");
        store("2026-04-01", "NEXT_MONTH", "1.00");
        // Of no unit (not planned): counts for none.
        store("2026-03-14", "ELSEWHERE", "1.00");
        totals.catchUp();
        Map<String, String> units = Map.of("P1", "U1", "ZERO", "U1", "MID", "U_MID", "AFTER", "U_AFTER",
                "NONE_YET", "U_AFTER", "LAST_YEAR", "U_LAST_YEAR", "LATE", "U_MIXED", "EARLY", "U_MIXED",
                "NEXT_MONTH", "U_NEXT_MONTH", "UNPAID", "U_UNPAID");

        assertThat(totals.latestPayDatesOfUnits(LocalDate.of(2026, 3, 15), units)).isEqualTo(Map.of(
                "U1", LocalDate.of(2026, 3, 5),
                "U_MID", LocalDate.of(2026, 3, 2),
                "U_AFTER", LocalDate.of(2026, 1, 31),
                "U_LAST_YEAR", LocalDate.of(2025, 7, 7),
                "U_MIXED", LocalDate.of(2026, 3, 3)));
        assertAgreesWithEveryPaymentFrom(LocalDate.of(2024, 5, 1), LocalDate.of(2027, 1, 10), units);
        // Each project a unit of its own: the unit's answer is its project's.
        Map<String, String> ownUnits = new HashMap<>();
        units.keySet().forEach(code -> ownUnits.put(code, code));
        assertAgreesWithEveryPaymentFrom(LocalDate.of(2024, 5, 1), LocalDate.of(2027, 1, 10), ownUnits);
    }

    @Test
    void aPaymentTakenOutByACorrectedFileIsNoLongerTheLatest() throws Exception {
        Path plan = Exports.plan(tmp.resolve("plan"));
        Path inbox = tmp.resolve("inbox");
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要", "2026-02-10,P1,200.00,V2,乙,摘要",
                "2026-03-05,P2,50.00,V3,丙,摘要", "2026-03-06,P2,60.00,V4,丙,摘要");
        assertThat(job.run(LocalDate.of(2026, 3, 31), plan, inbox, tmp.resolve("out")).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
        Map<String, String> apart = Map.of("P1", "U1", "P2", "U2");
        Map<String, String> together = Map.of("P1", "U", "P2", "U");
        assertThat(totals.latestPayDatesOfUnits(LocalDate.of(2026, 3, 31), apart))
                .isEqualTo(Map.of("U1", LocalDate.of(2026, 2, 10), "U2", LocalDate.of(2026, 3, 6)));
        assertThat(totals.latestPayDatesOfUnits(LocalDate.of(2026, 3, 31), together))
                .isEqualTo(Map.of("U", LocalDate.of(2026, 3, 6)));

        // Corrected: P1's February payment and P2's March payments were wrong; P2's is now in April.
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要", "2026-04-02,P2,110.00,V3,丙,摘要");
        assertThat(job.run(LocalDate.of(2026, 4, 30), plan, inbox, tmp.resolve("out")).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);

        assertThat(totals.latestPayDatesOfUnits(LocalDate.of(2026, 3, 31), apart))
                .isEqualTo(Map.of("U1", LocalDate.of(2026, 1, 10)));
        assertThat(totals.latestPayDatesOfUnits(LocalDate.of(2026, 3, 31), together))
                .isEqualTo(Map.of("U", LocalDate.of(2026, 1, 10)));
        assertAgreesWithEveryPaymentFrom(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 30), apart);
        assertAgreesWithEveryPaymentFrom(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 30), together);
    }

    @Test
    void paymentsTheTotalsDoNotCountYetAreReadToo() {
        store("2026-01-10", "P1", "10.00");
        store("2026-02-10", "P2", "10.00");
        totals.catchUp();
        // Stored after the totals' last update (a night that failed after its ingest).
        store("2026-03-10", "P1", "10.00");
        store("2026-02-20", "NEW", "10.00");
        assertThat(totals.watermark()).isLessThan(jdbc.queryForObject("SELECT MAX(id) FROM disbursement", Long.class));
        Map<String, String> units = Map.of("P1", "U1", "P2", "U2", "NEW", "U2");

        assertThat(totals.latestPayDatesOfUnits(LocalDate.of(2026, 3, 31), units)).isEqualTo(Map.of(
                "U1", LocalDate.of(2026, 3, 10), "U2", LocalDate.of(2026, 2, 20)));
        assertAgreesWithEveryPaymentFrom(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), units);
    }

    @Test
    void totalsThatCountPaymentsInAMonthWithoutAnyGiveWayToEveryPayment() {
        store("2026-01-10", "P1", "10.00");
        store("2026-04-20", "P2", "10.00");
        totals.catchUp();
        // Out of step with the payments (what the nightly check after a kill looks for): March counts one.
        jdbc.update("UPDATE project_year_total SET m03_payments = 1 WHERE project_code = 'P1'");

        assertThat(totals.latestPayDatesOfUnits(LocalDate.of(2026, 4, 10), Map.of("P1", "U1", "P2", "U1")))
                .isEqualTo(Map.of("U1", LocalDate.of(2026, 1, 10)));
    }

    @Test
    void withNoPaymentStoredNoUnitHasALatestPayDate() {
        assertThat(totals.latestPayDatesOfUnits(LocalDate.of(2026, 3, 31), Map.of("P1", "U1"))).isEmpty();
    }
}
