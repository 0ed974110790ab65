package org.budgetmonitor.quarterly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.budgetmonitor.quarterly.QuarterlyFixtures.FAIRS_PLAN;
import static org.budgetmonitor.quarterly.QuarterlyFixtures.LAB_PLAN;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.plan.BudgetProject;
import org.budgetmonitor.plan.PlanCheckpoint;
import org.budgetmonitor.plan.PlanUnit;
import org.budgetmonitor.variance.ActualCurve;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.Reason;
import org.budgetmonitor.variance.VarianceCalculator;
import org.budgetmonitor.variance.VarianceRow;
import org.budgetmonitor.variance.VarianceThresholds;
import org.junit.jupiter.api.Test;

class QuarterlyCalculatorTest {

    /** The seed's 国内招商: 20 万元, 3 / 10 / 15 / 20 at 3月底 / 6月底 / 10月底 / 12月底. */
    private static BudgetProject domesticInvestment(int year) {
        return new BudgetProject(year, "472001", "单位", "P1", "国内招商", Money.ofWan("20"), Money.ofWan("20"), Money.ZERO,
                "", "", PlanUnit.WAN, "test", List.of(
                        new PlanCheckpoint(LocalDate.of(year, 3, 31), Money.ofWan("3")),
                        new PlanCheckpoint(LocalDate.of(year, 6, 30), Money.ofWan("10")),
                        new PlanCheckpoint(LocalDate.of(year, 10, 31), Money.ofWan("15")),
                        new PlanCheckpoint(LocalDate.of(year, 12, 31), Money.ofWan("20"))));
    }

    private static QuarterlyRow review(BudgetProject project, LocalDate asOf, String... datesAndWan) {
        TreeMap<LocalDate, BigDecimal> daily = new TreeMap<>();
        for (int i = 0; i < datesAndWan.length; i += 2) {
            daily.put(LocalDate.parse(datesAndWan[i]), Money.ofWan(datesAndWan[i + 1]).yuan());
        }
        ActualCurve curve = new ActualCurve(daily);
        VarianceRow variance = new VarianceCalculator(VarianceThresholds.DEFAULTS).evaluate(project, asOf, curve);
        return QuarterlyCalculator.review(variance, curve);
    }

