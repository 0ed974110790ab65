package org.budgetmonitor.variance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * The order in which flagged projects are listed, wherever they are (the run summary's RED lines, the
 * HTML page's cards): the largest amount over budget first, then the furthest behind the plan (the most
 * negative gap, in percentage points), a project without a gap last.
 */
public final class WorstFirst {

    private WorstFirst() {
    }

    /**
     * @param overBudget the amount over budget (0 when within it), in one unit for all rows
     * @param gapPp the gap to the plan in percentage points, or null
     */
    public static <T> Comparator<T> by(Function<T, BigDecimal> overBudget, Function<T, BigDecimal> gapPp) {
        return Comparator.comparing(overBudget, Comparator.reverseOrder())
                .thenComparing(gapPp, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    /**
     * The first {@code n} of {@code rows} in {@code order}, as sorting them all and taking the first {@code n} gives
     * (ties in the rows' own order), without sorting them all: a province's night has tens of thousands of RED
     * projects and its summary names 20.
     */
    public static <T> List<T> firstOf(List<T> rows, Comparator<? super T> order, int n) {
        if (n <= 0) {
            return List.of();
        }
        // Ties rank by position, so the kept rows are those a stable sort puts first.
        Comparator<Integer> ranked = Comparator.<Integer, T>comparing(rows::get, order).thenComparing(i -> i);
        PriorityQueue<Integer> kept = new PriorityQueue<>(n + 1, ranked.reversed());
        for (int i = 0; i < rows.size(); i++) {
            kept.add(i);
            if (kept.size() > n) {
                kept.poll(); // the last-ranked of those kept
            }
        }
        List<Integer> first = new ArrayList<>(kept);
        first.sort(ranked);
        return first.stream().map(rows::get).toList();
    }
}
