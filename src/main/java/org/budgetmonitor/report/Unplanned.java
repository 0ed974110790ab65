package org.budgetmonitor.report;

import java.math.BigDecimal;

/** Spending on a code that is not in the plan, in 万元 as printed. */
public record Unplanned(String code, BigDecimal actualWan) {
}
