package org.budgetmonitor.variance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.budgetmonitor.money.Money;

/**
 * One line of the variance table. For an unplanned code only the code, the actual, the flag and
 * the reason are set.
 *
 * @param expectedYuan E(D), exact to 34 significant digits
 * @param executionRatePct A / B × 100
 * @param gapPp (A − E) / B × 100, percentage points
 */
public record VarianceRow(
        LocalDate asOf,
        String projectCode,
        boolean planned,
        String projectName,
        String unitCode,
        String unitName,
        Money budget,
        LocalDate checkpointDate,
        Money checkpointPlan,
        BigDecimal expectedYuan,
        Money actual,
        BigDecimal executionRatePct,
        BigDecimal gapPp,
        Flag flag,
        List<Reason> reasons) {

    public VarianceRow {
        reasons = List.copyOf(reasons);
    }

    public static VarianceRow unplanned(LocalDate asOf, String projectCode, Money actual) {
        return new VarianceRow(asOf, projectCode, false, null, null, null, null, null, null, null, actual, null,
                null, Flag.RED, List.of(Reason.UNPLANNED));
    }
}
