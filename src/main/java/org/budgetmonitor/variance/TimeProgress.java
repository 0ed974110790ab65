package org.budgetmonitor.variance;

import java.math.BigDecimal;
import java.math.MathContext;
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

    public static BigDecimal pct(LocalDate asOf) {
        return BigDecimal.valueOf(asOf.getDayOfYear()).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(asOf.lengthOfYear()), MathContext.DECIMAL128);
    }
}
