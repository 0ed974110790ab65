package org.budgetmonitor.variance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.budgetmonitor.money.Money;

/** A project's net payments per day, from which the cumulative actual on any date is read. */
public final class ActualCurve {

    public static final ActualCurve NONE = new ActualCurve(Collections.emptyNavigableMap());

    private final NavigableMap<LocalDate, BigDecimal> cumulative = new TreeMap<>();

    /** @param daily net amount in 元 per day, only days of the fiscal year being evaluated */
    public ActualCurve(NavigableMap<LocalDate, BigDecimal> daily) {
        BigDecimal running = BigDecimal.ZERO;
        for (var day : daily.entrySet()) {
            running = running.add(day.getValue());
            cumulative.put(day.getKey(), running);
        }
    }

    /** A(date): everything paid up to and including the date. */
    public Money upTo(LocalDate date) {
        var entry = cumulative.floorEntry(date);
        return entry == null ? Money.ZERO : Money.ofYuan(entry.getValue());
    }

    /** Cumulative actual at each day that had payments. */
    public NavigableMap<LocalDate, BigDecimal> points() {
        return Collections.unmodifiableNavigableMap(cumulative);
    }
}
