package org.budgetmonitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.budgetmonitor.ingest.InboxReader;
import org.budgetmonitor.ops.ProgressLine;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;

class IngestProgressTest {

    private static final long MS = 1_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong();
    private final AtomicReference<InboxReader.Position> position =
            new AtomicReference<>(new InboxReader.Position("a.csv", 0, 1000));

    @Test
    void countsTheLinesReadAndShowsTheReadersPositionAfterEachChunkThenClearsTheLine() {
        IngestProgress progress = new IngestProgress(position::get, new ProgressLine(() -> out, now::get, true));
        progress.beforeStep(null);
        now.addAndGet(1_000 * MS);
        for (int i = 0; i < 300; i++) {
            progress.afterRead(null);
        }
        position.set(new InboxReader.Position("a.csv", 500, 1000));
        progress.afterChunk(new Chunk<>());

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("\ringest a.csv · 300 lines · 300 rows/s · 50% · about 1 s left");
        bytes.reset();

        progress.afterStep(null);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("\r ").endsWith(" \r");
    }

    @Test
    void printsNothingWhenProgressIsOff() {
        IngestProgress progress = new IngestProgress(position::get,
                new ProgressLine(() -> out, now::get, ProgressLine.enabled("off", true)));
        progress.beforeStep(null);
        for (int i = 0; i < 10_000; i++) {
            now.addAndGet(MS);
            progress.afterRead(null);
        }
        progress.afterChunk(new Chunk<>());
        progress.afterStep(null);

        assertThat(bytes.size()).isZero();
    }
}
