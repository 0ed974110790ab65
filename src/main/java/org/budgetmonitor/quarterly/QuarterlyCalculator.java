package org.budgetmonitor.quarterly;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.variance.ActualCurve;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.Reason;
import org.budgetmonitor.variance.TimeProgress;
import org.budgetmonitor.variance.VarianceRow;

/** The review's figures for one variance row (README, "Quarterly review"). Exact; rounding only on output. */
public final class QuarterlyCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private QuarterlyCalculator() {
    }

    /** 序时进度: the one definition the nightly report uses too. */
    public static BigDecimal timeProgressPct(LocalDate asOf) {
        return TimeProgress.pct(asOf);
    }

    /**
     * 较计划偏差 of several projects together (a unit's subtotal, the 合计): (actual − plan at the date) /
     * budget × 100 over their sums, as for one project; null without a budget.
     */
    public static BigDecimal gapToPlanPp(Money budget, Money expected, Money actual) {
        return budget.isZero() ? null
                : actual.minus(expected).yuan().multiply(HUNDRED).divide(budget.yuan(), MathContext.DECIMAL128);
    }

    /**
     * 较序时进度偏差 of several projects together: their execution rate − time progress, the two as printed
     * (as a project's); null without a budget.
     */
    public static BigDecimal gapToTimeProgressPp(Money budget, Money actual, LocalDate asOf) {
        return budget.isZero() ? null
                : TimeProgress.gapAsPrinted(actual.yuan().multiply(HUNDRED).divide(budget.yuan(), MathContext.DECIMAL128),
                        asOf);
    }

    public static QuarterlyRow review(VarianceRow variance, ActualCurve actuals) {
        LocalDate asOf = variance.asOf();
        Money actual = variance.actual();
        Money projected = Money.ofYuan(actual.yuan().multiply(BigDecimal.valueOf(asOf.lengthOfYear()))
                .divide(BigDecimal.valueOf(asOf.getDayOfYear()), MathContext.DECIMAL128));
        Money required = null;
        int monthsLeft = QuarterEnds.wholeMonthsLeft(asOf);
        if (variance.planned() && monthsLeft > 0) {
            BigDecimal left = variance.budget().minus(actual).yuan().max(BigDecimal.ZERO);
            required = Money.ofYuan(left.divide(BigDecimal.valueOf(monthsLeft), MathContext.DECIMAL128));
        }
        LocalDate previous = QuarterEnds.previous(asOf);
        VarianceRow flagged = projectsAboveBudget(variance, projected) ? withProjectedOverBudget(variance) : variance;
        return new QuarterlyRow(flagged, timeProgressPct(asOf), projected, required, previous, actuals.upTo(previous));
    }

    /**
     * The year end at the current pace is above the budget, as printed (万元, 2 dp): the CSV and the
     * report never show a warning for a projection that reads as the budget. The pace is the
     * calendar's, so it is a warning only for a project ahead of its own plan to date (as printed):
     * one spending as its plan says ends at its budget by definition, however the plan is spread.
     * A budget already reached before the year end is said whatever the plan. On 31 Dec the
     * "projection" is the actual itself, so over budget is said by OVER_BUDGET, not as a projection.
     */
    private static boolean projectsAboveBudget(VarianceRow variance, Money projected) {
        LocalDate asOf = variance.asOf();
        // A cancelled project has nothing left to project against: it is RED, CANCELLED already.
        if (!variance.planned() || variance.cancelled() || asOf.getDayOfYear() >= asOf.lengthOfYear()
                || projected.wanForDisplay().compareTo(variance.budget().wanForDisplay()) <= 0) {
            return false;
        }
        BigDecimal actualWan = variance.actual().wanForDisplay();
        boolean budgetReached = actualWan.compareTo(variance.budget().wanForDisplay()) >= 0;
        boolean aheadOfPlan = variance.expectedYuan() != null
                && actualWan.compareTo(Money.ofYuan(variance.expectedYuan()).wanForDisplay()) > 0;
        return budgetReached || aheadOfPlan;
    }

    /** A projection above the budget is a warning: at least YELLOW, with its reason. */
    private static VarianceRow withProjectedOverBudget(VarianceRow v) {
        List<Reason> reasons = new ArrayList<>(v.reasons());
        reasons.add(Reason.PROJECTED_OVER_BUDGET);
        Flag flag = v.flag() == Flag.GREEN ? Flag.YELLOW : v.flag();
        return new VarianceRow(v.asOf(), v.projectCode(), v.planned(), v.projectName(), v.unitCode(), v.unitName(),
                v.budget(), v.checkpointDate(), v.checkpointPlan(), v.expectedYuan(), v.actual(), v.executionRatePct(),
                v.gapPp(), flag, reasons, v.originalBudget());
    }
}
