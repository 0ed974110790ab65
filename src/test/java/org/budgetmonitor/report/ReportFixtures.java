package org.budgetmonitor.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.plan.Adjustment;
import org.budgetmonitor.plan.BudgetProject;
import org.budgetmonitor.plan.PlanTimeline;
import org.budgetmonitor.plan.PlanVersion;
import org.budgetmonitor.plan.ProjectInForce;
import org.budgetmonitor.plan.PlanCheckpoint;
import org.budgetmonitor.plan.PlanUnit;
import org.budgetmonitor.spending.FlaggedPaymentSource;
import org.budgetmonitor.variance.ActualCurve;
import org.budgetmonitor.variance.DataCutOff;
import org.budgetmonitor.variance.VarianceCalculator;
import org.budgetmonitor.variance.VarianceRow;
import org.budgetmonitor.variance.VarianceThresholds;

/**
 * Builds report inputs the way the nightly job does (plan → payments → variance rules), so the
 * tests and the benchmark see real flags and figures, not hand-typed ones.
 */
public final class ReportFixtures {

    public static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private final List<BudgetProject> projects = new ArrayList<>();
    private final Map<String, NavigableMap<LocalDate, BigDecimal>> daily = new HashMap<>();
    private final Map<String, BigDecimal> unplanned = new LinkedHashMap<>();
    private int rejected;
    private LocalDate cutOff = LocalDate.of(2026, 6, 28);
    private int staleDays = DataCutOff.DEFAULT_STALE_DAYS;
    private VarianceThresholds thresholds = VarianceThresholds.DEFAULTS;
    private final List<Adjustment> adjustments = new ArrayList<>();

    /** A project with the sample plan's quarterly checkpoints (25/50/75/100 % of the budget). */
    public ReportFixtures project(String unitCode, String unitName, String code, String name, String budgetWan) {
        Money budget = Money.ofWan(budgetWan);
        List<PlanCheckpoint> checkpoints = new ArrayList<>();
        String[] dates = {"2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"};
        for (int q = 0; q < 4; q++) {
            checkpoints.add(new PlanCheckpoint(LocalDate.parse(dates[q]),
                    Money.ofYuan(budget.yuan().multiply(BigDecimal.valueOf(q + 1)).divide(BigDecimal.valueOf(4)))));
        }
        projects.add(new BudgetProject(2026, unitCode, unitName, code, name, budget, budget, Money.ZERO, "", "",
                PlanUnit.WAN, "", checkpoints));
        return this;
    }

    public ReportFixtures paid(String code, String date, String yuan) {
        daily.computeIfAbsent(code, k -> new TreeMap<>()).merge(LocalDate.parse(date), new BigDecimal(yuan),
                BigDecimal::add);
        return this;
    }

    /**
     * A line of adjustments.csv (all fiscal funds, later checkpoints scaled): the figures then come from
     * the plan in force on the as-of date, as the nightly job computes them ({@link PlanTimeline}).
     * {@code changeWan} "-100.00" of a 100.00 project cancels it (项目撤销).
     */
    public ReportFixtures adjustment(String code, String date, String changeWan, String documentNo, String reason) {
        Money change = Money.ofWan(changeWan);
        adjustments.add(new Adjustment(code, LocalDate.parse(date), change, change, Money.ZERO, documentNo, reason,
                new TreeMap<>(), adjustments.size() + 2));
        return this;
    }

    /** The plan in force on the as-of date: the fixture's projects as the original, its adjustments on top. */
    public PlanTimeline.State plan() {
        Map<String, BudgetProject> original = new LinkedHashMap<>();
        projects.forEach(p -> original.put(p.code(), p));
        return new PlanTimeline(2026, List.of(new PlanVersion(1, 2026, LocalDate.of(2026, 1, 1), PlanVersion.ORIGINAL,
                null, original, java.util.Set.of())), adjustments, 2).on(AS_OF);
    }

    private List<ProjectInForce> projectsInForce() {
        Map<String, ProjectInForce> byCode = new HashMap<>();
        plan().projects().forEach(p -> byCode.put(p.project().code(), p));
        return projects.stream().map(p -> byCode.get(p.code())).toList(); // the fixture's order
    }

