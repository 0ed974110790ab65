package org.budgetmonitor.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.plan.BudgetProject;
import org.budgetmonitor.plan.PlanChange;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.Reason;
import org.budgetmonitor.variance.TimeProgress;
import org.budgetmonitor.variance.VarianceRow;
import org.budgetmonitor.variance.VarianceThresholds;

/**
 * Turns the variance table of a date into the reports to print: the combined one and, when the plan
 * holds several units, one per unit.
 */
public class VarianceReportAssembler {

    /** Charts drawn per report; a unit with thousands of RED projects gets the table, not 2,000 pages of charts. */
    static final int MAX_CURVES = 40;
    /** Bars in the execution-rate chart; more would not be legible on one page. */
    static final int MAX_RATE_BARS = 30;

    /**
     * Above this many projects, the combined report of several units prints one line per unit and only
     * the RED and YELLOW projects; its workbook still lists every project.
     */
    public static final int DEFAULT_COMBINED_DETAIL_MAX_PROJECTS = 5_000;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int RED_NAMES_LISTED = 20;

    /** What the assembler needs besides the variance rows. */
    public record Inputs(
            LocalDate asOf,
            List<VarianceRow> rows,
            Map<String, BudgetProject> projectsByCode,
            Map<String, NavigableMap<LocalDate, BigDecimal>> dailyTotals,
            LocalDate cutOff,
            int staleDays,
            VarianceThresholds thresholds,
            int rejectedRows,
            String rejectFile,
            LocalDateTime generatedAt,
            String runTag,
            List<PlanChange> planChanges,
            Map<String, Integer> rejectedByProject,
            Map<String, LocalDate> latestPaymentByUnit) {

        /**
         * @param cutOff the latest pay date of any payment on or before the as-of date: how far the exports reach
         * @param rejectedByProject of the {@code rejectedRows}, how many name each project code (normalised);
         *        a unit's report counts those of its projects, the rest cannot be placed
         * @param latestPaymentByUnit each unit's latest pay date on or before the as-of date, of its planned
         *        projects (units without a payment are absent): a unit's report judges its own payments by it
         */
        public Inputs {
            rejectedByProject = Map.copyOf(rejectedByProject);
            latestPaymentByUnit = Map.copyOf(latestPaymentByUnit);
        }
    }

    private final ReportText text;
    private final int combinedDetailMaxProjects;

    public VarianceReportAssembler(ReportText text) {
        this(text, DEFAULT_COMBINED_DETAIL_MAX_PROJECTS);
    }

    /** @param combinedDetailMaxProjects see {@link ReportProperties#combinedDetailMaxProjects} */
    public VarianceReportAssembler(ReportText text, int combinedDetailMaxProjects) {
        this.text = text;
        this.combinedDetailMaxProjects = combinedDetailMaxProjects;
    }

    /** The combined report first, then one per unit if there is more than one unit. */
    public List<VarianceReport> assemble(Inputs in) {
        Map<String, List<VarianceRow>> byUnit = new LinkedHashMap<>();
        List<VarianceRow> planned = new ArrayList<>();
        List<Unplanned> unplanned = new ArrayList<>();
        // Each project's printed line is made once: a unit's report numbers the combined report's lines afresh,
        // sharing their figures and words (at 50,000 projects a second set was 40 MB held through the rendering).
        List<ReportRow> plannedLines = new ArrayList<>();
        Map<FlagCell, String> flagTexts = new HashMap<>();
        for (VarianceRow row : in.rows()) {
            if (row.planned()) {
                planned.add(row);
                byUnit.computeIfAbsent(row.unitCode(), k -> new ArrayList<>()).add(row);
                plannedLines.add(ReportRow.of(plannedLines.size() + 1, row, flagTexts.computeIfAbsent(
                        new FlagCell(row.flag(), row.reasons()), cell -> text.flagAndReasons(cell.flag(), cell.reasons()))));
            } else {
                unplanned.add(new Unplanned(row.projectCode(), row.actual().wanForDisplay()));
            }
        }
        boolean multiUnit = byUnit.size() > 1;
        List<VarianceReport> reports = new ArrayList<>();
        String combinedTitle;
        if (byUnit.size() == 1) {
            combinedTitle = planned.get(0).unitName();
        } else if (multiUnit && planned.size() > combinedDetailMaxProjects) {
            // The overview lists the units in a table of their own; 500 names would not fit the header line.
            combinedTitle = text.format("header.combinedMany", byUnit.size());
        } else if (multiUnit) {
            List<String> names = byUnit.values().stream().map(rows -> rows.get(0).unitName()).toList();
            combinedTitle = text.format("header.combined", byUnit.size(), String.join("、", names));
        } else {
            combinedTitle = "";
        }
        List<UnitLine> unitLines = multiUnit && planned.size() > combinedDetailMaxProjects ? unitLines(byUnit)
                : List.of();
        reports.add(report(in, null, combinedTitle, multiUnit, planned, plannedLines, unplanned, false, unitLines,
                in.rejectedRows(), 0));
        if (multiUnit) {
            Map<String, List<ReportRow>> linesByUnit = new LinkedHashMap<>();
            for (ReportRow line : plannedLines) {
                List<ReportRow> ofUnit = linesByUnit.computeIfAbsent(line.unitCode(), k -> new ArrayList<>());
                ofUnit.add(line.renumbered(ofUnit.size() + 1));
            }
            // A rejected line naming a planned project is that project's unit's; the rest cannot be placed.
            int placed = planned.stream().mapToInt(r -> in.rejectedByProject().getOrDefault(r.projectCode(), 0)).sum();
            int unplaced = Math.max(0, in.rejectedRows() - placed);
            byUnit.forEach((unit, rows) -> reports.add(report(in, unit, rows.get(0).unitName(), false, rows,
                    linesByUnit.get(unit), List.of(), !unplanned.isEmpty(), List.of(),
                    rows.stream().mapToInt(r -> in.rejectedByProject().getOrDefault(r.projectCode(), 0)).sum(),
                    unplaced)));
        }
        return reports;
    }

