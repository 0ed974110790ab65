package org.budgetmonitor.plan;

import java.util.List;

/** The plan as loaded from the plan directory: projects with their checkpoints, and indicators. */
public record Plan(List<BudgetProject> projects, List<Indicator> indicators) {

    public Plan {
        projects = List.copyOf(projects);
        indicators = List.copyOf(indicators);
    }
}
