package org.budgetmonitor.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code <data-dir>/rebuild-in-progress}: a rebuild started and has not finished. While it is there
 * the database holds only part of the history, so every other job refuses to run.
 */
public final class RebuildMarker {

    private static final String FILE_NAME = "rebuild-in-progress";

    private RebuildMarker() {
    }

    public static void set(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve(FILE_NAME), "started " + Instant.now() + "\n", StandardCharsets.UTF_8);
    }

    public static void clear(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(FILE_NAME));
    }

    /** When the unfinished rebuild started, if one did. */
    public static Optional<String> unfinished(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Optional.empty();
    }
}
