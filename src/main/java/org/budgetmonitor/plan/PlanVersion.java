package org.budgetmonitor.plan;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A stored version of a year's plan file: the projects it added or changed (all of them in the
 * year's first version, the original plan 年初预算) and the ones it took out, in force from its date.
 *
 * @param source {@link #ORIGINAL}, {@link #PLAN_FILE} (a changed projects.csv) or {@link #IMPORT} (import-plan)
 * @param fingerprint of the plan files it was read from
 */
public record PlanVersion(long id, int fiscalYear, LocalDate effectiveDate, String source, String fingerprint,
        Map<String, BudgetProject> changed, Set<String> removed) {

    public static final String ORIGINAL = "ORIGINAL";
    public static final String PLAN_FILE = "PLAN_FILE";
    public static final String IMPORT = "IMPORT";

    public PlanVersion {
        changed = Map.copyOf(changed);
        removed = Set.copyOf(removed);
    }
}
