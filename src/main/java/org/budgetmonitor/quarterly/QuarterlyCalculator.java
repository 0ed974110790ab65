package org.budgetmonitor.quarterly;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.variance.ActualCurve;
import org.budgetmonitor.variance.VarianceRow;

/** The review's figures for one variance row (README, "Quarterly review"). Exact; rounding only on output. */
public final class QuarterlyCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private QuarterlyCalculator() {
    }

    public static BigDecimal timeProgressPct(LocalDate asOf) {
        return BigDecimal.valueOf(asOf.getDayOfYear()).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(asOf.lengthOfYear()), MathContext.DECIMAL128);
    }

    public static QuarterlyRow review(VarianceRow variance, ActualCurve actuals) {
        LocalDate asOf = variance.asOf();
        Money actual = variance.actual();
        Money projected = Money.ofYuan(actual.yuan().multiply(BigDecimal.valueOf(asOf.lengthOfYear()))
                .divide(BigDecimal.valueOf(asOf.getDayOfYear()), MathContext.DECIMAL128));
        Money required = null;
        int monthsLeft = QuarterEnds.wholeMonthsLeft(asOf);
        if (variance.planned() && monthsLeft > 0) {
            BigDecimal left = variance.budget().minus(actual).yuan().max(BigDecimal.ZERO);
            required = Money.ofYuan(left.divide(BigDecimal.valueOf(monthsLeft), MathContext.DECIMAL128));
        }
        LocalDate previous = QuarterEnds.previous(asOf);
        return new QuarterlyRow(variance, timeProgressPct(asOf), projected, required, previous, actuals.upTo(previous));
    }
}
