package org.budgetmonitor.variance;

import java.math.BigDecimal;
import java.util.Comparator;
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
}
