package org.budgetmonitor.quarterly;

import java.time.LocalDate;

/**
 * One line of an indicator progress file (--progress-dir): what a project reported for one
 * indicator (三级指标) on a date.
 *
 * @param expectedFullYear 全年预计完成情况, when the officer gives it
 * @param likelihood 完成目标可能性 as the officer judges it; overrides the derived one
 * @param causeCategory 偏差原因 heading: 经费保障 / 制度保障 / 人员保障 / 硬件条件保障 / 其他
 * @param status 完成情况 as the officer confirms it (已达成 / 未达成), for a value the program cannot judge
 */
public record IndicatorProgress(
        String projectCode,
        String indicator,
        LocalDate date,
        String value,
        String expectedFullYear,
        String likelihood,
        String causeCategory,
        String cause,
        String measure,
        String note,
        String status,
        String file,
        long line) {
}
