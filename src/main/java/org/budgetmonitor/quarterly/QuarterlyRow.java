package org.budgetmonitor.quarterly;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.Reason;
import org.budgetmonitor.variance.VarianceRow;

/**
 * One project (or unplanned code) of a quarterly review: its variance as of the date and what the
 * review adds to it. The variance's flag and reasons are the nightly ones plus
 * {@link Reason#PROJECTED_OVER_BUDGET} (which raises GREEN to YELLOW), as issued.
 *
 * @param timeProgressPct day of year / days in the year × 100
 * @param projectedYearEnd actual × days in the year / day of year: the year end at the current pace
 * @param requiredMonthly max(0, budget − actual) / whole months left; null in December and for unplanned codes
 * @param previousQuarterEnd the quarter end the change is measured from
 * @param previousQuarterActual the actual at that date
 */
public record QuarterlyRow(
        VarianceRow variance,
        BigDecimal timeProgressPct,
        Money projectedYearEnd,
        Money requiredMonthly,
        LocalDate previousQuarterEnd,
        Money previousQuarterActual) {

    public Money changeSincePreviousQuarter() {
        return variance.actual().minus(previousQuarterActual);
    }

    /** RED or YELLOW behind plan (or not spending at all). */
    public boolean lagging() {
        return variance.planned() && variance.flag() != Flag.GREEN
                && (has(Reason.BEHIND_PLAN) || has(Reason.NO_SPENDING));
    }

    public boolean overBudget() {
        return has(Reason.OVER_BUDGET);
    }

    public boolean projectedOverBudget() {
        return has(Reason.PROJECTED_OVER_BUDGET);
    }

    /**
     * The rows the officer must explain (偏差原因 / 纠偏措施 boxes, counted in 需说明): behind plan or
     * not spending, over budget, or projected over budget. The one rule for the PDF, CSV and XLSX.
     */
    public boolean needsExplanation() {
        return variance.planned() && (lagging() || overBudget() || projectedOverBudget());
    }

    /**
     * On the 重点监控 list: every RED project (over budget, not spending, far behind plan), every
     * projection above the budget, and YELLOW projects behind plan with more than
     * {@code yellowUnspentAbove} left unspent. The one rule for the PDF, CSV and XLSX.
     */
    public boolean focus(Money yellowUnspentAbove) {
        if (!variance.planned()) {
            return false; // unplanned codes have their own line on page 1 and in the CSV
        }
        return variance.flag() == Flag.RED || overBudget() || projectedOverBudget()
                || (lagging() && unspent().isGreaterThan(yellowUnspentAbove));
    }

    /** Budget − actual (negative when over budget), or zero for an unplanned code. */
    public Money unspent() {
        return variance.planned() ? variance.budget().minus(variance.actual()) : Money.ZERO;
    }

    /** Actual − budget; positive only when over budget. */
    public Money overBudgetBy() {
        return variance.planned() ? variance.actual().minus(variance.budget()) : Money.ZERO;
    }

    /** Projected year end − budget; positive only when the projection is above the budget. */
    public Money projectedExcess() {
        return variance.planned() ? projectedYearEnd.minus(variance.budget()) : Money.ZERO;
    }

    /**
     * 较序时进度: execution rate − time progress, percentage points, of the two as printed (the nightly
     * {@link VarianceRow#timeProgressGapPp()}); null for an unplanned code.
     */
    public BigDecimal timeProgressGapPp() {
        return variance.planned() && variance.executionRatePct() != null
                ? variance.executionRatePct().setScale(2, RoundingMode.HALF_UP)
                        .subtract(timeProgressPct.setScale(2, RoundingMode.HALF_UP)) : null;
    }

    /**
     * Whether the plan at the date ("季末计划数") is interpolated between two checkpoints rather than a
     * checkpoint's own figure: the date is not a checkpoint and the plan differs from the last one passed.
     */
    public boolean planInterpolated() {
        return variance.planned() && variance.expectedYuan().compareTo(variance.checkpointPlan().yuan()) != 0;
    }

    private boolean has(Reason reason) {
        return variance.reasons().contains(reason);
    }
}
