package org.budgetmonitor.report;

import java.math.BigDecimal;

/**
 * The summary block: counts per flag and the unit's totals (万元, 2 dp), over planned projects only;
 * unplanned codes are counted separately because they have no budget to execute against (the CSV
 * flags them RED with reason UNPLANNED; {@link #red} never includes them).
 *
 * @param balanceWan the projects' unspent balances added up (each budget − actual, never below 0)
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
