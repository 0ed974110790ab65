package org.budgetmonitor.variance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.budgetmonitor.money.Money;

/**
 * One line of the variance table. For an unplanned code only the code, the actual, the flag and
 * the reason are set.
 *
 * @param expectedYuan E(D), exact to 34 significant digits
 * @param executionRatePct A / B × 100
 * @param gapPp (A − E) / B × 100, percentage points
 */
public record VarianceRow(
        LocalDate asOf,
        String projectCode,
        boolean planned,
        String projectName,
        String unitCode,
        String unitName,
        Money budget,
        LocalDate checkpointDate,
        Money checkpointPlan,
        BigDecimal expectedYuan,
        Money actual,
        BigDecimal executionRatePct,
        BigDecimal gapPp,
        Flag flag,
        List<Reason> reasons,
        Money originalBudget) {

    public VarianceRow {
        reasons = List.copyOf(reasons);
    }

    /** The same row with the original budget (年初预算) beside the budget in force. */
    public VarianceRow withOriginalBudget(Money original) {
        return new VarianceRow(asOf, projectCode, planned, projectName, unitCode, unitName, budget, checkpointDate,
                checkpointPlan, expectedYuan, actual, executionRatePct, gapPp, flag, reasons, original);
    }

    /** Whether the budget in force differs from the original one (an adjusted project: 调整后预算 ≠ 年初预算). */
    public boolean adjusted() {
        return planned && originalBudget != null && !originalBudget.equals(budget);
    }

    /** A project whose budget was adjusted to 0: no execution rate, no gap (there is no budget to measure by). */
    public boolean cancelled() {
        return reasons.contains(Reason.CANCELLED);
    }

    /**
     * How far the actual is above the budget (0 when it is not): what an over-budget project has
     * overspent. Null for an unplanned code, which has no budget.
     */
    public Money overBudget() {
        if (!planned) {
            return null;
        }
        return actual.isGreaterThan(budget) ? actual.minus(budget) : Money.ZERO;
    }

    /**
     * 余额, the budget not yet spent: budget − actual, never below 0 (an overspent project has no
     * balance; its overspend is {@link #overBudget()}). Null for an unplanned code.
     */
    public Money balance() {
        if (!planned) {
            return null;
        }
        return actual.isGreaterThan(budget) ? Money.ZERO : budget.minus(actual);
    }

    /** {@link #balance()} as printed: budget − actual as they are displayed, never below 0. Null for an unplanned code. */
    public BigDecimal balanceWanForDisplay() {
        return planned ? budget.wanLessForDisplay(actual).max(BigDecimal.ZERO) : null;
    }

    /** {@link #overBudget()} as printed: actual − budget as they are displayed, or 0. Null for an unplanned code. */
    public BigDecimal overBudgetWanForDisplay() {
        return planned ? actual.wanLessForDisplay(budget).max(BigDecimal.ZERO) : null;
    }

    /** 序时进度 of the as-of date ({@link TimeProgress}); null for an unplanned code. */
    public BigDecimal timeProgressPct() {
        return planned ? TimeProgress.pct(asOf) : null;
    }

    /**
     * The execution rate against 序时进度, in percentage points: R − time progress (negative: behind
     * the calendar), of the two as printed ({@link TimeProgress#gapAsPrinted}). Beside {@link #gapPp()},
     * which is measured against the plan.
     */
    public BigDecimal timeProgressGapPp() {
        return planned && executionRatePct != null ? TimeProgress.gapAsPrinted(executionRatePct, asOf) : null;
    }

    public static VarianceRow unplanned(LocalDate asOf, String projectCode, Money actual) {
        return new VarianceRow(asOf, projectCode, false, null, null, null, null, null, null, null, actual, null,
                null, Flag.RED, List.of(Reason.UNPLANNED), null);
    }
}
