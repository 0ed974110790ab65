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

    /** The same project with an adjusted budget, funds and plan (预算调整). */
    public BudgetProject revised(Money newBudget, Money newFiscalFunds, Money newOtherFunds,
            List<PlanCheckpoint> newCheckpoints) {
        return new BudgetProject(fiscalYear, unitCode, unitName, code, name, newBudget, newFiscalFunds, newOtherFunds,
                purpose, goal, planUnit, planUnitNote, newCheckpoints);
    }

    /** Whether the figures and names of the plan differ (purpose and goal are text, not a revision). */
    public boolean differsInPlanFrom(BudgetProject other) {
        return !(unitCode.equals(other.unitCode) && unitName.equals(other.unitName) && name.equals(other.name)
                && budget.equals(other.budget) && fiscalFunds.equals(other.fiscalFunds)
                && otherFunds.equals(other.otherFunds) && planUnit == other.planUnit
                && checkpoints.equals(other.checkpoints));
    }
}
