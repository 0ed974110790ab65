package org.budgetmonitor.quarterly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.plan.BudgetProject;
import org.budgetmonitor.plan.PlanCheckpoint;
import org.budgetmonitor.plan.PlanUnit;
import org.budgetmonitor.variance.ActualCurve;
import org.budgetmonitor.variance.VarianceCalculator;
import org.budgetmonitor.variance.VarianceRow;
import org.budgetmonitor.variance.VarianceThresholds;

/**
 * Quarterly rows made the way the job makes them (plan → payments → variance rules → review), so
 * the specifications see real flags and figures, not hand-typed ones.
 */
public final class QuarterlyFixtures {

    /** The seed's 3月底 / 6月底 / 10月底 / 12月底 plans (万元) of its projects. */
    public static final List<String> DOMESTIC_PLAN = List.of("03-31=3", "06-30=10", "10-31=15", "12-31=20");
    public static final List<String> ADMIN_PLAN = List.of("03-31=1", "06-30=2", "10-31=3", "12-31=5");
    public static final List<String> PUBLICITY_PLAN = List.of("03-31=5", "06-30=10", "10-31=15", "12-31=20");
    public static final List<String> FAIRS_PLAN = List.of("03-31=1", "06-30=5", "10-31=10", "12-31=15");
    public static final List<String> LAB_PLAN = List.of("03-31=25", "06-30=50", "10-31=75", "12-31=100");

    private final LocalDate asOf;
    private final List<QuarterlyRow> rows = new ArrayList<>();

    public QuarterlyFixtures(LocalDate asOf) {
        this.asOf = asOf;
    }

    /**
     * @param checkpoints "MM-DD=万元" cumulative plan figures, in date order
     * @param payments "yyyy-MM-dd=万元" payments
     */
    public QuarterlyFixtures project(String unitCode, String code, String name, String budgetWan,
            List<String> checkpoints, String... payments) {
        rows.add(row(asOf, unitCode, code, name, budgetWan, checkpoints, payments));
        return this;
    }

    public QuarterlyReview review() {
        return new QuarterlyReview(asOf, 1, LocalDateTime.of(asOf.plusDays(1), java.time.LocalTime.of(3, 0)), asOf, rows,
                List.of());
    }

    public static QuarterlyRow row(LocalDate asOf, String unitCode, String code, String name, String budgetWan,
            List<String> checkpoints, String... payments) {
        int year = asOf.getYear();
        List<PlanCheckpoint> plan = checkpoints.stream().map(c -> c.split("="))
                .map(c -> new PlanCheckpoint(LocalDate.parse(year + "-" + c[0]), Money.ofWan(c[1]))).toList();
        Money budget = Money.ofWan(budgetWan);
        BudgetProject project = new BudgetProject(year, unitCode, "单位" + unitCode, code, name, budget, budget, Money.ZERO,
                "", "", PlanUnit.WAN, "test", plan);
        TreeMap<LocalDate, BigDecimal> daily = new TreeMap<>();
        for (String payment : payments) {
            String[] p = payment.split("=");
            daily.merge(LocalDate.parse(p[0]), Money.ofWan(p[1]).yuan(), BigDecimal::add);
        }
        ActualCurve curve = new ActualCurve(daily);
        VarianceRow variance = new VarianceCalculator(VarianceThresholds.DEFAULTS).evaluate(project, asOf, curve);
        return QuarterlyCalculator.review(variance, curve);
    }
}
