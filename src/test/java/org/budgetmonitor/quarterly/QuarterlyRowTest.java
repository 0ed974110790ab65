package org.budgetmonitor.quarterly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.budgetmonitor.quarterly.QuarterlyFixtures.ADMIN_PLAN;
import static org.budgetmonitor.quarterly.QuarterlyFixtures.DOMESTIC_PLAN;
import static org.budgetmonitor.quarterly.QuarterlyFixtures.FAIRS_PLAN;
import static org.budgetmonitor.quarterly.QuarterlyFixtures.row;

import java.time.LocalDate;
import java.util.List;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.Reason;
import org.junit.jupiter.api.Test;

/** Which rows need 偏差原因 / 纠偏措施 and which are on the 重点监控 list: one rule for PDF, CSV and XLSX. */
class QuarterlyRowTest {

    private static final LocalDate Q3 = LocalDate.of(2026, 9, 30);
    private static final Money FIVE_WAN = Money.ofWan("5");

    @Test
    void overBudgetProjectNeedsAnExplanationAndIsAFocus() {
        QuarterlyRow over = row(LocalDate.of(2026, 12, 31), "472001", "P4", "展会相关费用", "15", FAIRS_PLAN,
                "2026-01-12=5", "2026-06-20=4", "2026-11-10=7");

        assertThat(over.variance().flag()).isEqualTo(Flag.RED);
        // On 31 Dec the projection is the actual: the overspending is said, not projected.
        assertThat(over.variance().reasons()).containsExactly(Reason.OVER_BUDGET);
        assertThat(over.lagging()).isFalse();
        assertThat(over.needsExplanation()).isTrue();
        assertThat(over.focus(FIVE_WAN)).isTrue();
        // Its balance is negative, so no unspent threshold can keep it off the list.
        assertThat(over.focus(Money.ofWan("1000"))).isTrue();
    }

    @Test
    void redLaggingProjectWithSmallBalanceStaysInFocus() {
        QuarterlyRow red = row(Q3, "472001", "P2", "综合事务管理", "5", ADMIN_PLAN, "2026-08-10=1.2");

        assertThat(red.variance().flag()).isEqualTo(Flag.RED);
        assertThat(red.unspent()).isEqualTo(Money.ofWan("3.8"));
        assertThat(red.focus(FIVE_WAN)).isTrue();
        assertThat(red.needsExplanation()).isTrue();
    }

    @Test
    void theUnspentThresholdDecidesOnlyForYellowProjectsBehindPlan() {
        // 2.00 of 2.75 planned: −15 pp, YELLOW; 3.00 万元 left.
        QuarterlyRow small = row(Q3, "472001", "P2", "综合事务管理", "5", ADMIN_PLAN, "2026-08-10=2");
        // The seed's 国内招商, 11.00 of 13.74: YELLOW with 9.00 万元 left.
        QuarterlyRow large = row(Q3, "472001", "P1", "国内招商", "20", DOMESTIC_PLAN,
                "2026-05-10=7.5", "2026-07-14=2", "2026-09-18=1.5");

        assertThat(small.variance().flag()).isEqualTo(Flag.YELLOW);
        assertThat(small.focus(FIVE_WAN)).isFalse();
        assertThat(small.needsExplanation()).isTrue();
        assertThat(large.variance().flag()).isEqualTo(Flag.YELLOW);
        assertThat(large.focus(FIVE_WAN)).isTrue();
        assertThat(large.focus(Money.ofWan("9"))).isFalse(); // more than the threshold, not as much
    }

    @Test
    void aProjectOnTrackNeedsNoExplanationAndIsNoFocus() {
        // 8.74 planned by 30 Sep, 9.00 spent, 12.03 projected: GREEN.
        QuarterlyRow green = row(Q3, "472001", "P4", "展会相关费用", "15", FAIRS_PLAN, "2026-06-20=9");

        assertThat(green.variance().flag()).isEqualTo(Flag.GREEN);
        assertThat(green.needsExplanation()).isFalse();
        assertThat(green.focus(Money.ZERO)).isFalse();
    }

    @Test
    void theGapToTimeProgressIsTheExecutionRateLessTheTimeProgress() {
        QuarterlyRow row = row(Q3, "472001", "P1", "国内招商", "20", DOMESTIC_PLAN,
                "2026-05-10=7.5", "2026-07-14=2", "2026-09-18=1.5");

        // 55.00 % spent, 273 / 365 = 74.79 % of the year gone; the gap to plan is −13.70 pp.
        // The two as printed, so that the gap is the difference of the figures beside it.
        assertThat(row.timeProgressGapPp()).isEqualByComparingTo(
                row.variance().executionRatePct().setScale(2, java.math.RoundingMode.HALF_UP)
                        .subtract(row.timeProgressPct().setScale(2, java.math.RoundingMode.HALF_UP)));
        assertThat(row.timeProgressGapPp().setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("-19.79");
        assertThat(row.variance().gapPp().setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("-13.70");
    }
}
