package org.budgetmonitor.support;

import java.nio.file.Path;
import java.time.LocalDate;

/** Where a run's files go: {@code <output-dir>/<as-of>/<kind>-<as-of>.<ext>}. */
public record OutputFiles(Path outputDir, LocalDate asOf) {

    public Path dir() {
        return outputDir.resolve(asOf.toString());
    }

    public Path file(String kind, String extension) {
        return dir().resolve(name(kind, asOf, extension));
    }

    /** A file's name, {@code <kind>-<as-of>.<ext>}, as a document that names it prints it. */
    public static String name(String kind, LocalDate asOf, String extension) {
        return kind + "-" + asOf + "." + extension;
    }

    public Path varianceCsv() {
        return file("variance", "csv");
    }

    public Path rejectedCsv() {
        return file("rejected", "csv");
    }

    public Path pendingCsv() {
        return file("pending", "csv");
    }
}
