package org.budgetmonitor.ops;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One line of progress on a terminal, redrawn in place with {@code \r}: what is being read, how
 * many lines so far, how fast, and how long is left when that can be estimated from bytes. Only
 * for a person watching: under cron its output would be mail, so it is off unless stdout is a
 * console (or {@code monitor.progress=on}), and it draws nothing during the first second, so a
 * short run never shows it. {@link #finish} blanks it out, leaving the summary to start on a clean
 * line. Not thread-safe: one step's thread uses it.
 */
public final class ProgressLine {

    /** No sooner than this after the start: a run over in a second needs no progress. */
    private static final long FIRST_DRAW_NANOS = 1_000_000_000L;
    /** At most four redraws a second: more only flickers, and costs the terminal. */
    private static final long REDRAW_NANOS = 250_000_000L;
    private static final int MAX_NAME = 40;

    private final Supplier<PrintStream> out;
    private final LongSupplier nanoTime;
    private final boolean enabled;
    private long started;
    private long lastDraw;
    private boolean drawn;
    private int width;

    /**
     * @param out where to draw, looked up at each draw (so that a replaced {@code System.out} is used)
     * @param nanoTime a monotonic clock, {@link System#nanoTime} outside tests
     */
    public ProgressLine(Supplier<PrintStream> out, LongSupplier nanoTime, boolean enabled) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.enabled = enabled;
    }

    /** On stdout, if {@code monitor.progress} (auto, on or off) says so for this process. */
    public static ProgressLine forStdout(String mode) {
        // Java 17: System.console() is null unless the JVM runs attached to a terminal (not piped to cron mail).
        return new ProgressLine(() -> System.out, System::nanoTime, enabled(mode, System.console() != null));
    }

    /** Whether {@code monitor.progress} turns the line on: auto means only with a console attached. */
    public static boolean enabled(String mode, boolean console) {
        return switch (mode.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> console;
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("monitor.progress is '" + mode + "'; it must be auto, on or off");
        };
    }

    public void start() {
        started = nanoTime.getAsLong();
        drawn = false;
        width = 0;
    }

    /**
     * Redraws the line, unless too soon since the start or the last redraw.
     *
     * @param bytesDone bytes of the work read so far; with {@code totalBytes} 0 no share or time left is shown
     */
    public void show(String file, long lines, long bytesDone, long totalBytes) {
        if (!enabled) {
            return;
        }
        long now = nanoTime.getAsLong();
        long elapsed = now - started;
        if (elapsed < FIRST_DRAW_NANOS || (drawn && now - lastDraw < REDRAW_NANOS)) {
            return;
        }
        String text = text(file, lines, bytesDone, totalBytes, elapsed);
        int textWidth = columns(text);
        // Blank what a longer previous line leaves behind.
        out.get().print("\r" + text + " ".repeat(Math.max(0, width - textWidth)));
        out.get().flush();
        width = Math.max(width, textWidth);
        lastDraw = now;
        drawn = true;
    }

    /** Blanks the line, if one was drawn, so that what is printed next starts on a clean line. */
    public void finish() {
        if (!enabled || !drawn) {
            return;
        }
        out.get().print("\r" + " ".repeat(width) + "\r");
        out.get().flush();
        drawn = false;
        width = 0;
    }

    private static String text(String file, long lines, long bytesDone, long totalBytes, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        StringBuilder text = new StringBuilder("ingest ").append(shorten(file))
                .append(String.format(Locale.ROOT, " · %,d lines · %,d rows/s", lines, Math.round(lines / seconds)));
        if (totalBytes > 0) {
            long done = Math.min(bytesDone, totalBytes);
            text.append(" · ").append(done * 100 / totalBytes).append('%');
            if (done > 0) {
                // As fast as so far: bytes, not lines, since the files' sizes are known and their line counts are not.
                long left = (long) Math.ceil(seconds * (totalBytes - done) / done);
                text.append(" · about ").append(duration(left)).append(" left");
            }
        }
        return text.toString();
    }

    private static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** A long name keeps its end, where exports carry their dates. */
    private static String shorten(String file) {
        if (file.codePointCount(0, file.length()) <= MAX_NAME) {
            return file;
        }
        int start = file.offsetByCodePoints(file.length(), -(MAX_NAME - 1));
        return "…" + file.substring(start);
    }

    /** Terminal columns: CJK characters take two, which the blanking must cover. */
    private static int columns(String text) {
        return text.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
    }
}
