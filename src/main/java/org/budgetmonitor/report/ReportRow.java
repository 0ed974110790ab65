package org.budgetmonitor.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.VarianceRow;

/**
 * One line of the report's table, figures already rounded the way they are printed: amounts in
 * 万元 (2 dp, HALF_UP), rates and gaps to 2 dp. Rounding here rather than in the template keeps the
 * PDF and the XLSX cell values identical.
 *
 * @param gapPp against the plan (A − E) / B × 100
 * @param timeProgressPct 序时进度 of the as-of date, the same for every row
 * @param timeProgressGapPp the execution rate against 序时进度, percentage points
 * @param balanceWan 余额, budget − actual, never below 0
 * @param overBudgetWan what the actual exceeds the budget by, 0 when it does not
 * @param originalBudgetWan 年初预算, the CSV's original_budget_wan ({@code budgetWan} is the budget in force)
 * @param adjusted the budget in force differs from the original one: the documents print both
 */
public record ReportRow(
        int no,
        String unitCode,
        String unitName,
        String code,
        String name,
        BigDecimal budgetWan,
        LocalDate checkpointDate,
        BigDecimal checkpointPlanWan,
        BigDecimal expectedWan,
        BigDecimal actualWan,
        BigDecimal ratePct,
        BigDecimal expectedRatePct,
        BigDecimal gapPp,
        BigDecimal timeProgressPct,
        BigDecimal timeProgressGapPp,
        BigDecimal balanceWan,
        BigDecimal overBudgetWan,
        Flag flag,
        String flagText,
        BigDecimal originalBudgetWan,
        boolean adjusted) {

    private static final BigDecimal YUAN_PER_WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** @param flagText the flag cell's words, {@link ReportText#flagAndReasons} of the row's flag and reasons */
    static ReportRow of(int no, VarianceRow row, String flagText) {
        BigDecimal budget = row.budget().yuan();
        // A cancelled project (budget 0) has no rate to expect, as it has no rate.
        BigDecimal expectedRate = budget.signum() == 0 ? (row.cancelled() ? null : BigDecimal.ZERO)
                : row.expectedYuan().multiply(HUNDRED).divide(budget, 2, RoundingMode.HALF_UP);
        return new ReportRow(no, row.unitCode(), row.unitName(), row.projectCode(), row.projectName(),
                row.budget().wanForDisplay(), row.checkpointDate(),
                row.checkpointPlan() == null ? null : row.checkpointPlan().wanForDisplay(),
                wan(row.expectedYuan()), row.actual().wanForDisplay(), twoPlaces(row.executionRatePct()),
                expectedRate, twoPlaces(row.gapPp()), twoPlaces(row.timeProgressPct()),
                twoPlaces(row.timeProgressGapPp()), row.balanceWanForDisplay(), row.overBudgetWanForDisplay(),
                row.flag(), flagText,
                row.originalBudget() == null ? null : row.originalBudget().wanForDisplay(), row.adjusted());
    }

    /** A cancelled project (budget adjusted to 0): the only planned row without a rate, as its plan has no checkpoints left. */
    public boolean cancelled() {
        return ratePct == null;
    }

    ReportRow renumbered(int newNo) {
        return new ReportRow(newNo, unitCode, unitName, code, name, budgetWan, checkpointDate, checkpointPlanWan,
                expectedWan, actualWan, ratePct, expectedRatePct, gapPp, timeProgressPct, timeProgressGapPp, balanceWan,
                overBudgetWan, flag, flagText, originalBudgetWan, adjusted);
    }

    static BigDecimal wan(BigDecimal yuan) {
        return yuan == null ? null : Money.ofYuan(yuan).wanForDisplay();
    }

    static BigDecimal twoPlaces(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal yuanToWan(BigDecimal yuan) {
        return yuan.divide(YUAN_PER_WAN);
    }
}
