package org.budgetmonitor.report;

/**
 * An indicator line of the 双监控 section, all text as printed.
 *
 * @param status the {@link org.budgetmonitor.quarterly.IndicatorStatus} name, for the cell colour
 * @param cause "经费保障：…" (category and text), empty when none was reported
 */
public record QuarterlyIndicatorLine(String projectCode, String projectName, String level1, String level2,
        String level3, String target, String valueToDate, String expectedFullYear, String status,
        String statusText, String likelihood, String cause, String measure) {
}
