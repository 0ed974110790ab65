package org.budgetmonitor.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.quarterly.QuarterlyCalculator;
import org.budgetmonitor.quarterly.QuarterlyReview;
import org.budgetmonitor.quarterly.QuarterlyRow;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.Reason;
import org.budgetmonitor.variance.VarianceRow;

/** Turns an issued {@link QuarterlyReview} into the words and rounded figures of its report. */
public class QuarterlyReportAssembler {

    /** Bars in the execution-rate chart; more are not legible on one landscape page. */
    static final int MAX_RATE_BARS = VarianceReportAssembler.MAX_RATE_BARS;

    /** Projects named in a page-1 note; a long plan's note says how many more there are. */
    static final int MAX_NAMED = 10;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final QuarterlyText text;

    public QuarterlyReportAssembler(QuarterlyText text) {
        this.text = text;
    }

    public QuarterlyReport assemble(QuarterlyReview review, Money focusThreshold, LocalDateTime generatedAt) {
        List<QuarterlyRow> planned = review.rows().stream().filter(r -> r.variance().planned()).toList();
        List<QuarterlyReportRow> rows = new ArrayList<>();
        for (QuarterlyRow row : planned) {
            rows.add(row(rows.size() + 1, row, focusThreshold));
        }

        List<QuarterlyFocusRow> focus = new ArrayList<>();
        for (QuarterlyRow row : QuarterlyReview.focus(planned, focusThreshold)) {
            VarianceRow v = row.variance();
            focus.add(new QuarterlyFocusRow(focus.size() + 1, v.projectCode(), v.projectName(),
                    v.budget().wanForDisplay(), v.actual().wanForDisplay(), v.budget().wanLessForDisplay(v.actual()),
                    twoPlaces(v.executionRatePct()), v.flag(), flagText(row)));
        }

        Map<String, Integer> explain = new HashMap<>();
        planned.stream().filter(QuarterlyRow::needsExplanation)
                .forEach(r -> explain.merge(r.variance().unitCode(), 1, Integer::sum));
        List<QuarterlyUnitLine> units = review.units().stream()
                .map(u -> unitLine(u, explain.getOrDefault(u.unitCode(), 0), review.asOf())).toList();
        QuarterlyUnitLine total = units.size() > 1
                ? grandTotal(review, explain.values().stream().mapToInt(Integer::intValue).sum()) : null;

        List<QuarterlyIndicatorLine> indicators = new QuarterlyIndicatorLines(text).of(review);

        List<Unplanned> unplanned = review.rows().stream().filter(r -> !r.variance().planned())
                .map(r -> new Unplanned(r.variance().projectCode(), r.variance().actual().wanForDisplay())).toList();

        BigDecimal timeProgress = planned.isEmpty() ? (review.rows().isEmpty() ? BigDecimal.ZERO
                : twoPlaces(review.rows().get(0).timeProgressPct())) : twoPlaces(planned.get(0).timeProgressPct());

        String unitTitle = String.join("、", units.stream().map(QuarterlyUnitLine::unitName).toList());
        return new QuarterlyReport(review.asOf(), review.version(), review.createdAt(), review.dataCutoff(), generatedAt,
                "QR-" + review.asOf() + "-V" + review.version(), unitTitle, interpolationNote(review.asOf(), planned),
                projectionNote(planned), timeProgress, focusThreshold.wanForDisplay(), rows, focus, rates(rows),
                (int) rows.stream().filter(r -> r.ratePct() != null).count(), indicators, units, total, unplanned, PlanAdjustments.lines(review.planChanges(),
                        planned.stream().map(r -> r.variance().projectCode()).collect(java.util.stream.Collectors.toSet()),
                        text.nightly()),
                planned.stream().filter(QuarterlyRow::planInterpolated).map(r -> r.variance().projectCode())
                        .collect(java.util.stream.Collectors.toSet()), review.rejectedRows());
    }

