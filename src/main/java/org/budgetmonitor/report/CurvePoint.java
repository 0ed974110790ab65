package org.budgetmonitor.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A point of a cumulative curve in a project's chart: which line, which day, how much (万元). */
public record CurvePoint(String series, LocalDate day, BigDecimal wan) {
}
