package org.budgetmonitor.quarterly;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/** Quarter ends (03-31, 06-30, 09-30, 12-31) and the calendar arithmetic of the review. */
public final class QuarterEnds {

    private static final List<MonthDay> ENDS = List.of(MonthDay.of(3, 31), MonthDay.of(6, 30), MonthDay.of(9, 30),
            MonthDay.of(12, 31));

    private QuarterEnds() {
    }

    public static boolean isQuarterEnd(LocalDate date) {
        return ENDS.contains(MonthDay.from(date));
    }

    /**
     * The last quarter end of the same year strictly before the date, or 31 Dec of the year before
     * when there is none (the actual then is 0: it counts from 1 January).
     */
    public static LocalDate previous(LocalDate date) {
        LocalDate previous = LocalDate.of(date.getYear() - 1, 12, 31);
        for (MonthDay end : ENDS) {
            LocalDate candidate = end.atYear(date.getYear());
            if (candidate.isBefore(date)) {
                previous = candidate;
            }
        }
        return previous;
    }

    /** Whole calendar months after the date's month, to the end of its year: 3 on 30 September, 0 in December. */
    public static int wholeMonthsLeft(LocalDate date) {
        return 12 - date.getMonthValue();
    }
}