    public ReportFixtures unplanned(String code, String yuan) {
        unplanned.put(code, new BigDecimal(yuan));
        return this;
    }

    public ReportFixtures rejected(int rows) {
        this.rejected = rows;
        return this;
    }

    /** The latest payment the report states (null: none) and the stale limit it is judged by. */
    public ReportFixtures cutOff(LocalDate latestPayment, int staleDays) {
        this.cutOff = latestPayment;
        this.staleDays = staleDays;
        return this;
    }

    /** Thresholds other than the defaults, for the flags and the legend alike. */
    public ReportFixtures thresholds(VarianceThresholds thresholds) {
        this.thresholds = thresholds;
        return this;
    }

    /** n projects in one unit: a fifth RED (nothing spent), a fifth YELLOW (behind), the rest GREEN. */
    public static ReportFixtures manyProjects(int n) {
        ReportFixtures f = new ReportFixtures();
        for (int i = 1; i <= n; i++) {
            String code = String.format("13091626P%012d", i);
            f.project("472001", "沧州临港经济技术开发区生物医药招商局本级", code, "批量测试项目第" + i + "号（运营经费）", "100.00");
            switch (i % 5) {
                case 0 -> { } // RED: no spending after the first checkpoint
                case 1 -> f.paid(code, "2026-03-15", "350000.00"); // 35 of 50 expected: YELLOW behind plan
                default -> f.paid(code, "2026-02-10", "250000.00").paid(code, "2026-05-20", "250000.00");
            }
        }
        return f;
    }

    /**
     * The production shape: {@code units} units of {@code perUnit} projects each, a fifth RED (5 % spent),
     * a fifth YELLOW (35 % spent), the rest on plan, each paying on many days so the curves have steps.
     */
    public static ReportFixtures manyUnits(int units, int perUnit) {
        ReportFixtures f = new ReportFixtures();
        for (int u = 1; u <= units; u++) {
            String unitCode = String.format("47%04d", u);
            String unitName = "沧州临港经济技术开发区第" + u + "预算单位本级";
            for (int i = 1; i <= perUnit; i++) {
                String code = String.format("13091626P%05d%07d", u, i);
                f.project(unitCode, unitName, code, "第" + u + "单位项目第" + i + "号（运营经费）", "100.00");
                int days = switch (i % 5) {
                    case 0 -> 1;
                    case 1 -> 7;
                    default -> 10;
                };
                BigDecimal spent = BigDecimal.valueOf(switch (i % 5) {
                    case 0 -> 50_000;   // 5 of 50 expected: RED
                    case 1 -> 350_000;  // 35 of 50: YELLOW
                    default -> 500_000; // on plan: GREEN
                });
                BigDecimal perDay = spent.divide(BigDecimal.valueOf(days));
                for (int d = 0; d < days; d++) {
                    f.paid(code, LocalDate.of(2026, 1, 10).plusDays(17L * d + i % 7).toString(), perDay.toPlainString());
                }
            }
        }
        return f;
    }

    public List<VarianceRow> rows() {
        VarianceCalculator calculator = new VarianceCalculator(thresholds);
        List<VarianceRow> rows = new ArrayList<>();
        for (ProjectInForce p : projectsInForce()) {
            rows.add(calculator.evaluate(p, AS_OF,
                    new ActualCurve(daily.getOrDefault(p.project().code(), new TreeMap<>()))));
        }
        unplanned.forEach((code, yuan) -> rows.add(VarianceRow.unplanned(AS_OF, code, Money.ofYuan(yuan))));
        return rows;
    }

