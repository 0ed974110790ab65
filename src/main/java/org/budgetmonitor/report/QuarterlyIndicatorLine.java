package org.budgetmonitor.report;

/**
 * An indicator line of the 双监控 section, all text as printed.
 *
 * @param valueDate the date the value was reported ({@code 2026-09-30}), empty without a value
 * @param oldValue reported before the review date: the date is marked 旧值, cause and measure carry it
 * @param status the {@link org.budgetmonitor.quarterly.IndicatorStatus} name, for the cell colour
 * @param likelihood the likelihood's words, or 待填 when nobody has judged it
 * @param cause "经费保障：…" (category and text), empty when none was reported
 */
public record QuarterlyIndicatorLine(String projectCode, String projectName, String level1, String level2,
        String level3, String target, String valueToDate, String valueDate, boolean oldValue, String expectedFullYear,
        String status, String statusText, String likelihood, String cause, String measure, String note) {
}
