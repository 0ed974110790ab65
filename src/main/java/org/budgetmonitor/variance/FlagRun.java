package org.budgetmonitor.variance;

import java.time.LocalDate;

/**
 * Since when a project is flagged, read from the stored nights of its fiscal year up to the as-of date.
 *
 * @param since the first as-of date of its current unbroken run of RED or YELLOW nights
 * @param redSince the first of its current unbroken run of RED nights; null when it is not RED
 */
public record FlagRun(LocalDate since, LocalDate redSince) {

    /** Turned red after it was first flagged: the page says both dates. */
    public boolean turnedRedLater() {
        return redSince != null && redSince.isAfter(since);
    }
}
