package org.budgetmonitor.report;

import java.math.BigDecimal;

import org.budgetmonitor.variance.Flag;

/**
 * One project line of the quarterly review table, figures rounded as printed (万元 2 dp HALF_UP,
 * percentages 2 dp) so the PDF and the XLSX cells agree.
 *
 * @param gapPp 较计划偏差: (actual − plan at the date) / budget × 100
 * @param timeProgressGapPp 较序时进度偏差: execution rate − time progress
 * @param needsExplanation the officer writes 偏差原因 and 纠偏措施 by hand ({@code QuarterlyRow#needsExplanation})
 * @param focus on the 重点监控 list ({@code QuarterlyRow#focus})
 * @param requiredMonthlyWan null in December (no whole month left)
 * @param originalBudgetWan 年初预算, the CSV's original_budget_wan ({@code budgetWan} is the budget in force)
 * @param adjusted the budget in force differs from the original one: the documents print both
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
        BigDecimal timeProgressGapPp,
        Flag flag,
        String flagText,
        BigDecimal changeWan,
        BigDecimal projectedWan,
        BigDecimal requiredMonthlyWan,
        boolean needsExplanation,
        boolean focus,
        BigDecimal originalBudgetWan,
        boolean adjusted) {

    /** A project never adjusted: its original budget is its budget. */
    public QuarterlyReportRow(int no, String unitCode, String unitName, String code, String name, BigDecimal budgetWan,
            BigDecimal expectedWan, BigDecimal actualWan, BigDecimal ratePct, BigDecimal timeProgressPct,
            BigDecimal gapPp, BigDecimal timeProgressGapPp, Flag flag, String flagText, BigDecimal changeWan,
            BigDecimal projectedWan, BigDecimal requiredMonthlyWan, boolean needsExplanation, boolean focus) {
        this(no, unitCode, unitName, code, name, budgetWan, expectedWan, actualWan, ratePct, timeProgressPct, gapPp,
                timeProgressGapPp, flag, flagText, changeWan, projectedWan, requiredMonthlyWan, needsExplanation, focus,
                budgetWan, false);
    }
}
