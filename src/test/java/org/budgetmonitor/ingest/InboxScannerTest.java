package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxScannerTest {

    private static final Instant NOW = Instant.parse("2026-07-01T01:30:00Z");

    @TempDir
    Path inbox;

    private InboxScanner scanner(IngestProperties.AcceptMode mode) {
        var properties = new IngestProperties(1000, mode, 60, 1 << 20, null, List.of(), true);
        return new InboxScanner(properties, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Path file(String name, Instant modified) throws IOException {
        Path file = Files.writeString(inbox.resolve(name), "x");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void byDefaultReadsEveryCsvInNameOrderAndNothingElse() throws IOException {
        file("b.csv", NOW);
        file("a.CSV", NOW);
        file("notes.txt", NOW);

        var listing = scanner(IngestProperties.AcceptMode.ALL).scan(inbox);

        assertThat(listing.ready()).extracting(p -> p.getFileName().toString()).containsExactly("a.CSV", "b.csv");
        assertThat(listing.waiting()).isEmpty();
    }

    @Test
    void withMarkersReadsOnlyFilesWhoseOkOrDoneMarkerExists() throws IOException {
        file("a.csv", NOW);
        file("a.csv.ok", NOW);
        file("b.csv", NOW);
        file("b.done", NOW);
        file("c.csv", NOW);

        var listing = scanner(IngestProperties.AcceptMode.MARKER).scan(inbox);

        assertThat(listing.ready()).extracting(p -> p.getFileName().toString()).containsExactly("a.csv", "b.csv");
        assertThat(listing.waiting()).containsExactly("c.csv (no c.csv.ok or .done marker yet)");
    }

    @Test
    void withStabilityReadsOnlyFilesLeftUnchangedLongEnough() throws IOException {
        file("old.csv", NOW.minusSeconds(61));
        file("fresh.csv", NOW.minusSeconds(5));

        var listing = scanner(IngestProperties.AcceptMode.STABLE).scan(inbox);

        assertThat(listing.ready()).extracting(p -> p.getFileName().toString()).containsExactly("old.csv");
        assertThat(listing.waiting()).containsExactly("fresh.csv (changed 5 s ago, waiting for 60 s unchanged)");
    }
}
