package org.budgetmonitor.report;

import java.math.BigDecimal;

/**
 * One unit's line in the combined report of many units: its projects per flag and its totals
 * (万元 and %, 2 dp HALF_UP, as printed).
 */
public record UnitLine(
        String unitCode,
        String unitName,
        int projects,
        int red,
        int yellow,
        int green,
        BigDecimal budgetWan,
        BigDecimal actualWan,
        BigDecimal executionRatePct) {
}
