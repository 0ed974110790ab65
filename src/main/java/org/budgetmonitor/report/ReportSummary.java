package org.budgetmonitor.report;

import java.math.BigDecimal;

/**
 * The summary block: counts per flag and the unit's totals (万元, 2 dp), over planned projects only;
 * unplanned codes are counted separately because they have no budget to execute against.
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
        BigDecimal executionRatePct,
        BigDecimal timeProgressPct,
        int elapsedDays,
        int daysInYear,
        String redProjects) {
}
