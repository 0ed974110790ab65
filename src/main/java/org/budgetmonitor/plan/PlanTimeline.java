package org.budgetmonitor.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.budgetmonitor.money.Money;

/**
 * The plan of one fiscal year through time: its plan-file versions and its adjustments, applied in
 * date order, give the plan in force on any date. A plan-file version states a project whole, so it
 * supersedes adjustments of that project dated before it; adjustments dated after it apply on top.
 * Versions in force on 1 January make the original plan (年初预算).
 */
public final class PlanTimeline {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    // Scaled checkpoints are plan figures in 元, kept to the precision plan_checkpoint stores.
    private static final int SCALED_SCALE = 6;

    private final int fiscalYear;
    private final List<PlanVersion> versions;
    private final List<Adjustment> adjustments;
    private final long adjustmentsRevision;
    // The plan on a date is asked for by several steps of a night (the changes since the last run, the variance, the
    // report); it is worked out once for each of the last few dates asked.
    private final Map<LocalDate, State> states = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, State> eldest) {
            return size() > 4;
        }
    };

    /**
     * @param adjustmentsRevision the stored revision the adjustments belong to (0: not stored yet)
     */
    public PlanTimeline(int fiscalYear, List<PlanVersion> versions, List<Adjustment> adjustments, long adjustmentsRevision) {
        this.fiscalYear = fiscalYear;
        LocalDate start = LocalDate.of(fiscalYear, 1, 1);
        this.versions = versions.stream()
                .sorted(Comparator.comparing((PlanVersion v) -> max(v.effectiveDate(), start)).thenComparing(PlanVersion::id))
                .toList();
        this.adjustments = adjustments.stream().filter(a -> a.fiscalYear() == fiscalYear)
                .sorted(Comparator.comparing(Adjustment::effectiveDate).thenComparing(Adjustment::line)).toList();
        this.adjustmentsRevision = adjustmentsRevision;
    }

    /**
     * The plan on a date: the projects in force by unit and code, the changes that took effect from
     * 2 January up to the date, and every adjustment that cannot apply (file, line, project, reason).
     */
    public record State(List<ProjectInForce> projects, List<PlanChange> changes, List<String> problems) {
    }

    private static final class Entry {
        BudgetProject project;
        boolean revised;
        boolean scaled;

        Entry(BudgetProject project) {
            this.project = project;
        }
    }

    public State on(LocalDate date) {
        synchronized (states) {
            State known = states.get(date);
            if (known != null) {
                return known;
            }
        }
        State state = stateOn(date);
        synchronized (states) {
            states.put(date, state);
        }
        return state;
    }

    private State stateOn(LocalDate date) {
        LocalDate start = LocalDate.of(fiscalYear, 1, 1);
        Map<String, Entry> state = new LinkedHashMap<>();
        Map<String, Money> original = null;
        List<PlanChange> changes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int v = 0;
        int a = 0;
        while (v < versions.size() || a < adjustments.size()) {
            PlanVersion version = v < versions.size() ? versions.get(v) : null;
            Adjustment adjustment = a < adjustments.size() ? adjustments.get(a) : null;
            // On the same date the file's version comes first: the adjustments of that date apply to it.
            boolean versionNext = version != null
                    && (adjustment == null || !max(version.effectiveDate(), start).isAfter(adjustment.effectiveDate()));
            LocalDate when = versionNext ? max(version.effectiveDate(), start) : adjustment.effectiveDate();
            if (when.isAfter(date)) {
                break;
            }
            if (original == null && (when.isAfter(start) || !versionNext)) {
                original = budgets(state);
            }
            if (versionNext) {
                apply(version, when, state, original == null ? null : changes);
                v++;
            } else {
                apply(adjustment, state, changes, problems);
                a++;
            }
        }
        if (original == null) {
            original = budgets(state);
        }
        return new State(inForce(state, original), List.copyOf(changes), List.copyOf(problems));
    }

    /** The plan at the year's end: what validating a new adjustments file needs (every line applied). */
    public State atYearEnd() {
        return on(LocalDate.of(fiscalYear, 12, 31));
    }

    private static Map<String, Money> budgets(Map<String, Entry> state) {
        Map<String, Money> budgets = new LinkedHashMap<>();
        state.forEach((code, e) -> budgets.put(code, e.project.budget()));
        return budgets;
    }

    private static List<ProjectInForce> inForce(Map<String, Entry> state, Map<String, Money> original) {
        return state.values().stream()
                .map(e -> new ProjectInForce(e.project, original.getOrDefault(e.project.code(), Money.ZERO), e.revised,
                        e.scaled))
                .sorted(Comparator.comparing((ProjectInForce p) -> p.project().unitCode())
                        .thenComparing(p -> p.project().code()))
                .toList();
    }

    private void apply(PlanVersion version, LocalDate when, Map<String, Entry> state, List<PlanChange> changes) {
        String document = version.source().equals(PlanVersion.IMPORT) ? "import-plan" : PlanCsvReader.PROJECTS_FILE;
        String print = version.fingerprint() == null ? "" : " (" + version.fingerprint().substring(0,
                Math.min(12, version.fingerprint().length())) + ")";
        version.changed().values().stream().sorted(Comparator.comparing(BudgetProject::code)).forEach(p -> {
            Entry e = state.get(p.code());
            Money before = e == null ? Money.ZERO : e.project.budget();
            boolean added = e == null;
            if (e == null) {
                e = new Entry(p);
                state.put(p.code(), e);
            } else {
                e.project = p;
            }
            if (changes != null) {
                e.revised = true;
                e.scaled = false;
                changes.add(new PlanChange(when, p.code(), p.name(), before, p.budget(), document,
                        (added ? "added in the revised plan file" : "revised plan file") + print, false, version.id(), true));
            }
        });
        version.removed().stream().sorted().forEach(code -> {
            Entry e = state.get(code);
            if (e == null) {
                return;
            }
            Money before = e.project.budget();
            e.project = e.project.revised(Money.ZERO, Money.ZERO, Money.ZERO, List.of());
            if (changes != null) {
                e.revised = true;
                changes.add(new PlanChange(when, code, e.project.name(), before, Money.ZERO, document,
                        "taken out of the plan file" + print, false, version.id(), true));
            }
        });
    }

    private void apply(Adjustment adjustment, Map<String, Entry> state, List<PlanChange> changes, List<String> problems) {
        String where = AdjustmentsCsvReader.where(adjustment.line(), adjustment.projectCode());
        Entry e = state.get(adjustment.projectCode());
        if (e == null) {
            problems.add(where + ": no such project in the plan of fiscal year " + fiscalYear + " in force on "
                    + adjustment.effectiveDate());
            return;
        }
        BudgetProject p = e.project;
        Money budget = p.budget().plus(adjustment.budgetChange());
        Money fiscal = p.fiscalFunds().plus(adjustment.fiscalChange());
        Money other = p.otherFunds().plus(adjustment.otherChange());
        if (budget.yuan().signum() < 0) {
            problems.add(where + ": the budget would go below 0: " + wan(p.budget()) + " 万元 " + signed(adjustment.budgetChange())
                    + " 万元 = " + wan(budget) + " 万元");
            return;
        }
        if (fiscal.yuan().signum() < 0 || other.yuan().signum() < 0) {
            problems.add(where + ": the funds would go below 0: fiscal " + wan(fiscal) + " 万元, other " + wan(other)
                    + " 万元 (fiscal_change_wan / other_change_wan)");
            return;
        }
        LocalDate from = adjustment.effectiveDate();
        List<PlanCheckpoint> kept = p.checkpoints().stream().filter(c -> !c.date().isAfter(from)).toList();
        List<PlanCheckpoint> later = p.checkpoints().stream().filter(c -> c.date().isAfter(from)).toList();
        List<PlanCheckpoint> checkpoints = new ArrayList<>(kept);
        boolean scaled = false;
        if (budget.isZero()) {
            checkpoints.clear(); // cancelled: nothing is planned any more
        } else if (!adjustment.revisedPlan().isEmpty()) {
            BigDecimal last = adjustment.revisedPlan().get(adjustment.revisedPlan().lastKey());
            boolean pct = p.planUnit() == PlanUnit.PCT;
            BigDecimal end = pct ? HUNDRED : budget.wan();
            if (last.compareTo(end) != 0) {
                problems.add(where + ": the revised plan ends at " + last.toPlainString() + (pct ? " %" : " 万元")
                        + ", not at the adjusted budget " + (pct ? "(100 %)" : wan(budget) + " 万元"));
                return;
            }
            BigDecimal previous = kept.isEmpty() ? BigDecimal.ZERO : kept.get(kept.size() - 1).cumulative().yuan();
            for (var figure : adjustment.revisedPlan().entrySet()) {
                Money amount = pct ? Money.ofYuan(budget.yuan().multiply(figure.getValue()).movePointLeft(2))
                        : Money.ofWan(figure.getValue());
                if (amount.yuan().compareTo(previous) < 0) {
                    problems.add(where + ": the revised plan must be cumulative: plan_"
                            + figure.getKey().toString().substring(5) + " plans " + figure.getValue().toPlainString()
                            + ", less than the plan before it");
                    return;
                }
                previous = amount.yuan();
                checkpoints.add(new PlanCheckpoint(figure.getKey(), amount));
            }
        } else if (p.budget().isPositive()) {
            for (PlanCheckpoint c : later) {
                checkpoints.add(new PlanCheckpoint(c.date(), Money.ofYuan(c.cumulative().yuan().multiply(budget.yuan())
                        .divide(p.budget().yuan(), SCALED_SCALE, RoundingMode.HALF_UP))));
            }
            scaled = !later.isEmpty() && !budget.equals(p.budget());
        }
        e.project = p.revised(budget, fiscal, other, checkpoints);
        e.revised = true;
        e.scaled = e.scaled || scaled;
        changes.add(new PlanChange(from, p.code(), p.name(), p.budget(), budget, adjustment.documentNo(),
                adjustment.reason(), scaled, adjustmentsRevision, false));
    }

    private static String wan(Money money) {
        return money.wanForDisplay().toPlainString();
    }

    private static String signed(Money money) {
        return (money.yuan().signum() >= 0 ? "+ " : "− ") + money.wanForDisplay().abs().toPlainString();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
