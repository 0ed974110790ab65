package org.budgetmonitor.report;

import java.math.BigDecimal;

/** A bar of the execution-rate chart: a project (label), the series (actual or expected), the rate in %. */
public record RatePoint(String label, String series, BigDecimal pct) {
}