    public VarianceReportAssembler.Inputs inputs() {
        Map<String, BudgetProject> byCode = new HashMap<>();
        projectsInForce().forEach(p -> byCode.put(p.project().code(), p.project()));
        // Each unit's latest payment as the database gives it: its planned projects' latest day paid up to the as-of date.
        List<VarianceRow> rows = rows();
        Map<String, LocalDate> latest = new HashMap<>();
        rows.stream().filter(VarianceRow::planned).forEach(row -> {
            NavigableMap<LocalDate, BigDecimal> days = daily.get(row.projectCode());
            LocalDate last = days == null ? null : days.floorKey(AS_OF);
            if (last != null) {
                latest.merge(row.unitCode(), last, (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        return new VarianceReportAssembler.Inputs(AS_OF, rows, byCode, daily, cutOff, staleDays, thresholds, rejected,
                "rejected-2026-06-30.csv", LocalDateTime.of(2026, 7, 1, 6, 15), "E1", plan().changes(), Map.of(), latest);
    }

    /**
     * The workbook's details as the nightly job gives them: each project's reasons, no rejected lines,
     * and the fixtures' payments (one a day and project) as the RED and YELLOW projects' payments.
     */
    public WorkbookDetails workbookDetails() {
        List<VarianceRow> rows = rows();
        Map<String, List<org.budgetmonitor.variance.Reason>> reasons = new HashMap<>();
        rows.forEach(r -> reasons.put(r.projectCode(), r.reasons()));
        List<FlaggedPaymentSource.Project> flagged = rows.stream()
                .filter(r -> r.flag() != org.budgetmonitor.variance.Flag.GREEN)
                .sorted(java.util.Comparator.comparing(VarianceRow::projectCode))
                .map(r -> new FlaggedPaymentSource.Project(r.projectCode(), r.projectName(), r.planned(), r.unitCode(),
                        r.flag().name(), r.actual().yuan()))
                .toList();
        Map<String, NavigableMap<LocalDate, BigDecimal>> payments = new TreeMap<>(daily);
        unplanned.forEach((code, yuan) -> payments.put(code, new TreeMap<>(Map.of(AS_OF, yuan))));
        FlaggedPaymentSource source = new FlaggedPaymentSource() {
            @Override
            public List<Project> projects(LocalDate asOf) {
                return flagged;
            }

            @Override
            public void forEach(LocalDate asOf, java.util.function.Consumer<Payment> sink) {
                int[] line = {1};
                for (Project p : flagged) {
                    payments.getOrDefault(p.code(), new TreeMap<>()).headMap(asOf, true).forEach((day, yuan) ->
                            sink.accept(new Payment(p.code(), day, "PZ-" + day + "-" + line[0], "收款单位" + line[0],
                                    "支出摘要", yuan, "一般公共预算", "fixture.csv", (long) ++line[0])));
                }
            }
        };
        return new WorkbookDetails(reasons, List.of(), source);
    }

    public List<VarianceReport> reports(ReportText text) {
        return new VarianceReportAssembler(text).assemble(inputs());
    }

    /** With the combined report's overview starting above {@code combinedDetailMaxProjects}. */
    public List<VarianceReport> reports(ReportText text, int combinedDetailMaxProjects) {
        return new VarianceReportAssembler(text, combinedDetailMaxProjects).assemble(inputs());
    }

    /** The sample plan's unit: RED, YELLOW and GREEN projects, one unplanned code, one rejected row. */
    public static ReportFixtures sample() {
        String unit = "沧州临港经济技术开发区生物医药招商局本级";
        return new ReportFixtures()
                .project("472001", unit, "13091626P000175100046", "国内招商", "20.00")
                .project("472001", unit, "13091626P000177100055", "宣传", "20.00")
                .project("472001", unit, "13091626P000178100047", "展会相关费用", "15.00")
                .project("472001", unit, "13091626P00018210006K", "河北省药品医疗器械检验研究院沧州实验室", "100.00")
                .paid("13091626P000175100046", "2026-02-15", "12000.00")   // 1.2 of 5 expected: RED behind
                .paid("13091626P000177100055", "2026-01-22", "15000.00")
                .paid("13091626P000177100055", "2026-03-05", "88000.00")   // 10.3 of 10: GREEN
                .paid("13091626P000178100047", "2026-01-12", "5000.00")
                .paid("13091626P000178100047", "2026-04-20", "16000.00")   // 2.1 of 7.5: RED behind
                .paid("13091626P00018210006K", "2026-03-20", "250000.00")
                .paid("13091626P00018210006K", "2026-06-10", "150000.00")  // 40 of 50: YELLOW behind
                .unplanned("13091626P999999999999", "6800.00")
                .rejected(1);
    }
}
