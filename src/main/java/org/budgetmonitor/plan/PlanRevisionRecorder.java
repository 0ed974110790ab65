package org.budgetmonitor.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Stores plan files read afresh as revisions, never as a replacement: a year seen for the first time
 * is its original plan (年初预算, in force from 1 January); a changed projects.csv is recorded as the
 * projects it adds, changes or takes out, in force from a date; a changed adjustments.csv as the
 * year's new set of adjustments. Everything is validated first: a bad file changes nothing.
 */
public final class PlanRevisionRecorder {

    private final PlanRepository plans;
    private final PlanRevisionRepository revisions;

    public PlanRevisionRecorder(PlanRepository plans) {
        this.plans = plans;
        this.revisions = plans.revisions();
    }

    /**
     * @param effective from when a changed plan file is in force ({@code --plan-effective}, default the as-of date)
     * @param source {@link PlanVersion#PLAN_FILE} or {@link PlanVersion#IMPORT}
     * @param document what the plan was read from, for the record (null for the plan directory)
     * @return how many projects the plan files' versions added, changed or took out
     * @throws PlanValidationException when an adjustment cannot apply to the plan
     */
    public int store(Plan plan, List<Adjustment> adjustments, LocalDate effective, String source, String fingerprint,
            String document) {
        Map<Integer, List<BudgetProject>> byYear = new TreeMap<>();
        plan.projects().forEach(p -> byYear.computeIfAbsent(p.fiscalYear(), k -> new ArrayList<>()).add(p));
        Map<Integer, PlanVersion> versions = new LinkedHashMap<>();
        byYear.forEach((year, projects) -> {
            PlanVersion version = version(year, projects, effective, source, fingerprint);
            if (version != null) {
                versions.put(year, version);
            }
        });
        Map<Integer, List<Adjustment>> adjustmentsByYear = adjustments.stream()
                .collect(Collectors.groupingBy(Adjustment::fiscalYear, TreeMap::new, Collectors.toList()));
        Set<Integer> years = new TreeSet<>(adjustmentsByYear.keySet());
        years.addAll(revisions.yearsWithAdjustments());
        List<String> problems = new ArrayList<>();
        Set<Integer> checked = new TreeSet<>(years);
        checked.addAll(versions.keySet());
        for (int year : checked) {
            problems.addAll(revisions.timelineWith(year, versions.get(year), adjustmentsByYear.getOrDefault(year, List.of()))
                    .atYearEnd().problems());
        }
        if (!problems.isEmpty()) {
            throw new PlanValidationException(problems);
        }
        int changed = 0;
        for (PlanVersion version : versions.values()) {
            revisions.recordVersion(version, document);
            changed += version.changed().size() + version.removed().size();
        }
        plans.replace(plan);
        for (int year : years) {
            List<Adjustment> now = adjustmentsByYear.getOrDefault(year, List.of());
            if (!keys(now).equals(keys(revisions.currentAdjustments(year)))) {
                revisions.recordAdjustments(year, fingerprint, now);
            }
        }
        return changed;
    }

    /** The year's new version against the plan file stored last, or null when nothing differs. */
    private PlanVersion version(int year, List<BudgetProject> projects, LocalDate effective, String source,
            String fingerprint) {
        Map<String, BudgetProject> stored = new LinkedHashMap<>();
        plans.findProjects(year).forEach(p -> stored.put(p.code(), p));
        LocalDate start = LocalDate.of(year, 1, 1);
        Map<String, BudgetProject> changed = new LinkedHashMap<>();
        projects.forEach(p -> changed.put(p.code(), p));
        if (stored.isEmpty()) {
            return new PlanVersion(Long.MAX_VALUE, year, start, PlanVersion.ORIGINAL, fingerprint, changed, Set.of());
        }
        changed.values().removeIf(p -> stored.containsKey(p.code()) && !stored.get(p.code()).differsInPlanFrom(p));
        Set<String> removed = new TreeSet<>(stored.keySet());
        projects.forEach(p -> removed.remove(p.code()));
        if (changed.isEmpty() && removed.isEmpty()) {
            return null;
        }
        return new PlanVersion(Long.MAX_VALUE, year, effective.isBefore(start) ? start : effective, source, fingerprint,
                changed, removed);
    }

    // What an adjustment says, whatever line it stands on and however its numbers are written.
    private static List<String> keys(List<Adjustment> adjustments) {
        return adjustments.stream().map(a -> String.join("|", a.projectCode(), a.effectiveDate().toString(),
                plain(a.budgetChange().yuan()), plain(a.fiscalChange().yuan()), plain(a.otherChange().yuan()),
                a.documentNo(), a.reason(), a.revisedPlan().entrySet().stream()
                        .map(e -> e.getKey() + "=" + plain(e.getValue())).collect(Collectors.joining(","))))
                .toList();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
