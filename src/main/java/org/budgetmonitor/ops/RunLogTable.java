package org.budgetmonitor.ops;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code --job=status}: the last runs as a plain table for a terminal or a mail. */
public final class RunLogTable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RunLogTable() {
    }

    public static String format(List<RunLogRepository.Entry> entries) {
        if (entries.isEmpty()) {
            return "No runs yet.\n";
        }
        StringBuilder s = new StringBuilder(String.format("%-10s %-10s %4s %-19s %-19s %-9s %-45s %s%n", "job", "as-of",
                "run", "started", "ended", "status", "counts", "mail"));
        for (var e : entries) {
            s.append(String.format("%-10s %-10s %4s %-19s %-19s %-9s %-45s %s%n", e.job(),
                    e.asOf() == null ? "" : e.asOf(), e.run() == null ? "" : e.run(),
                    e.started() == null ? "" : TIME.format(e.started()), e.ended() == null ? "" : TIME.format(e.ended()),
                    e.status(), e.counts() == null ? "" : e.counts(), e.mailStatus() == null ? "" : e.mailStatus()));
            if (e.outputFiles() != null && !e.outputFiles().isBlank()) {
                e.outputFiles().lines().forEach(f -> s.append("           ").append(f).append('\n'));
            }
        }
        return s.toString();
    }
}
