package org.budgetmonitor.ingest;

import java.time.LocalDate;

/**
 * The first and last pay date of a file version's lines: what tells a correction of a file from
 * the next day's export under the same name. Empty when no line has a readable date.
 */
public record PayDateRange(LocalDate first, LocalDate last) {

    public static final PayDateRange EMPTY = new PayDateRange(null, null);

    public PayDateRange {
        if ((first == null) != (last == null) || first != null && first.isAfter(last)) {
            throw new IllegalArgumentException("not a range: " + first + "…" + last);
        }
    }

    public static PayDateRange of(LocalDate first, LocalDate last) {
        return first == null ? EMPTY : new PayDateRange(first, last);
    }

    public boolean isEmpty() {
        return first == null;
    }

    public PayDateRange including(LocalDate date) {
        if (isEmpty()) {
            return new PayDateRange(date, date);
        }
        return new PayDateRange(date.isBefore(first) ? date : first, date.isAfter(last) ? date : last);
    }

    /** Whether every date of the other range lies within this one (an empty range lies in any). */
    public boolean covers(PayDateRange other) {
        return other.isEmpty() || !isEmpty() && !first.isAfter(other.first) && !last.isBefore(other.last);
    }

    @Override
    public String toString() {
        return isEmpty() ? "(no dated lines)" : first + "…" + last;
    }
}
