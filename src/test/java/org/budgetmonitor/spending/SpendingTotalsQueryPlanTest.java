package org.budgetmonitor.spending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.budgetmonitor.testing.JobTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The night's reads of the payments table follow the night, not the year: a read of some days is planned
 * along the pay-date index. With a million payments stored, a read planned along the primary key instead
 * (because of a condition on the payment id) scans the whole table every night.
 */
@JobTest
class SpendingTotalsQueryPlanTest {

    @Autowired
    JdbcTemplate jdbc;

    private String planOf(String sql, Object... arguments) {
        return String.join("\n", jdbc.queryForList("EXPLAIN " + sql, String.class, arguments));
    }

    @Test
    void theRestOfTheAsOfMonthIsCountedAlongThePayDateIndex() {
        String plan = planOf(SpendingTotals.COUNTED_LATER_IN_MONTH, 1_000_000L,
                java.sql.Date.valueOf("2026-12-01"), java.sql.Date.valueOf("2026-12-31"));
        assertThat(plan).as(plan).containsIgnoringCase("UQ_DISBURSEMENT_IDENTITY").doesNotContainIgnoringCase("PRIMARY_KEY");
    }

    @Test
    void aMonthsLatestPayDatesAreReadAlongThePayDateIndex() {
        String plan = planOf(SpendingTotals.LATEST_BETWEEN, java.sql.Date.valueOf("2026-11-01"),
                java.sql.Date.valueOf("2026-11-30"));
        assertThat(plan).as(plan).containsIgnoringCase("UQ_DISBURSEMENT_IDENTITY").doesNotContainIgnoringCase("PRIMARY_KEY");
    }

    @Test
    void theRestOfTheAsOfMonthIsSummedAlongThePayDateIndex() {
        for (String sql : List.of(SpendingTotals.LATER_IN_MONTH)) {
            String plan = planOf(sql, java.sql.Date.valueOf("2026-12-01"), java.sql.Date.valueOf("2026-12-31"));
            assertThat(plan).as(plan).containsIgnoringCase("UQ_DISBURSEMENT_IDENTITY").doesNotContainIgnoringCase("PRIMARY_KEY");
        }
    }
}
