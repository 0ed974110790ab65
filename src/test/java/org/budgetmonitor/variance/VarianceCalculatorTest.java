package org.budgetmonitor.variance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.plan.BudgetProject;
import org.budgetmonitor.plan.PlanCheckpoint;
import org.budgetmonitor.plan.PlanUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VarianceCalculatorTest {

    private final VarianceCalculator calculator = new VarianceCalculator(VarianceThresholds.DEFAULTS);

    /** The seed's laboratory project: 100 万元, 25/50/75/100 at 3月底/6月底/10月底/12月底. */
    private static BudgetProject laboratory(int year) {
        return project(year, "100", "03-31", "25", "06-30", "50", "10-31", "75", "12-31", "100");
    }

    private static BudgetProject project(int year, String budgetWan, String... checkpointsMmDdAndWan) {
        List<PlanCheckpoint> checkpoints = new ArrayList<>();
        for (int i = 0; i < checkpointsMmDdAndWan.length; i += 2) {
            checkpoints.add(new PlanCheckpoint(LocalDate.parse(year + "-" + checkpointsMmDdAndWan[i]),
                    Money.ofWan(checkpointsMmDdAndWan[i + 1])));
        }
        return new BudgetProject(year, "472001", "单位", "P1", "项目", Money.ofWan(budgetWan), Money.ofWan(budgetWan),
                Money.ZERO, "", "", PlanUnit.WAN, "test", checkpoints);
    }

    /** Payments in 万元 on the given ISO dates: "2026-03-01", "10", ... */
    private static ActualCurve paid(String... datesAndWan) {
        TreeMap<LocalDate, BigDecimal> daily = new TreeMap<>();
        for (int i = 0; i < datesAndWan.length; i += 2) {
            daily.merge(LocalDate.parse(datesAndWan[i]), Money.ofWan(datesAndWan[i + 1]).yuan(), BigDecimal::add);
        }
        return new ActualCurve(daily);
    }

    private static BigDecimal wan(String wan) {
        return Money.ofWan(wan).yuan();
    }

    @Nested
    class ExpectedAndCheckpointPlan {

        @Test
        void onACheckpointDateExpectedEqualsThatCheckpointsPlan() {
            VarianceRow row = calculator.evaluate(laboratory(2026), LocalDate.of(2026, 3, 31), ActualCurve.NONE);

            assertThat(row.expectedYuan()).isEqualByComparingTo(wan("25"));
            assertThat(row.checkpointDate()).isEqualTo(LocalDate.of(2026, 3, 31));
            assertThat(row.checkpointPlan()).isEqualTo(Money.ofWan("25"));
        }

        @Test
        void theDayAfterACheckpointExpectedMovesOneDayAlongTheNextSegment() {
            VarianceRow row = calculator.evaluate(laboratory(2026), LocalDate.of(2026, 4, 1), ActualCurve.NONE);

            // 31 Mar → 30 Jun is 91 days; one day of the 25 万元 rise: 25 × 92 / 91.
            BigDecimal expected = wan("25").multiply(BigDecimal.valueOf(92)).divide(BigDecimal.valueOf(91), MathContext.DECIMAL128);
            assertThat(row.expectedYuan()).isEqualByComparingTo(expected);
            assertThat(row.checkpointDate()).isEqualTo(LocalDate.of(2026, 3, 31));
            assertThat(row.checkpointPlan()).isEqualTo(Money.ofWan("25"));
        }

        @Test
        void beforeTheFirstCheckpointExpectedRisesFromZeroOnNewYearsEveAndThereIsNoCheckpointPlan() {
            VarianceRow row = calculator.evaluate(laboratory(2026), LocalDate.of(2026, 2, 15), ActualCurve.NONE);

            // 31 Dec 2025 → 31 Mar 2026 is 90 days, of which 46 have passed on 15 Feb.
            assertThat(row.expectedYuan()).isEqualByComparingTo(
                    wan("25").multiply(BigDecimal.valueOf(46)).divide(BigDecimal.valueOf(90), MathContext.DECIMAL128));
            assertThat(row.checkpointDate()).isNull();
            assertThat(row.checkpointPlan()).isEqualTo(Money.ZERO);
        }

        @Test
        void afterTheLastCheckpointExpectedStaysAtTheLastPlan() {
            BudgetProject endsInOctober = project(2026, "30", "06-30", "10", "10-31", "30");

            VarianceRow row = calculator.evaluate(endsInOctober, LocalDate.of(2026, 11, 20), paid("2026-06-01", "30"));

            assertThat(row.expectedYuan()).isEqualByComparingTo(wan("30"));
            assertThat(row.checkpointDate()).isEqualTo(LocalDate.of(2026, 10, 31));
            assertThat(row.flag()).isEqualTo(Flag.GREEN);
        }

        @Test
        void countsTheTwentyNinthOfFebruaryInALeapYear() {
            BudgetProject leap = project(2028, "100", "02-29", "20", "03-31", "25");

            VarianceRow onLeapDay = calculator.evaluate(leap, LocalDate.of(2028, 2, 29), ActualCurve.NONE);
            VarianceRow midFebruary = calculator.evaluate(leap, LocalDate.of(2028, 2, 14), ActualCurve.NONE);

            assertThat(onLeapDay.expectedYuan()).isEqualByComparingTo(wan("20"));
            assertThat(onLeapDay.checkpointDate()).isEqualTo(LocalDate.of(2028, 2, 29));
            // 31 Dec 2027 → 29 Feb 2028 is 60 days (Feb has 29); 45 have passed on 14 Feb.
            assertThat(midFebruary.expectedYuan()).isEqualByComparingTo(wan("15"));
        }

        @Test
        void aProjectWithoutCheckpointsExpectsNothing() {
            VarianceRow row = calculator.evaluate(project(2026, "10"), LocalDate.of(2026, 6, 30), ActualCurve.NONE);

            assertThat(row.expectedYuan()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(row.flag()).isEqualTo(Flag.GREEN);
        }
    }

    @Nested
    class Flags {

        private final LocalDate june30 = LocalDate.of(2026, 6, 30); // expected 50 万元 of 100

        @Test
        void flagsRedOverBudgetWhenActualExceedsBudgetByOneFen() {
            VarianceRow row = calculator.evaluate(laboratory(2026), june30, paid("2026-05-01", "100.0001"));

            assertThat(row.flag()).isEqualTo(Flag.RED);
            assertThat(row.reasons()).containsExactly(Reason.OVER_BUDGET);
        }

        @Test
        void spendingExactlyTheBudgetIsNotOverBudget() {
            VarianceRow row = calculator.evaluate(laboratory(2026), june30, paid("2026-05-01", "100"));

            assertThat(row.reasons()).doesNotContain(Reason.OVER_BUDGET);
        }

        @Test
        void flagsRedNoSpendingFromTheFirstCheckpointDateWhenNothingWasPaid() {
            VarianceRow row = calculator.evaluate(laboratory(2026), LocalDate.of(2026, 3, 31), ActualCurve.NONE);

            assertThat(row.flag()).isEqualTo(Flag.RED);
            assertThat(row.reasons()).containsExactly(Reason.NO_SPENDING, Reason.MISSED_CHECKPOINT);
        }

        @Test
        void doesNotFlagNoSpendingBeforeTheFirstCheckpoint() {
            VarianceRow row = calculator.evaluate(laboratory(2026), LocalDate.of(2026, 1, 10), ActualCurve.NONE);

            assertThat(row.reasons()).doesNotContain(Reason.NO_SPENDING);
            assertThat(row.flag()).isEqualTo(Flag.GREEN);
        }

        @Test
        void flagsRedWhenBehindPlanByExactlyTwentyPoints() {
            VarianceRow row = calculator.evaluate(laboratory(2026), june30, paid("2026-06-30", "30"));

            assertThat(row.gapPp()).isEqualByComparingTo("-20");
            assertThat(row.flag()).isEqualTo(Flag.RED);
            assertThat(row.reasons()).containsExactly(Reason.BEHIND_PLAN, Reason.MISSED_CHECKPOINT);
        }

        @Test
        void flagsYellowWhenOneFenLessBehindThanTwentyPoints() {
            VarianceRow row = calculator.evaluate(laboratory(2026), june30, paid("2026-06-30", "30.0001"));

            assertThat(row.flag()).isEqualTo(Flag.YELLOW);
            assertThat(row.reasons()).startsWith(Reason.BEHIND_PLAN);
        }

        @Test
        void flagsYellowWhenBehindPlanByExactlyTenPoints() {
            VarianceRow row = calculator.evaluate(laboratory(2026), june30, paid("2026-06-30", "40"));

            assertThat(row.gapPp()).isEqualByComparingTo("-10");
            assertThat(row.flag()).isEqualTo(Flag.YELLOW);
            assertThat(row.reasons()).startsWith(Reason.BEHIND_PLAN);
        }

        @Test
        void staysGreenOneFenShortOfTenPointsBehind() {
            VarianceRow row = calculator.evaluate(laboratory(2026), june30, paid("2026-06-30", "40.0001"));

            assertThat(row.flag()).isEqualTo(Flag.GREEN);
        }

        @Test
        void flagsYellowAheadOfPlanAtExactlyTwentyPoints() {
            VarianceRow row = calculator.evaluate(laboratory(2026), june30, paid("2026-06-30", "70"));

            assertThat(row.gapPp()).isEqualByComparingTo("20");
            assertThat(row.flag()).isEqualTo(Flag.YELLOW);
            assertThat(row.reasons()).containsExactly(Reason.AHEAD_OF_PLAN);
        }

        @Test
        void staysGreenOneFenShortOfTwentyPointsAhead() {
            VarianceRow row = calculator.evaluate(laboratory(2026), june30, paid("2026-06-30", "69.9999"));

            assertThat(row.flag()).isEqualTo(Flag.GREEN);
            assertThat(row.reasons()).isEmpty();
        }

        @Test
        void decidesOnTheExactGapWhenExpectedIsARecurringFraction() {
            // On 1 Apr expected is 25 + 25/91 万元 = 252,747.2527…元; ten points behind is 152,747.2527…元.
            LocalDate april1 = LocalDate.of(2026, 4, 1);
            VarianceRow justBehind = calculator.evaluate(laboratory(2026), april1, paid("2026-03-01", "15.27472527"));
            VarianceRow justAhead = calculator.evaluate(laboratory(2026), april1, paid("2026-03-01", "15.27472528"));

            assertThat(justBehind.flag()).isEqualTo(Flag.YELLOW);
            assertThat(justAhead.flag()).isEqualTo(Flag.GREEN);
        }

        @Test
        void addsMissedCheckpointButKeepsTheFlagWhenTheLastCheckpointWasMissed() {
            // 45 万元 by 30 Jun (plan 50), caught up to 52 by 15 Jul: on track now, but the checkpoint was missed.
            VarianceRow row = calculator.evaluate(laboratory(2026), LocalDate.of(2026, 7, 15),
                    paid("2026-06-30", "45", "2026-07-10", "7"));

            assertThat(row.flag()).isEqualTo(Flag.GREEN);
            assertThat(row.reasons()).containsExactly(Reason.MISSED_CHECKPOINT);
        }

        @Test
        void countsReversalsAgainstTheActual() {
            VarianceRow row = calculator.evaluate(laboratory(2026), june30,
                    paid("2026-03-01", "60", "2026-04-01", "-20"));

            assertThat(row.actual()).isEqualTo(Money.ofWan("40"));
            assertThat(row.executionRatePct()).isEqualByComparingTo("40");
        }

        @Test
        void ignoresPaymentsAfterTheAsOfDate() {
            VarianceRow row = calculator.evaluate(laboratory(2026), june30,
                    paid("2026-06-30", "50", "2026-07-01", "30"));

            assertThat(row.actual()).isEqualTo(Money.ofWan("50"));
            assertThat(row.flag()).isEqualTo(Flag.GREEN);
        }

        @Test
        void usesConfiguredThresholds() {
            var strict = new VarianceCalculator(new VarianceThresholds(
                    BigDecimal.valueOf(-5), BigDecimal.valueOf(-2), BigDecimal.valueOf(5)));

            VarianceRow row = strict.evaluate(laboratory(2026), june30, paid("2026-06-30", "45"));

            assertThat(row.flag()).isEqualTo(Flag.RED);
        }
    }
}