    private QuarterlyReportRow row(int no, QuarterlyRow row, Money focusThreshold) {
        VarianceRow v = row.variance();
        return new QuarterlyReportRow(no, v.unitCode(), v.unitName(), v.projectCode(), v.projectName(),
                v.budget().wanForDisplay(), Money.ofYuan(v.expectedYuan()).wanForDisplay(), v.actual().wanForDisplay(),
                twoPlaces(v.executionRatePct()), twoPlaces(row.timeProgressPct()), twoPlaces(v.gapPp()),
                twoPlaces(row.timeProgressGapPp()), v.flag(), flagText(row), v.actual().wanLessForDisplay(row.previousQuarterActual()),
                row.projectedYearEnd().wanForDisplay(),
                row.requiredMonthly() == null ? null : row.requiredMonthly().wanForDisplay(), row.needsExplanation(),
                row.focus(focusThreshold), v.originalBudget() == null ? null : v.originalBudget().wanForDisplay(),
                v.adjusted());
    }

    /**
     * Flag and reasons as in the nightly report, with the amounts over budget (now and projected) said. A missed
     * checkpoint is a note in brackets after the reasons that decided the flag, as there and as the flag rules
     * say: 绿色（节点计划未完成）, 红色 进度滞后（节点计划未完成）; "绿色 节点计划未完成" would read as green for
     * not completing the plan.
     */
    private String flagText(QuarterlyRow row) {
        VarianceRow v = row.variance();
        List<String> words = v.reasons().stream().filter(reason -> reason != Reason.MISSED_CHECKPOINT)
                .map(reason -> switch (reason) {
                    case OVER_BUDGET -> text.format("q.reason.overBudget", row.variance().actual().wanLessForDisplay(row.variance().budget()));
                    case PROJECTED_OVER_BUDGET -> text.format("q.reason.projectedOver", row.projectedExcess().wanForDisplay());
                    default -> text.get("reason." + reason.name());
                }).toList();
        boolean missed = v.reasons().contains(Reason.MISSED_CHECKPOINT);
        String note = missed ? text.format("flag.note", text.get("reason." + Reason.MISSED_CHECKPOINT.name())) : "";
        if (words.isEmpty()) {
            return text.nightly().flag(v.flag()) + (missed ? note : " " + text.get("reason.none"));
        }
        return text.nightly().flag(v.flag()) + " " + String.join(text.get("reason.separator"), words) + note;
    }

    /** Names the projects whose plan at the date is interpolated; none, no note. */
    private String interpolationNote(LocalDate asOf, List<QuarterlyRow> planned) {
        return interpolationNoteNaming(asOf, planned.stream().filter(QuarterlyRow::planInterpolated)
                .map(r -> r.variance().projectName()).toList());
    }

    /** The note naming these projects (a unit's page names its own); none, no note. */
    public String interpolationNoteNaming(LocalDate asOf, List<String> names) {
        return names.isEmpty() ? null : text.format("q.note.interpolated", asOf.getMonthValue(), asOf.getDayOfMonth(),
                names.size(), listed(names, "q.note.separator"));
    }

    /** The projections above the budget, for page 1; none, no note. */
    private String projectionNote(List<QuarterlyRow> planned) {
        // A budget already spent is said as such: the projection then only says the pace continues.
        List<String> items = planned.stream().filter(QuarterlyRow::projectedOverBudget)
                .map(r -> text.format(r.unspent().isPositive() ? "q.note.projectedItem" : "q.note.projectedItemSpent",
                        r.variance().projectName(),
                        r.projectedYearEnd().wanForDisplay(), r.variance().budget().wanForDisplay(),
                        r.variance().actual().wanForDisplay(), r.projectedExcess().wanForDisplay()))
                .toList();
        return items.isEmpty() ? null
                : text.format("q.note.projected", items.size(), listed(items, "q.note.itemSeparator"));
    }

    /** At most {@link #MAX_NAMED} items, then how many there are in all. */
    private String listed(List<String> items, String separatorKey) {
        String separator = text.get(separatorKey);
        if (items.size() <= MAX_NAMED) {
            return String.join(separator, items);
        }
        return text.format("q.note.more", String.join(separator, items.subList(0, MAX_NAMED)), items.size());
    }

