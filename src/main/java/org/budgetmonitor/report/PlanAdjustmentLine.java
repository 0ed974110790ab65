package org.budgetmonitor.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a document's 预算调整 section: a change of one project's budget that took effect on a
 * date, figures in 万元 rounded as printed. A transfer (调剂) is two such lines with the same 文号.
 *
 * @param changeWan signed: + for 追加, − for 调减 (after − before, rounded once)
 * @param reason the 调整原因 as written in adjustments.csv, or the document's words for a plan-file revision
 */
public record PlanAdjustmentLine(
        LocalDate date,
        String code,
        String name,
        BigDecimal changeWan,
        BigDecimal budgetBeforeWan,
        BigDecimal budgetAfterWan,
        String documentNo,
        String reason) {

    /** The change with its sign, as the documents print it: "+5.00", "-1,250.00", "0.00". */
    public String signedChange() {
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.00",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        return (changeWan.signum() > 0 ? "+" : "") + format.format(changeWan);
    }
}
