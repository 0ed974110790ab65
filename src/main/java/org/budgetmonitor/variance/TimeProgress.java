package org.budgetmonitor.variance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * 序时进度 (time progress): the share of the fiscal (calendar) year elapsed at the end of the as-of
 * date, day of year / days in the year × 100, exact to 34 digits. The one definition the nightly CSV
 * and report use; the quarterly review's {@code QuarterlyCalculator.timeProgressPct} delegates here
 * (a test holds them equal on every day of a common and a leap year).
 */
public final class TimeProgress {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TimeProgress() {
    }

    /** The last date asked for and its time progress: every row of a night asks for the same date. */
    private record Known(LocalDate date, BigDecimal pct) {
    }

    private static volatile Known last;

    public static BigDecimal pct(LocalDate asOf) {
        Known known = last;
        if (known != null && known.date().equals(asOf)) {
            return known.pct();
        }
        BigDecimal pct = BigDecimal.valueOf(asOf.getDayOfYear()).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(asOf.lengthOfYear()), MathContext.DECIMAL128);
        last = new Known(asOf, pct);
        return pct;
    }

    /**
     * 较序时进度: an execution rate less the time progress of the date, each as printed (2 places, HALF_UP),
     * so that the gap an officer reads is the difference of the two figures beside it, as the legend defines it
     * (20.00 − 49.59 = −29.59, where the exact −29.5845 would print −29.58). No flag depends on it.
     */
    public static BigDecimal gapAsPrinted(BigDecimal executionRatePct, LocalDate asOf) {
        return executionRatePct.setScale(2, RoundingMode.HALF_UP)
                .subtract(pct(asOf).setScale(2, RoundingMode.HALF_UP));
    }
}
