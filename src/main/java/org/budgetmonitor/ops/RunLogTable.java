package org.budgetmonitor.ops;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.budgetmonitor.support.JobParameterNames;

/** {@code --job=status}: the last runs as a plain table for a terminal or a mail. */
public final class RunLogTable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RunLogTable() {
    }

    public static String format(List<RunLogRepository.Entry> entries) {
        if (entries.isEmpty()) {
            return "No runs yet.\n";
        }
        String row = "%-11s %-10s %4s %-19s %-19s %-9s %-13s %-45s %s%n";
        StringBuilder s = new StringBuilder(String.format(row, "job", "as-of", "run", "started", "ended", "status",
                "restarted", "counts", "mail"));
        boolean restarts = false;
        for (var e : entries) {
            String restart = restart(e.restartOf());
            restarts |= !restart.isEmpty();
            s.append(String.format(row, e.job(),
                    e.asOf() == null ? "" : e.asOf(), e.run() == null ? "" : e.run(),
                    e.started() == null ? "" : TIME.format(e.started()), e.ended() == null ? "" : TIME.format(e.ended()),
                    e.status(), restart, e.counts() == null ? "" : e.counts(),
                    e.mailStatus() == null ? "" : e.mailStatus()));
            if (e.outputFiles() != null && !e.outputFiles().isBlank()) {
                e.outputFiles().lines().forEach(f -> s.append("            ").append(f).append('\n'));
            }
        }
        if (restarts) {
            // The same figures as an uninterrupted run, but whoever reads this should know a night went wrong.
            s.append("restarted: carried on where an earlier attempt of the same run stopped; after failure: that"
                    + " attempt failed (its line above says why); after kill: its process was killed or crashed\n");
        }
        return s.toString();
    }

    private static String restart(String restartOf) {
        if (JobParameterNames.AFTER_KILL.equals(restartOf)) {
            return "after kill";
        }
        return JobParameterNames.AFTER_FAILURE.equals(restartOf) ? "after failure" : "";
    }
}
