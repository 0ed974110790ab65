package org.budgetmonitor.plan;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The changes of the plan that took effect since the last run: in force on this run's date, and not
 * in force in the plan the last run computed with (its date, its revisions). A first run lists the
 * year's changes up to its date; a change recorded back-dated is listed by the next run.
 */
final class PlanRevisionsSinceLastRun {

    private final PlanRevisionRepository revisions;

    PlanRevisionsSinceLastRun(PlanRevisionRepository revisions) {
        this.revisions = revisions;
    }

    List<PlanChange> list(LocalDate asOf) {
        int year = asOf.getYear();
        List<PlanChange> now = revisions.timeline(year).on(asOf).changes();
        var last = revisions.lastRun();
        Set<String> before = new HashSet<>();
        if (last.isPresent() && last.get().asOf().getYear() == year) {
            revisions.timeline(year, last.get().revisionId()).on(last.get().asOf()).changes().forEach(c -> before.add(key(c)));
        }
        return now.stream().filter(c -> !before.contains(key(c))).toList();
    }

    private static String key(PlanChange c) {
        return c.effectiveDate() + "|" + c.projectCode() + "|" + c.documentNo() + "|" + c.reason() + "|"
                + c.budgetBefore().yuan().stripTrailingZeros().toPlainString() + "|"
                + c.budgetAfter().yuan().stripTrailingZeros().toPlainString();
    }
}
