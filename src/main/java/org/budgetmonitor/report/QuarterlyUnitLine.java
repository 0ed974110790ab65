package org.budgetmonitor.report;

import java.math.BigDecimal;

/**
 * A unit's totals on the summary page (and under its table), as printed.
 *
 * @param needsExplanation projects with 偏差原因 / 纠偏措施 to write (需说明)
 * @param gapPp 较计划偏差 of the totals: (actual − plan at the date) / budget × 100; null without a budget
 * @param timeProgressGapPp 较序时进度偏差 of the totals: their rate − time progress; null without a budget
 */
public record QuarterlyUnitLine(String unitCode, String unitName, int projects, BigDecimal budgetWan,
        BigDecimal expectedWan, BigDecimal actualWan, BigDecimal previousWan, BigDecimal changeWan,
        BigDecimal ratePct, int red, int yellow, int green, int needsExplanation, BigDecimal gapPp,
        BigDecimal timeProgressGapPp) {
}
