package org.budgetmonitor.plan;

/** The unit of a project's spending-plan checkpoints. */
public enum PlanUnit {
    /** Cumulative amounts in 万元. */
    WAN,
    /** Cumulative percentages of the budget. */
    PCT,
    /** Decide from the figures: see {@link PlanUnitResolver}. */
    AUTO
}
