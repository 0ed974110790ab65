package org.budgetmonitor.quarterly;

/**
 * An indicator as the quarterly review shows it (双监控: the indicator beside the money).
 *
 * @param valueToDate the latest reported value on or before the review date, as written
 * @param expectedFullYear 全年预计完成情况
 */
public record IndicatorReview(
        String projectCode,
        int seq,
        String level1,
        String level2,
        String level3,
        String target,
        String valueToDate,
        String expectedFullYear,
        IndicatorStatus status,
        Likelihood likelihood,
        String causeCategory,
        String cause,
        String measure,
        String note) {
}
