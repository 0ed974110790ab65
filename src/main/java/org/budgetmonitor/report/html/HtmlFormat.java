package org.budgetmonitor.report.html;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

import org.budgetmonitor.variance.Flag;

/**
 * How the HTML report prints the report model's figures (already rounded there: this only adds the
 * thousands separator, the sign of a gap and the unit) and where its bars end. One per rendered
 * page, used by one thread.
 */
public final class HtmlFormat {

    /** Width of a bar in the SVG's own units; the SVG is stretched to the card's width. */
    static final int BAR_UNITS = 200;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_SCALE = BigDecimal.valueOf(200);
    private static final BigDecimal SCALE_STEP = BigDecimal.valueOf(25);
    /** An unplanned code's badge: the slate of its count's tile (white text on it: 7.2:1). */
    static final String UNPLANNED_NAME = "UNPLANNED";
    private static final String UNPLANNED = "#455a64";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DecimalFormat amount = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    private final BigDecimal scale;

    /** @param scale the percentage at the right end of every bar (100, or more when a rate exceeds it) */
    HtmlFormat(BigDecimal scale) {
        this.scale = Objects.requireNonNull(scale);
        amount.setRoundingMode(RoundingMode.HALF_UP);
    }

    /**
     * 100 %, or up to 200 % in steps of 25 when a rate is above 100 % (over budget), so that such a bar
     * still shows how far it went; a bar beyond 200 % is drawn to the end.
     */
    static BigDecimal scaleFor(Collection<BigDecimal> rates) {
        BigDecimal max = rates.stream().filter(Objects::nonNull).max(BigDecimal::compareTo).orElse(HUNDRED);
        if (max.compareTo(HUNDRED) <= 0) {
            return HUNDRED;
        }
        BigDecimal steps = max.divide(SCALE_STEP, 0, RoundingMode.CEILING);
        return steps.multiply(SCALE_STEP).min(MAX_SCALE);
    }

    /** 1,234.50, or a dash where the model has no figure. */
    public String num(BigDecimal value) {
        return value == null ? "—" : amount.format(value);
    }

    public String pct(BigDecimal value) {
        return value == null ? "—" : amount.format(value) + "%";
    }

    /** A gap in percentage points, signed: +26.67, -12.50, 0.00. */
    public String signed(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        return (value.signum() > 0 ? "+" : "") + amount.format(value);
    }

    public String date(LocalDate date) {
        return date == null ? "—" : date.toString();
    }

    public String dateTime(LocalDateTime time) {
        return time == null ? "—" : DATE_TIME.format(time);
    }

    /** Where a percentage lies on a bar, in SVG units (0 … {@link #BAR_UNITS}); a negative rate is drawn as 0. */
    public String x(BigDecimal pct) {
        if (pct == null || pct.signum() <= 0) {
            return "0";
        }
        BigDecimal x = pct.min(scale).multiply(BigDecimal.valueOf(BAR_UNITS)).divide(scale, 1, RoundingMode.HALF_UP);
        return x.stripTrailingZeros().toPlainString();
    }

    /** The x of a marker line, kept inside the bar so a marker at 100 % is not cut off. */
    public String markerX(BigDecimal pct) {
        BigDecimal x = new BigDecimal(x(pct));
        return x.min(BigDecimal.valueOf(BAR_UNITS - 2)).stripTrailingZeros().toPlainString();
    }

    /** The percentage at the bar's right end, for its caption. */
    public String scale() {
        return amount.format(scale) + "%";
    }

    /** The flag's colour, for borders and bars; an unplanned code has its own slate, never red. */
    public String colour(Object flag) {
        if (unplanned(flag)) {
            return UNPLANNED;
        }
        return switch (flag(flag)) {
            case RED -> "#c62828";
            case YELLOW -> "#f9a825";
            case GREEN -> "#2e7d32";
        };
    }

    /** A light tint of the flag's colour, behind a card. */
    public String tint(Object flag) {
        if (unplanned(flag)) {
            return "#eceff1";
        }
        return switch (flag(flag)) {
            case RED -> "#fdecea";
            case YELLOW -> "#fff8e1";
            case GREEN -> "#f1f8e9";
        };
    }

    /** Text on the flag's colour: white on red and green, near-black on yellow (contrast ≥ 4.5:1). */
    public String ink(Object flag) {
        return !unplanned(flag) && flag(flag) == Flag.YELLOW ? "#212121" : "#ffffff";
    }

    /** The badge's background: a darker yellow than the bar's, for contrast with its text. */
    public String badge(Object flag) {
        return !unplanned(flag) && flag(flag) == Flag.YELLOW ? "#fbc02d" : colour(flag);
    }

    private static boolean unplanned(Object flag) {
        return UNPLANNED_NAME.equals(String.valueOf(flag));
    }

    /** A template passes a row's {@link Flag} or its name. */
    private static Flag flag(Object flag) {
        return flag instanceof Flag f ? f : Flag.valueOf(String.valueOf(flag));
    }
}
