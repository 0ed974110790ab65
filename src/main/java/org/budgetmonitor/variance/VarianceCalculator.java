package org.budgetmonitor.variance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.plan.BudgetProject;
import org.budgetmonitor.plan.PlanCheckpoint;
import org.budgetmonitor.plan.ProjectInForce;

/**
 * The variance rules (README, "The variance rules"). Flags are decided on exact figures: the
 * expected amount E is a fraction (numerator / days), and the gap is compared with the thresholds
 * by cross-multiplying, so a project exactly at −10 pp is YELLOW, never GREEN through rounding.
 */
public class VarianceCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final VarianceThresholds thresholds;

    public VarianceCalculator(VarianceThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * E(D) as numerator / denominator (元 × days / days): linear by calendar days between
     * (31 Dec of the previous year, 0) and the checkpoints; flat after the last checkpoint.
     */
    record Expected(BigDecimal numerator, BigDecimal denominator) {

        BigDecimal value() {
            return numerator.divide(denominator, MathContext.DECIMAL128);
        }
    }

    static Expected expected(List<PlanCheckpoint> checkpoints, int fiscalYear, LocalDate asOf) {
        LocalDate previousDate = LocalDate.of(fiscalYear - 1, 12, 31);
        BigDecimal previousPlan = BigDecimal.ZERO;
        for (PlanCheckpoint checkpoint : checkpoints) {
            if (!asOf.isBefore(checkpoint.date())) {
                previousDate = checkpoint.date();
                previousPlan = checkpoint.cumulative().yuan();
                continue;
            }
            long span = ChronoUnit.DAYS.between(previousDate, checkpoint.date());
            long elapsed = ChronoUnit.DAYS.between(previousDate, asOf);
            BigDecimal rise = checkpoint.cumulative().yuan().subtract(previousPlan);
            BigDecimal days = BigDecimal.valueOf(span);
            return new Expected(previousPlan.multiply(days).add(rise.multiply(BigDecimal.valueOf(elapsed))), days);
        }
        return new Expected(previousPlan, BigDecimal.ONE);
    }

    /** The figures against the plan in force on the date, with the original budget beside them. */
    public VarianceRow evaluate(ProjectInForce inForce, LocalDate asOf, ActualCurve actuals) {
        BudgetProject project = inForce.project();
        if (inForce.cancelled()) {
            return cancelled(project, asOf, actuals).withOriginalBudget(inForce.originalBudget());
        }
        return evaluate(project, asOf, actuals).withOriginalBudget(inForce.originalBudget());
    }

    /**
     * A cancelled project (budget 0): RED, CANCELLED, and OVER_BUDGET when it spent at all. Nothing is
     * planned or expected any more, and a rate or gap against a budget of 0 means nothing: they stay empty.
     */
    private static VarianceRow cancelled(BudgetProject project, LocalDate asOf, ActualCurve actuals) {
        Money actual = actuals.upTo(asOf);
        List<Reason> reasons = new ArrayList<>(List.of(Reason.CANCELLED));
        if (actual.isPositive()) {
            reasons.add(Reason.OVER_BUDGET);
        }
        return new VarianceRow(asOf, project.code(), true, project.name(), project.unitCode(), project.unitName(),
                Money.ZERO, null, Money.ZERO, BigDecimal.ZERO, actual, null, null, Flag.RED, reasons, null);
    }

    public VarianceRow evaluate(BudgetProject project, LocalDate asOf, ActualCurve actuals) {
        Money budget = project.budget();
        Money actual = actuals.upTo(asOf);
        PlanCheckpoint passed = latestPassed(project.checkpoints(), asOf);
        Expected expected = expected(project.checkpoints(), project.fiscalYear(), asOf);

        BigDecimal a = actual.yuan();
        BigDecimal b = budget.yuan();
        // gap × B × days = (A × days − E × days) × 100, all exact.
        BigDecimal gapTimesBudget = a.multiply(expected.denominator()).subtract(expected.numerator()).multiply(HUNDRED);
        BigDecimal budgetTimesDays = b.multiply(expected.denominator());

        List<Reason> reasons = new ArrayList<>();
        Flag flag;
        if (actual.isGreaterThan(budget)) {
            flag = Flag.RED;
            reasons.add(Reason.OVER_BUDGET);
        } else if (!project.checkpoints().isEmpty() && !asOf.isBefore(project.checkpoints().get(0).date())
                && actual.isZero()) {
            flag = Flag.RED;
            reasons.add(Reason.NO_SPENDING);
        } else if (gapTimesBudget.compareTo(thresholds.redBehindPp().multiply(budgetTimesDays)) <= 0) {
            flag = Flag.RED;
            reasons.add(Reason.BEHIND_PLAN);
        } else if (gapTimesBudget.compareTo(thresholds.yellowBehindPp().multiply(budgetTimesDays)) <= 0) {
            flag = Flag.YELLOW;
            reasons.add(Reason.BEHIND_PLAN);
        } else if (gapTimesBudget.compareTo(thresholds.yellowAheadPp().multiply(budgetTimesDays)) >= 0) {
            flag = Flag.YELLOW;
            reasons.add(Reason.AHEAD_OF_PLAN);
        } else {
            flag = Flag.GREEN;
        }
        if (passed != null && actuals.upTo(passed.date()).isLessThan(passed.cumulative())) {
            reasons.add(Reason.MISSED_CHECKPOINT);
        }

        return new VarianceRow(asOf, project.code(), true, project.name(), project.unitCode(), project.unitName(),
                budget, passed == null ? null : passed.date(), passed == null ? Money.ZERO : passed.cumulative(),
                expected.value(), actual, a.multiply(HUNDRED).divide(b, MathContext.DECIMAL128),
                gapTimesBudget.divide(budgetTimesDays, MathContext.DECIMAL128), flag, reasons, budget);
    }

    /** C(D)'s checkpoint: the latest one on or before the date, or null before the first. */
    static PlanCheckpoint latestPassed(List<PlanCheckpoint> checkpoints, LocalDate asOf) {
        PlanCheckpoint passed = null;
        for (PlanCheckpoint checkpoint : checkpoints) {
            if (!checkpoint.date().isAfter(asOf)) {
                passed = checkpoint;
            }
        }
        return passed;
    }
}
