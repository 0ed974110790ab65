package org.budgetmonitor.quarterly;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.Reason;
import org.budgetmonitor.variance.VarianceRow;

/**
 * One project (or unplanned code) of a quarterly review: its variance as of the date and what the
 * review adds to it.
 *
 * @param timeProgressPct day of year / days in the year × 100
 * @param projectedYearEnd actual × days in the year / day of year: the year end at the current pace
 * @param requiredMonthly max(0, budget − actual) / whole months left; null in December and for unplanned codes
 * @param previousQuarterEnd the quarter end the change is measured from
 * @param previousQuarterActual the actual at that date
 */
public record QuarterlyRow(
        VarianceRow variance,
        BigDecimal timeProgressPct,
        Money projectedYearEnd,
        Money requiredMonthly,
        LocalDate previousQuarterEnd,
        Money previousQuarterActual) {

    public Money changeSincePreviousQuarter() {
        return variance.actual().minus(previousQuarterActual);
    }

    /** RED or YELLOW behind plan (or not spending at all): the rows officers must explain. */
    public boolean lagging() {
        return variance.planned() && variance.flag() != Flag.GREEN
                && (variance.reasons().contains(Reason.BEHIND_PLAN) || variance.reasons().contains(Reason.NO_SPENDING));
    }

    /** Budget − actual, or zero for an unplanned code. */
    public Money unspent() {
        return variance.planned() ? variance.budget().minus(variance.actual()) : Money.ZERO;
    }
}
