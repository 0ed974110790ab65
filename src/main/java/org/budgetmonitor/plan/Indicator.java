package org.budgetmonitor.plan;

/** A performance indicator (绩效指标) of a project, as the plan states it. */
public record Indicator(
        String projectCode,
        int seq,
        String level1,
        String level2,
        String level3,
        String description,
        String target,
        String basis) {
}
