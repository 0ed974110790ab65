package org.budgetmonitor.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The nightly backups of the H2 database: {@code <data-dir>/backup/budget-monitor-<as-of>-<run>.zip},
 * newest by as-of date, then run number.
 */
public final class DatabaseBackups {

    private static final Pattern NAME = Pattern.compile("budget-monitor-(\\d{4}-\\d{2}-\\d{2})-(\\d+)\\.zip");

    private DatabaseBackups() {
    }

    public static Path dir(Path dataDir) {
        return dataDir.resolve("backup");
    }

    public static Path file(Path dataDir, java.time.LocalDate asOf, long run) {
        return dir(dataDir).resolve("budget-monitor-" + asOf + "-" + run + ".zip");
    }

    /** The backups, newest first. */
    public static List<Path> list(Path dataDir) {
        Path dir = dir(dataDir);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(DatabaseBackups::sortKey).reversed()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public static Optional<Path> newest(Path dataDir) {
        return list(dataDir).stream().findFirst();
    }

    /** The as-of date in a backup's name: the night it was taken in, before that night's payments. */
    public static java.time.LocalDate asOf(Path backup) {
        Matcher m = NAME.matcher(backup.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a backup's name: " + backup.getFileName());
        }
        return java.time.LocalDate.parse(m.group(1));
    }

    private static String sortKey(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        m.matches();
        return m.group(1) + String.format("%012d", Long.parseLong(m.group(2)));
    }
}
