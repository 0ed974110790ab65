package org.budgetmonitor.quarterly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.plan.PlanChange;

/**
 * A quarterly execution-rate review as issued: one version of the figures of an as-of date.
 *
 * @param dataCutoff the latest payment date the figures include
 * @param planRevision the latest plan revision when it was computed (the plan of its day); 0 for a review
 *        issued before revisions were kept, or not stored yet
 * @param planChanges the changes of that plan in force on the date (预算调整), as recorded up to its revision
 * @param rejectedRows the rejected lines the issuing run reported, none of them in the figures; null for a
 *        review issued before they were recorded
 */
public record QuarterlyReview(
        LocalDate asOf,
        int version,
        LocalDateTime createdAt,
        LocalDate dataCutoff,
        List<QuarterlyRow> rows,
        List<IndicatorReview> indicators,
        long planRevision,
        List<PlanChange> planChanges,
        Integer rejectedRows) {

    public QuarterlyReview {
        rows = List.copyOf(rows);
        indicators = List.copyOf(indicators);
        planChanges = List.copyOf(planChanges);
    }

    /** A review of a plan never changed. */
    public QuarterlyReview(LocalDate asOf, int version, LocalDateTime createdAt, LocalDate dataCutoff,
            List<QuarterlyRow> rows, List<IndicatorReview> indicators) {
        this(asOf, version, createdAt, dataCutoff, rows, indicators, 0, List.of(), 0);
    }

    /** Totals of one unit. */
    public record UnitTotals(String unitCode, String unitName, int projects, Money budget, Money expected,
            Money actual, Money previousQuarterActual, int red, int yellow, int green) {

        public BigDecimal executionRatePct() {
            return budget.isZero() ? BigDecimal.ZERO
                    : actual.yuan().multiply(BigDecimal.valueOf(100)).divide(budget.yuan(), java.math.MathContext.DECIMAL128);
        }
    }

    /** Whether "plan at quarter end" is interpolated for any project (see {@link #interpolatedRows()}). */
    public boolean planInterpolated() {
        return !interpolatedRows().isEmpty();
    }

    /** The projects whose plan at the date is interpolated between checkpoints, in table order. */
    public List<QuarterlyRow> interpolatedRows() {
        return rows.stream().filter(QuarterlyRow::planInterpolated).toList();
    }

    /**
     * 重点监控 ({@link QuarterlyRow#focus}): RED first, then YELLOW; the largest unspent balance first.
     *
     * @param yellowUnspentAbove the unspent threshold for YELLOW projects behind plan
     */
    public List<QuarterlyRow> focus(Money yellowUnspentAbove) {
        return focus(rows, yellowUnspentAbove);
    }

    /** The same list for some of the rows (one unit's, say). */
    public static List<QuarterlyRow> focus(List<QuarterlyRow> rows, Money yellowUnspentAbove) {
        return rows.stream().filter(r -> r.focus(yellowUnspentAbove))
                .sorted(Comparator.comparing((QuarterlyRow r) -> r.variance().flag())
                        .thenComparing(QuarterlyRow::unspent, Comparator.reverseOrder())
                        .thenComparing(r -> r.variance().projectCode()))
                .toList();
    }

    public List<UnitTotals> units() {
        Map<String, List<QuarterlyRow>> byUnit = new LinkedHashMap<>();
        rows.stream().filter(r -> r.variance().planned())
                .forEach(r -> byUnit.computeIfAbsent(r.variance().unitCode(), k -> new java.util.ArrayList<>()).add(r));
        return byUnit.values().stream().map(unitRows -> {
            Money budget = Money.ZERO;
            Money expected = Money.ZERO;
            Money actual = Money.ZERO;
            Money previous = Money.ZERO;
            int[] flags = new int[3];
            for (QuarterlyRow r : unitRows) {
                budget = budget.plus(r.variance().budget());
                expected = expected.plus(Money.ofYuan(r.variance().expectedYuan()));
                actual = actual.plus(r.variance().actual());
                previous = previous.plus(r.previousQuarterActual());
                flags[r.variance().flag().ordinal()]++;
            }
            var first = unitRows.get(0).variance();
            return new UnitTotals(first.unitCode(), first.unitName(), unitRows.size(), budget, expected, actual,
                    previous, flags[0], flags[1], flags[2]);
        }).toList();
    }
}
