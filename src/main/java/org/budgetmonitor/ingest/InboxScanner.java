package org.budgetmonitor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Lists the exports in the inbox that are complete enough to read, by the configured rule, and
 * names the others so the summary can say they wait for a later run.
 */
public class InboxScanner {

    public record Listing(List<Path> ready, List<String> waiting) {
    }

    private final IngestProperties.AcceptMode mode;
    private final Duration stableFor;
    private final Clock clock;

    public InboxScanner(IngestProperties properties, Clock clock) {
        this.mode = properties.accept();
        this.stableFor = Duration.ofSeconds(properties.stableSeconds());
        this.clock = clock;
    }

    public Listing scan(Path inbox) {
        List<Path> ready = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        try (Stream<Path> listing = Files.list(inbox)) {
            for (Path file : listing.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    continue;
                }
                if (!Files.isRegularFile(file)) {
                    ready.add(file); // a folder or a broken link named *.csv: rejected with the cause, not passed over
                    continue;
                }
                String why = whyNotReady(file);
                if (why == null) {
                    ready.add(file);
                } else {
                    waiting.add(name + " (" + why + ")");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list inbox " + inbox.toAbsolutePath(), e);
        }
        return new Listing(ready, waiting);
    }

    private String whyNotReady(Path file) throws IOException {
        switch (mode) {
            case MARKER -> {
                String name = file.getFileName().toString();
                String base = name.substring(0, name.length() - 4);
                for (String marker : List.of(name + ".ok", name + ".done", base + ".ok", base + ".done")) {
                    if (Files.exists(file.resolveSibling(marker))) {
                        return null;
                    }
                }
                return "no " + name + ".ok or .done marker yet";
            }
            case STABLE -> {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                Duration age = Duration.between(modified, clock.instant());
                return age.compareTo(stableFor) >= 0 ? null
                        : "changed " + age.toSeconds() + " s ago, waiting for " + stableFor.toSeconds() + " s unchanged";
            }
            default -> {
                return null;
            }
        }
    }
}
