package org.budgetmonitor.plan;

import java.util.List;

import org.budgetmonitor.money.Money;

/**
 * A budget project (预算项目) of one fiscal year with its spending plan; checkpoints are in date
 * order and already converted to money whatever unit the plan was written in.
 *
 * @param planUnit the unit the checkpoints were read in (never AUTO)
 * @param planUnitNote why that unit was taken, for the run summary
 */
public record BudgetProject(
        int fiscalYear,
        String unitCode,
        String unitName,
        String code,
        String name,
        Money budget,
        Money fiscalFunds,
        Money otherFunds,
        String purpose,
        String goal,
        PlanUnit planUnit,
        String planUnitNote,
        List<PlanCheckpoint> checkpoints) {

    public BudgetProject {
        checkpoints = List.copyOf(checkpoints);
    }
}