    /** The flag cell's words depend on the flag and the reasons only: made once for each of their few kinds. */
    private record FlagCell(Flag flag, List<Reason> reasons) {
    }

    /** @param rows the printed lines of {@code planned}, in its order and numbered for this report */
    private VarianceReport report(Inputs in, String unitCode, String unitTitle, boolean multiUnit,
            List<VarianceRow> planned, List<ReportRow> rows, List<Unplanned> unplanned, boolean unplannedElsewhere,
            List<UnitLine> units, int rejectedRows, int unplacedRejectedRows) {
        List<VarianceRow> flagged = planned.stream().filter(r -> r.flag() != Flag.GREEN).toList();
        List<ProjectCurve> curves = flagged.stream()
                .sorted(Comparator.comparing(VarianceRow::flag)) // RED before YELLOW, table order within
                .limit(MAX_CURVES)
                .map(row -> curve(in, row))
                .toList();
        String reportId = "BM-" + in.asOf().toString().replace("-", "") + "-"
                + (unitCode == null ? "ALL" : unitCode) + "-" + in.runTag();
        // A unit's report of several judges the unit's own payments; the combined one, all of them.
        LocalDate ownCutOff = unitCode == null ? in.cutOff() : in.latestPaymentByUnit().get(unitCode);
        return new VarianceReport(unitCode, unitTitle, multiUnit, in.asOf(), in.cutOff(), ownCutOff, in.staleDays(),
                in.generatedAt(), reportId, in.thresholds(), summary(in.asOf(), planned, unplanned.size()), rows, curves, flagged.size(), rates(rows),
                rows.size(), unplanned, unplannedElsewhere, rejectedRows, unplacedRejectedRows, in.rejectFile(), units,
                PlanAdjustments.lines(in.planChanges(),
                        planned.stream().map(VarianceRow::projectCode).collect(java.util.stream.Collectors.toSet()), text));
    }

    private static List<UnitLine> unitLines(Map<String, List<VarianceRow>> byUnit) {
        List<UnitLine> lines = new ArrayList<>(byUnit.size());
        byUnit.forEach((unit, rows) -> {
            int[] flags = new int[Flag.values().length];
            Money budget = Money.ZERO;
            Money actual = Money.ZERO;
            for (VarianceRow row : rows) {
                flags[row.flag().ordinal()]++;
                budget = budget.plus(row.budget());
                actual = actual.plus(row.actual());
            }
            BigDecimal rate = budget.isZero() ? BigDecimal.ZERO
                    : actual.yuan().multiply(HUNDRED).divide(budget.yuan(), 2, RoundingMode.HALF_UP);
            lines.add(new UnitLine(unit, rows.get(0).unitName(), rows.size(), flags[Flag.RED.ordinal()],
                    flags[Flag.YELLOW.ordinal()], flags[Flag.GREEN.ordinal()], budget.wanForDisplay(),
                    actual.wanForDisplay(), rate));
        });
        return lines;
    }

