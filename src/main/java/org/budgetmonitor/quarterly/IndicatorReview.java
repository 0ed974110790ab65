package org.budgetmonitor.quarterly;

import java.time.LocalDate;

/**
 * An indicator as the quarterly review shows it (双监控: the indicator beside the money).
 *
 * @param valueToDate the latest reported value on or before the review date, as written
 * @param expectedFullYear 全年预计完成情况
 * @param likelihood null when nobody can say yet (shown as 待填)
 * @param valueDate the date of the progress line the value comes from (the review date for a value
 *     computed from the spending); null without a value. Older than the review date: an old value.
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
        String note,
        LocalDate valueDate) {

    /** The value was reported before the review date: printed with its date as an old value. */
    public boolean valueIsOlderThan(LocalDate reviewDate) {
        return valueDate != null && valueDate.isBefore(reviewDate);
    }
}
