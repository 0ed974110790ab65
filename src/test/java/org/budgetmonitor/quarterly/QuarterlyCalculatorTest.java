package org.budgetmonitor.quarterly;

import static org.assertj.core.api.Assertions.assertThat;

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
}
