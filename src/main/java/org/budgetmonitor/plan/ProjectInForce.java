package org.budgetmonitor.plan;

import org.budgetmonitor.money.Money;

/**
 * A project as the plan in force on a date has it (调整后), beside its original budget (年初预算).
 *
 * @param originalBudget the budget of the plan in force on 1 January (0 for a project added later)
 * @param revised whether any revision after 1 January changed it by that date
 * @param planScaled whether its checkpoints after an adjustment were scaled to the new budget
 */
public record ProjectInForce(BudgetProject project, Money originalBudget, boolean revised, boolean planScaled) {

    /** Budget adjusted to 0 (项目撤销): its spending stays its own, flagged CANCELLED. */
    public boolean cancelled() {
        return project.budget().isZero();
    }
}
