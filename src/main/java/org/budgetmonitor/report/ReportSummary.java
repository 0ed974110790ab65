package org.budgetmonitor.report;

import java.math.BigDecimal;

/**
 * The summary block: counts per flag and the unit's totals (万元, 2 dp), over planned projects only;
 * unplanned codes are counted separately because they have no budget to execute against (the CSV
 * flags them UNPLANNED; {@link #red} never includes them).
 *
 * @param balanceWan the total budget less the total actual: net, so below 0 when the overspend exceeds
 *        what the others left unspent (a project's own balance is never below 0; the overspend is
 *        {@code overBudgetWan}, stated beside it)
 * @param overBudgetProjects projects whose actual exceeds their budget
 * @param overBudgetWan what they exceed their budgets by, added up
 * @param timeProgressGapPp the overall execution rate against 序时进度, percentage points
 */
public record ReportSummary(
        int projects,
        int red,
        int yellow,
        int green,
        int unplannedCodes,
        BigDecimal budgetWan,
        BigDecimal expectedWan,
        BigDecimal actualWan,
        BigDecimal balanceWan,
        int overBudgetProjects,
        BigDecimal overBudgetWan,
        BigDecimal executionRatePct,
        BigDecimal timeProgressPct,
        BigDecimal timeProgressGapPp,
        int elapsedDays,
        int daysInYear,
        String redProjects) {
}
