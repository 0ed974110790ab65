package org.budgetmonitor.report;

import java.math.BigDecimal;

import org.budgetmonitor.variance.Flag;

/** A line of the 重点监控 list, as printed. */
public record QuarterlyFocusRow(int rank, String code, String name, BigDecimal budgetWan, BigDecimal actualWan,
        BigDecimal unspentWan, BigDecimal ratePct, Flag flag, String flagText) {
}
