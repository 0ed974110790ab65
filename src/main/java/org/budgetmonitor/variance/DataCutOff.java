package org.budgetmonitor.variance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How recent the figures of a date are: the latest payment dated on or before the as-of date, and
 * whether it lies further back than {@code monitor.report.stale-days}, when the figures may be
 * incomplete (an export that did not arrive). The summary, the report and the mail say the same.
 *
 * @param latestPayment null when no payment is dated on or before the as-of date
 * @param staleDays more days than this between the latest payment and the as-of date is stale
 */
public record DataCutOff(LocalDate asOf, LocalDate latestPayment, int staleDays) {

    public static final int DEFAULT_STALE_DAYS = 3;

    static final String LATEST_PAYMENT = "variance.latestPayment";
    static final String STALE_DAYS = "variance.staleDays";

    public DataCutOff {
        if (staleDays < 0) {
            throw new IllegalArgumentException("monitor.report.stale-days must be 0 or more, not " + staleDays);
        }
    }

    public boolean hasPayments() {
        return latestPayment != null;
    }

    /** Days from the latest payment to the as-of date (0: a payment dated that day); -1 without payments. */
    public long daysBefore() {
        return latestPayment == null ? -1 : ChronoUnit.DAYS.between(latestPayment, asOf);
    }

    /** The figures may be incomplete: no payment at all, or none in the last {@code staleDays} days. */
    public boolean stale() {
        return latestPayment == null || daysBefore() > staleDays;
    }

    /** Recorded by the variance step for the run summary and the mail. */
    void putInto(ExecutionContext context) {
        context.putString(LATEST_PAYMENT, latestPayment == null ? "" : latestPayment.toString());
        context.putInt(STALE_DAYS, staleDays);
    }

    /** What the variance step of the run recorded; null when it did not run. */
    public static DataCutOff from(ExecutionContext context, LocalDate asOf) {
        if (!context.containsKey(LATEST_PAYMENT)) {
            return null;
        }
        String latest = context.getString(LATEST_PAYMENT);
        return new DataCutOff(asOf, latest.isEmpty() ? null : LocalDate.parse(latest), context.getInt(STALE_DAYS));
    }

    /** The run summary's line: {@code latest payment 2026-11-20, 41 days before the as-of date}. */
    public String summaryLine() {
        if (latestPayment == null) {
            return "no payment dated on or before the as-of date";
        }
        long days = daysBefore();
        return "latest payment " + latestPayment + ", "
                + (days == 0 ? "on the as-of date" : days + (days == 1 ? " day" : " days") + " before the as-of date");
    }

    /** The run summary's warning under that line, or null when the data are recent enough. */
    public String summaryWarning() {
        if (!stale()) {
            return null;
        }
        return latestPayment == null ? "the figures may be incomplete: no payment dated on or before the as-of date has been stored"
                : "the figures may be incomplete: no payment in the " + daysBefore()
                        + " days before the as-of date (more than monitor.report.stale-days = " + staleDays + ")";
    }

    /**
     * The unit of each planned row's project code: the units whose own data cut-off (the latest payment of their
     * planned projects) the reports and the mail state.
     */
    public static Map<String, String> unitsOfPlanned(Collection<VarianceRow> rows) {
        Map<String, String> units = new HashMap<>();
        rows.stream().filter(VarianceRow::planned).forEach(r -> units.put(r.projectCode(), r.unitCode()));
        return units;
    }
}