    private static BigDecimal twoDecimals(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void interpolatesThePlanAtTheThirtiethOfSeptemberBetweenJuneAndOctoberCheckpoints() {
        QuarterlyRow row = review(domesticInvestment(2026), LocalDate.of(2026, 9, 30),
                "2026-05-10", "7.5", "2026-07-14", "2", "2026-09-18", "1.5");

        // 30 Jun → 31 Oct is 123 days, 92 of them by 30 Sep: 10 + 5 × 92 / 123 万元.
        BigDecimal expected = Money.ofWan("10").yuan().multiply(BigDecimal.valueOf(123))
                .add(Money.ofWan("5").yuan().multiply(BigDecimal.valueOf(92)))
                .divide(BigDecimal.valueOf(123), MathContext.DECIMAL128);
        assertThat(row.variance().expectedYuan()).isEqualByComparingTo(expected);
        assertThat(row.variance().checkpointDate()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(Money.ofYuan(row.variance().expectedYuan()).wanForDisplay()).isEqualByComparingTo("13.74");
    }

    @Test
    void projectsTheYearEndAtTheCurrentPaceAndSpreadsTheRestOverTheWholeMonthsLeft() {
        QuarterlyRow row = review(domesticInvestment(2026), LocalDate.of(2026, 9, 30),
                "2026-05-10", "7.5", "2026-07-14", "2", "2026-09-18", "1.5");

        // 273 of 365 days: 74.79 %; 11 万元 × 365 / 273 = 14.71; (20 − 11) / 3 months = 3.00.
        assertThat(twoDecimals(row.timeProgressPct())).isEqualByComparingTo("74.79");
        assertThat(row.projectedYearEnd().wanForDisplay()).isEqualByComparingTo("14.71");
        assertThat(row.requiredMonthly().wanForDisplay()).isEqualByComparingTo("3.00");
        assertThat(row.previousQuarterEnd()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(row.previousQuarterActual()).isEqualTo(Money.ofWan("7.5"));
        assertThat(row.changeSincePreviousQuarter()).isEqualTo(Money.ofWan("3.5"));
    }

    @Test
    void needsNothingMoreOnceTheBudgetIsSpentAndHasNoMonthlyFigureInDecember() {
        QuarterlyRow overspent = review(domesticInvestment(2026), LocalDate.of(2026, 9, 30), "2026-05-10", "21");
        QuarterlyRow yearEnd = review(domesticInvestment(2026), LocalDate.of(2026, 12, 31), "2026-05-10", "12");

        assertThat(overspent.requiredMonthly()).isEqualTo(Money.ZERO);
        assertThat(yearEnd.requiredMonthly()).isNull();
        assertThat(yearEnd.projectedYearEnd()).isEqualTo(Money.ofWan("12"));
        assertThat(yearEnd.previousQuarterEnd()).isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void countsTheLeapDayInTimeProgressAndProjection() {
        QuarterlyRow row = review(domesticInvestment(2028), LocalDate.of(2028, 9, 30), "2028-02-29", "10");

        // 30 Sep 2028 is day 274 of 366.
        assertThat(row.timeProgressPct()).isEqualByComparingTo(BigDecimal.valueOf(27400)
                .divide(BigDecimal.valueOf(366), MathContext.DECIMAL128));
        assertThat(row.projectedYearEnd().wanForDisplay()).isEqualByComparingTo("13.36"); // 10 × 366 / 274
    }

    @Test
    void theFirstQuarterComparesWithNothingSpentAtTheStartOfTheYear() {
        QuarterlyRow row = review(domesticInvestment(2026), LocalDate.of(2026, 3, 31), "2026-02-01", "3");

        assertThat(row.previousQuarterEnd()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(row.previousQuarterActual()).isEqualTo(Money.ZERO);
        assertThat(row.lagging()).isFalse();
    }

    @Test
    void projectionAboveBudgetIsFlaggedYellowAtLeast() {
        LocalDate q3 = LocalDate.of(2026, 9, 30);
        // 77 of 68.70 planned: GREEN by the variance rules, but 77 × 365 / 273 = 102.95 by the year end.
        QuarterlyRow lab = QuarterlyFixtures.row(q3, "472001", "P5", "实验室", "100", LAB_PLAN, "2026-03-20=25",
                "2026-06-20=27", "2026-09-10=25");
        assertThat(lab.projectedYearEnd().wanForDisplay()).isEqualByComparingTo("102.95");
        assertThat(lab.variance().flag()).isEqualTo(Flag.YELLOW);
        assertThat(lab.variance().reasons()).containsExactly(Reason.PROJECTED_OVER_BUDGET);
        assertThat(lab.projectedOverBudget()).isTrue();
        assertThat(lab.projectedExcess().wanForDisplay()).isEqualByComparingTo("2.95");

        // Fully spent by 30 Sep: the pace says 12 × 365 / 273 = 16.04, which the budget cannot pay for.
        QuarterlyRow spent = QuarterlyFixtures.row(q3, "471005", "F2", "预算绩效评价", "12",
                List.of("03-31=2", "06-30=6", "10-31=9", "12-31=12"), "2026-05-11=6", "2026-09-20=6");
        assertThat(spent.projectedYearEnd().wanForDisplay()).isEqualByComparingTo("16.04");
        assertThat(spent.variance().flag()).isEqualTo(Flag.YELLOW);
        assertThat(spent.variance().reasons()).containsExactly(Reason.AHEAD_OF_PLAN, Reason.PROJECTED_OVER_BUDGET);
        assertThat(spent.projectedExcess().wanForDisplay()).isEqualByComparingTo("4.04");

        // Already RED (over budget): it stays RED and says the projection too.
        QuarterlyRow over = QuarterlyFixtures.row(q3, "472001", "P4", "展会", "15",
                FAIRS_PLAN, "2026-06-20=16");
        assertThat(over.variance().flag()).isEqualTo(Flag.RED);
        assertThat(over.variance().reasons()).containsExactly(Reason.OVER_BUDGET, Reason.PROJECTED_OVER_BUDGET);
    }

    @Test
    void aProjectionThatReachesTheBudgetButNotBeyondIsNoWarning() {
        // 12-31: the projection is the actual; spending exactly the budget is the plan fulfilled.
        QuarterlyRow exact = QuarterlyFixtures.row(LocalDate.of(2026, 12, 31), "472001", "P5", "实验室", "100", LAB_PLAN,
                "2026-03-20=25", "2026-06-20=25", "2026-09-10=25", "2026-12-20=25");
        assertThat(exact.projectedYearEnd()).isEqualTo(Money.ofWan("100"));
        assertThat(exact.variance().flag()).isEqualTo(Flag.GREEN);
        assertThat(exact.variance().reasons()).doesNotContain(Reason.PROJECTED_OVER_BUDGET);
        assertThat(exact.projectedOverBudget()).isFalse();

        // 74.80 × 365 / 273 = 100.0073… shows as 100.01: above the printed budget, so it is said.
        QuarterlyRow justAbove = QuarterlyFixtures.row(LocalDate.of(2026, 9, 30), "472001", "P5", "实验室", "100", LAB_PLAN,
                "2026-09-10=74.80");
        assertThat(justAbove.projectedYearEnd().wanForDisplay()).isEqualByComparingTo("100.01");
        assertThat(justAbove.projectedOverBudget()).isTrue();
        // 74.79 × 365 / 273 = 99.994… shows as 99.99.
        QuarterlyRow justBelow = QuarterlyFixtures.row(LocalDate.of(2026, 9, 30), "472001", "P5", "实验室", "100", LAB_PLAN,
                "2026-09-10=74.79");
        assertThat(justBelow.projectedOverBudget()).isFalse();
    }

    @Test
    void aProjectSpendingAsItsPlanSaysKeepsItsCalendarPaceProjectionButIsNoWarning() {
        // 25 of 25 planned at 03-31: 25 × 365 / 90 = 101.39 at calendar pace, yet the plan ends at the budget.
        QuarterlyRow q1 = QuarterlyFixtures.row(LocalDate.of(2026, 3, 31), "472001", "P5", "实验室", "100", LAB_PLAN,
                "2026-03-20=25");
        assertThat(q1.projectedYearEnd().wanForDisplay()).isEqualByComparingTo("101.39");
        assertThat(q1.projectedOverBudget()).isFalse();
        assertThat(q1.variance().flag()).isEqualTo(Flag.GREEN);
        assertThat(q1.variance().reasons()).doesNotContain(Reason.PROJECTED_OVER_BUDGET);

        // Behind a front-loaded plan (90 by 06-30, 60 spent): 60 × 365 / 181 = 120.99, but not ahead of its plan.
        QuarterlyRow frontLoaded = QuarterlyFixtures.row(LocalDate.of(2026, 6, 30), "472001", "P5", "实验室", "100",
                List.of("03-31=50", "06-30=90", "10-31=95", "12-31=100"), "2026-06-20=60");
        assertThat(frontLoaded.projectedYearEnd().wanForDisplay()).isEqualByComparingTo("120.99");
        assertThat(frontLoaded.projectedOverBudget()).isFalse();
    }

    @Test
    void aProjectAheadOfItsOwnPlanAndProjectedAboveTheBudgetIsWarned() {
        // 52 of 50 planned at 06-30: ahead of its plan, and 52 × 365 / 181 = 104.86.
        QuarterlyRow ahead = QuarterlyFixtures.row(LocalDate.of(2026, 6, 30), "472001", "P5", "实验室", "100", LAB_PLAN,
                "2026-03-20=25", "2026-06-20=27");
        assertThat(ahead.projectedYearEnd().wanForDisplay()).isEqualByComparingTo("104.86");
        assertThat(ahead.projectedOverBudget()).isTrue();
        assertThat(ahead.variance().flag()).isEqualTo(Flag.YELLOW);

        // The budget already reached before the year end is said whatever the plan: 12 of 12 (plan 12 by 09-30).
        QuarterlyRow spentOnPlan = QuarterlyFixtures.row(LocalDate.of(2026, 9, 30), "471005", "F2", "预算绩效评价", "12",
                List.of("03-31=2", "06-30=6", "09-30=12", "12-31=12"), "2026-05-11=6", "2026-09-20=6");
        assertThat(spentOnPlan.projectedYearEnd().wanForDisplay()).isEqualByComparingTo("16.04");
        assertThat(spentOnPlan.projectedOverBudget()).isTrue();
    }

    @Test
    void anUnplannedCodeHasNoBudgetToProjectAgainst() {
        VarianceRow unplanned = VarianceRow.unplanned(LocalDate.of(2026, 9, 30), "X1", Money.ofWan("0.36"));
        QuarterlyRow row = QuarterlyCalculator.review(unplanned, new ActualCurve(new TreeMap<>()));

        assertThat(row.variance().reasons()).containsExactly(Reason.UNPLANNED);
        assertThat(row.projectedOverBudget()).isFalse();
        assertThat(row.needsExplanation()).isFalse();
        assertThat(row.focus(Money.ZERO)).isFalse();
        assertThat(row.timeProgressGapPp()).isNull();
    }
}
