package org.budgetmonitor.variance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.plan.ProjectInForce;
import org.budgetmonitor.plan.PlanRepository;
import org.budgetmonitor.plan.PlanCheckpoint;
import org.budgetmonitor.plan.PlanValidationException;
import org.budgetmonitor.spending.SpendingTotals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Computes every project's variance as of the date and stores the variance table. */
public class VarianceTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(VarianceTasklet.class);

    public static final String FLAG_COUNT_PREFIX = "variance.count.";
    public static final String UNPLANNED_COUNT = "variance.unplanned";
    public static final String RED_PROJECTS = "variance.red";
    /** How many RED projects the summary names (worst first); the CSV has them all. */
    public static final int RED_LISTED = 20;

    /**
     * Over budget first (the larger overspend first), then the largest gap behind plan; stable, so
     * ties keep the plan's order.
     */
    private static final Comparator<VarianceRow> WORST_FIRST = WorstFirst.by(row -> row.overBudget().yuan(),
            VarianceRow::gapPp);

    private static final NavigableMap<LocalDate, BigDecimal> NO_PAYMENTS = Collections.emptyNavigableMap();

    private final LocalDate asOf;
    private final PlanRepository plans;
    private final SpendingTotals totals;
    private final VarianceRepository variances;
    private final VarianceCalculator calculator;
    private final Function<LocalDate, Optional<LocalDate>> latestPayment;
    private final int staleDays;

    /**
     * @param latestPayment the latest payment date on or before a date (the data cut-off)
     * @param staleDays {@code monitor.report.stale-days}: see {@link DataCutOff}
     */
    public VarianceTasklet(LocalDate asOf, PlanRepository plans, SpendingTotals totals,
            VarianceRepository variances, VarianceCalculator calculator,
            Function<LocalDate, Optional<LocalDate>> latestPayment, int staleDays) {
        this.asOf = asOf;
        this.plans = plans;
        this.totals = totals;
        this.variances = variances;
        this.calculator = calculator;
        this.latestPayment = latestPayment;
        this.staleDays = staleDays;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        int year = asOf.getYear();
        long start = System.nanoTime();
        // Every figure of the date is against the plan in force on it (调整后预算), the original beside it.
        List<ProjectInForce> projects = plans.inForce(year, asOf).projects();
        long planRead = System.nanoTime();
        if (projects.isEmpty()) {
            throw new PlanValidationException(List.of("the plan has no projects for fiscal year " + year
                    + " (the year of as-of date " + asOf + ")"));
        }
        // Exact at the as-of date and at every checkpoint (a checkpoint missed is a reason of its own).
        Set<LocalDate> checkpoints = new HashSet<>();
        projects.forEach(p -> p.project().checkpoints().stream().map(PlanCheckpoint::date).forEach(checkpoints::add));
        Map<String, NavigableMap<LocalDate, BigDecimal>> actuals = totals.actualsThrough(asOf, checkpoints);
        long actualsRead = System.nanoTime();

        List<VarianceRow> rows = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        for (ProjectInForce project : projects) {
            planned.add(project.project().code());
            NavigableMap<LocalDate, BigDecimal> days = actuals.getOrDefault(project.project().code(), NO_PAYMENTS);
            rows.add(calculator.evaluate(project, asOf, new ActualCurve(days)));
        }
        // A code with a row of totals may have its first payment after the as-of date: not spending yet.
        Set<String> paidSoFar = totals.codesWithPaymentsThrough(asOf);
        // In code order; only the few unplanned codes are sorted, not the year's 50,000.
        actuals.keySet().stream().filter(code -> !planned.contains(code) && paidSoFar.contains(code)).sorted()
                .forEach(code -> {
                    BigDecimal total = actuals.get(code).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                    rows.add(VarianceRow.unplanned(asOf, code, Money.ofYuan(total)));
                });
        long evaluated = System.nanoTime();
        variances.replace(asOf, rows, contribution.getStepExecution().getJobExecutionId());
        log.info("Variance of {} projects: plan read in {} ms, actuals in {} ms, evaluated in {} ms, stored in {} ms",
                projects.size(), (planRead - start) / 1_000_000, (actualsRead - planRead) / 1_000_000,
                (evaluated - actualsRead) / 1_000_000, (System.nanoTime() - evaluated) / 1_000_000);

        var context = contribution.getStepExecution().getJobExecution().getExecutionContext();
        new DataCutOff(asOf, latestPayment.apply(asOf).orElse(null), staleDays).putInto(context);
        Map<Flag, Integer> counts = new EnumMap<>(Flag.class);
        for (VarianceRow row : rows) {
            if (row.planned()) {
                counts.merge(row.flag(), 1, Integer::sum);
            }
        }
        // The summary is cron's mail and is stored with the job after every step: the worst few, not
        // a line for each of a province's thousands of RED projects.
        List<String> red = WorstFirst.firstOf(rows.stream().filter(row -> row.planned() && row.flag() == Flag.RED)
                .toList(), WORST_FIRST, RED_LISTED).stream()
                .map(row -> row.projectCode() + " " + row.projectName() + " ("
                        + String.join(";", row.reasons().stream().map(Enum::name).toList())
                        + (row.overBudget().isPositive()
                                ? ", over budget by " + row.overBudgetWanForDisplay().toPlainString() + " 万元" : "")
                        + ")")
                .toList();
        for (Flag flag : Flag.values()) {
            context.putInt(FLAG_COUNT_PREFIX + flag.name(), counts.getOrDefault(flag, 0));
        }
        context.putInt(UNPLANNED_COUNT, rows.size() - planned.size());
        context.putString(RED_PROJECTS, String.join("\n", red));
        contribution.incrementWriteCount(rows.size());
        return RepeatStatus.FINISHED;
    }
}
