package org.budgetmonitor.variance;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gap thresholds, in percentage points of the budget ({@code monitor.variance.*}).
 *
 * @param redBehindPp RED when the gap is at or below this
 * @param yellowBehindPp YELLOW when the gap is at or below this
 * @param yellowAheadPp YELLOW when the gap is at or above this
 */
@ConfigurationProperties("monitor.variance")
public record VarianceThresholds(
        @DefaultValue("-20") BigDecimal redBehindPp,
        @DefaultValue("-10") BigDecimal yellowBehindPp,
        @DefaultValue("20") BigDecimal yellowAheadPp) {

    public static final VarianceThresholds DEFAULTS =
            new VarianceThresholds(BigDecimal.valueOf(-20), BigDecimal.valueOf(-10), BigDecimal.valueOf(20));

    public VarianceThresholds {
        if (redBehindPp.compareTo(yellowBehindPp) > 0) {
            throw new IllegalArgumentException("monitor.variance.red-behind-pp (" + redBehindPp
                    + ") must not be above yellow-behind-pp (" + yellowBehindPp + ")");
        }
    }
}