    private ProjectCurve curve(Inputs in, VarianceRow row) {
        BudgetProject project = in.projectsByCode().get(row.projectCode());
        List<CurvePoint> points = new ArrayList<>();
        if (project != null) {
            points.addAll(PlanCurve.planned(project, text.get("chart.curve.plan")));
        }
        points.addAll(PlanCurve.actual(in.dailyTotals().getOrDefault(row.projectCode(), new TreeMap<>()),
                in.asOf().getYear(), in.asOf(), text.get("chart.curve.actual")));
        // Over budget by the exact difference in 元, rounded once: the amount the officer must explain.
        Money over = row.actual().minus(row.budget());
        BigDecimal overWan = over.isPositive() ? over.wanForDisplay() : null;
        BigDecimal budgetWan = row.budget().wanForDisplay();
        BigDecimal actualWan = row.actual().wanForDisplay();
        // An adjusted project's budget is the one in force, said so with the original beside it, as in the table.
        String figures = (row.adjusted() && row.originalBudget() != null
                ? text.format("chart.curve.figuresAdjusted", budgetWan, actualWan, row.originalBudget().wanForDisplay())
                : text.format("chart.curve.figures", budgetWan, actualWan))
                + (overWan == null ? "" : text.format("chart.curve.over", overWan))
                // Said in words: a curve at 0 along the axis reads like a line not drawn.
                + (row.actual().isZero() ? text.format("chart.curve.noSpending", actualWan) : "");
        return new ProjectCurve(row.projectCode(), row.projectName(), row.flag(),
                text.flagAndReasons(row.flag(), row.reasons()), budgetWan, actualWan, overWan, figures, points);
    }

    /** Execution rate against the expected rate; with many projects, those furthest behind plan. */
    private List<RatePoint> rates(List<ReportRow> rows) {
        // A cancelled project has no rate to draw (its budget is 0).
        List<ReportRow> measured = rows.stream().filter(r -> r.ratePct() != null).toList();
        List<ReportRow> shown = measured.size() <= MAX_RATE_BARS ? measured
                : measured.stream().sorted(Comparator.comparing(ReportRow::gapPp)).limit(MAX_RATE_BARS).toList();
        List<RatePoint> points = new ArrayList<>();
        String actual = text.get("chart.rates.actual");
        String expected = text.get("chart.rates.expected");
        for (ReportRow row : shown) {
            // The category must be unique: two projects may share a name, never a code.
            String label = shorten(row.name(), 14) + " ·" + row.code().substring(Math.max(0, row.code().length() - 4));
            points.add(new RatePoint(label, actual, row.ratePct()));
            points.add(new RatePoint(label, expected, row.expectedRatePct()));
        }
        return points;
    }

    private ReportSummary summary(LocalDate asOf, List<VarianceRow> planned, int unplannedCodes) {
        int red = 0;
        int yellow = 0;
        int green = 0;
        int overBudgetProjects = 0;
        Money budget = Money.ZERO;
        Money actual = Money.ZERO;
        Money overBudget = Money.ZERO;
        BigDecimal expected = BigDecimal.ZERO;
        List<String> redNames = new ArrayList<>();
        for (VarianceRow row : planned) {
            switch (row.flag()) {
                case RED -> {
                    red++;
                    if (redNames.size() < RED_NAMES_LISTED) {
                        redNames.add(row.overBudget().isPositive()
                                ? text.format("summary.redItemOver", row.projectName(), text.reasons(row.reasons()),
                                        row.overBudgetWanForDisplay())
                                : text.format("summary.redItem", row.projectName(), text.reasons(row.reasons())));
                    }
                }
                case YELLOW -> yellow++;
                case GREEN -> green++;
            }
            budget = budget.plus(row.budget());
            actual = actual.plus(row.actual());
            if (row.overBudget().isPositive()) {
                overBudgetProjects++;
                overBudget = overBudget.plus(row.overBudget());
            }
            expected = expected.add(row.expectedYuan());
        }
        String redList = red == 0 ? text.get("summary.redNone")
                : text.format("summary.red", String.join(text.get("summary.redSeparator"), redNames)
                        + (red > redNames.size() ? text.format("summary.redMore", red - redNames.size()) : ""));
        BigDecimal exactRate = budget.isZero() ? BigDecimal.ZERO
                : actual.yuan().multiply(HUNDRED).divide(budget.yuan(), MathContext.DECIMAL128);
        BigDecimal exactTime = TimeProgress.pct(asOf);
        return new ReportSummary(planned.size(), red, yellow, green, unplannedCodes, budget.wanForDisplay(),
                Money.ofYuan(expected).wanForDisplay(), actual.wanForDisplay(), budget.wanLessForDisplay(actual),
                overBudgetProjects, overBudget.wanForDisplay(), budget.isZero() ? BigDecimal.ZERO.setScale(2)
                        : actual.yuan().multiply(HUNDRED).divide(budget.yuan(), 2, RoundingMode.HALF_UP),
                ReportRow.twoPlaces(exactTime), TimeProgress.gapAsPrinted(exactRate, asOf), asOf.getDayOfYear(),
                asOf.lengthOfYear(), redList);
    }

    private static String shorten(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
