package org.budgetmonitor.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private static final long MS = 1_000_000L;
    private static final long MB = 1 << 20;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong(5_000 * MS); // any origin: only differences count

    private String printed() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return text;
    }

    private ProgressLine enabled() {
        return new ProgressLine(() -> out, now::get, true);
    }

    @Test
    void drawsInPlaceWithFileLinesRateAndTimeLeftAtMostFourTimesASecond() {
        ProgressLine line = enabled();
        line.start();

        now.addAndGet(500 * MS);
        line.show("pay-2026-03.csv", 2_000, MB, 4 * MB);
        assertThat(printed()).as("a short ingest shows nothing").isEmpty();

        now.addAndGet(500 * MS);
        line.show("pay-2026-03.csv", 5_000, MB, 4 * MB);
        assertThat(printed()).isEqualTo("\ringest pay-2026-03.csv · 5,000 lines · 5,000 rows/s · 25% · about 3 s left");

        now.addAndGet(100 * MS);
        line.show("pay-2026-03.csv", 5_500, MB + MB / 10, 4 * MB);
        assertThat(printed()).as("too soon to redraw").isEmpty();

        now.addAndGet(150 * MS);
        line.show("b.csv", 250_000, 3 * MB, 4 * MB);
        // 250,000 lines in 1.25 s; 3 of 4 MB in 1.25 s leaves 0.4 s; a shorter line blanks the rest of the last
        String second = "ingest b.csv · 250,000 lines · 200,000 rows/s · 75% · about 1 s left";
        assertThat(printed()).isEqualTo("\r" + second + " ".repeat(74 - second.length()));

        line.finish();
        assertThat(printed()).as("cleared before the summary").isEqualTo("\r" + " ".repeat(74) + "\r");
        line.finish();
        assertThat(printed()).isEmpty();
    }

    @Test
    void saysMinutesAndLeavesOutWhatCannotBeEstimated() {
        ProgressLine line = enabled();
        line.start();

        now.addAndGet(2_000 * MS);
        line.show("a.csv", 10, 0, 0);
        assertThat(printed()).isEqualTo("\ringest a.csv · 10 lines · 5 rows/s");

        now.addAndGet(58_000 * MS);
        line.show("a.csv", 600_000, 10 * MB, 40 * MB);
        assertThat(printed()).startsWith("\ringest a.csv · 600,000 lines · 10,000 rows/s · 25% · about 3 min 0 s left");

        now.addAndGet(3_540_000 * MS);
        line.show("a.csv", 600_001, 10 * MB, 10_000 * MB);
        assertThat(printed()).contains(" · 0% · about ").contains(" h ");
    }

    @Test
    void shortensALongFileName() {
        ProgressLine line = enabled();
        line.start();
        now.addAndGet(1_000 * MS);

        line.show("x".repeat(30) + "-国库集中支付-2026年全年明细-最终版.csv", 1, 0, 0);

        assertThat(printed()).startsWith("\ringest …").contains("-最终版.csv · 1 lines");
    }

    @Test
    void printsNothingWhenDisabled() {
        ProgressLine line = new ProgressLine(() -> out, now::get, false);
        line.start();
        for (int i = 1; i <= 10; i++) {
            now.addAndGet(1_000 * MS);
            line.show("a.csv", i * 1000L, i, 10);
        }
        line.finish();

        assertThat(printed()).isEmpty();
    }

    @Test
    void autoShowsItOnlyWithAConsoleOnAndOffRegardless() {
        assertThat(ProgressLine.enabled("auto", true)).isTrue();
        assertThat(ProgressLine.enabled("auto", false)).isFalse();
        assertThat(ProgressLine.enabled("AUTO", false)).isFalse();
        assertThat(ProgressLine.enabled("on", false)).isTrue();
        assertThat(ProgressLine.enabled("off", true)).isFalse();
        assertThatThrownBy(() -> ProgressLine.enabled("yes", true))
                .hasMessageContaining("monitor.progress").hasMessageContaining("auto, on or off");
    }
}
