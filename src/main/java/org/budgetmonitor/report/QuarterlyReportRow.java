package org.budgetmonitor.report;

import java.math.BigDecimal;

import org.budgetmonitor.variance.Flag;

/**
 * One project line of the quarterly review table, figures rounded as printed (万元 2 dp HALF_UP,
 * percentages 2 dp) so the PDF and the XLSX cells agree.
 *
 * @param lagging RED or YELLOW behind plan: the officer writes 偏差原因 and 纠偏措施 by hand
 * @param requiredMonthlyWan null in December (no whole month left)
 */
public record QuarterlyReportRow(
        int no,
        String unitCode,
        String unitName,
        String code,
        String name,
        BigDecimal budgetWan,
        BigDecimal expectedWan,
        BigDecimal actualWan,
        BigDecimal ratePct,
        BigDecimal timeProgressPct,
        BigDecimal gapPp,
        Flag flag,
        String flagText,
        BigDecimal changeWan,
        BigDecimal projectedWan,
        BigDecimal requiredMonthlyWan,
        boolean lagging) {
}