    /**
     * One bar per project, in one of three series by flag (the other two left empty), so a stacked
     * bar chart draws a single bar per project in its flag's colour and the legend explains them.
     * Beyond {@link #MAX_RATE_BARS}, the projects furthest behind plan.
     */
    private List<RatePoint> rates(List<QuarterlyReportRow> all) {
        // A cancelled project has no rate to draw (its budget is 0).
        List<QuarterlyReportRow> rows = all.stream().filter(r -> r.ratePct() != null).toList();
        List<QuarterlyReportRow> shown = rows.size() <= MAX_RATE_BARS ? rows
                : rows.stream().sorted(Comparator.comparing(QuarterlyReportRow::gapPp,
                        Comparator.nullsLast(Comparator.naturalOrder()))).limit(MAX_RATE_BARS).toList();
        Set<String> seen = new HashSet<>();
        Set<String> duplicated = new HashSet<>();
        shown.forEach(r -> {
            if (!seen.add(r.name())) {
                duplicated.add(r.name());
            }
        });
        List<RatePoint> points = new ArrayList<>();
        for (QuarterlyReportRow r : shown) {
            // Category keys must be unique: two units may both have a "宣传" project.
            String label = duplicated.contains(r.name()) ? r.name() + "（" + tail(r.code()) + "）" : r.name();
            for (Flag flag : Flag.values()) {
                points.add(new RatePoint(label, text.get("q.chart.series." + flag.name()),
                        flag == r.flag() ? r.ratePct() : null));
            }
        }
        return points;
    }

    private static String tail(String code) {
        return code.length() <= 6 ? code : code.substring(code.length() - 6);
    }

    private static QuarterlyUnitLine unitLine(QuarterlyReview.UnitTotals u, int needsExplanation, LocalDate asOf) {
        return new QuarterlyUnitLine(u.unitCode(), u.unitName(), u.projects(), u.budget().wanForDisplay(),
                u.expected().wanForDisplay(), u.actual().wanForDisplay(), u.previousQuarterActual().wanForDisplay(),
                u.actual().wanLessForDisplay(u.previousQuarterActual()), twoPlaces(u.executionRatePct()), u.red(),
                u.yellow(), u.green(), needsExplanation,
                twoPlaces(QuarterlyCalculator.gapToPlanPp(u.budget(), u.expected(), u.actual())),
                twoPlaces(QuarterlyCalculator.gapToTimeProgressPp(u.budget(), u.actual(), asOf)));
    }

    /** All units together, summed in 元 and rounded once, so the total is not a sum of rounded figures. */
    private static QuarterlyUnitLine grandTotal(QuarterlyReview review, int needsExplanation) {
        Money budget = Money.ZERO;
        Money expected = Money.ZERO;
        Money actual = Money.ZERO;
        Money previous = Money.ZERO;
        int projects = 0;
        int red = 0;
        int yellow = 0;
        int green = 0;
        for (QuarterlyReview.UnitTotals u : review.units()) {
            budget = budget.plus(u.budget());
            expected = expected.plus(u.expected());
            actual = actual.plus(u.actual());
            previous = previous.plus(u.previousQuarterActual());
            projects += u.projects();
            red += u.red();
            yellow += u.yellow();
            green += u.green();
        }
        BigDecimal rate = budget.isZero() ? BigDecimal.ZERO.setScale(2)
                : actual.yuan().multiply(HUNDRED).divide(budget.yuan(), 2, RoundingMode.HALF_UP);
        return new QuarterlyUnitLine("", "", projects, budget.wanForDisplay(), expected.wanForDisplay(),
                actual.wanForDisplay(), previous.wanForDisplay(), actual.wanLessForDisplay(previous), rate, red,
                yellow, green, needsExplanation, twoPlaces(QuarterlyCalculator.gapToPlanPp(budget, expected, actual)),
                twoPlaces(QuarterlyCalculator.gapToTimeProgressPp(budget, actual, review.asOf())));
    }

    private static BigDecimal twoPlaces(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
