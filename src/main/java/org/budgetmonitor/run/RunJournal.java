package org.budgetmonitor.run;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The journal of completed runs, {@code <data-dir>/run-journal.log}: one line per run that
 * completed, outside the database, so that a database that lost committed work (an H2 file cut
 * short silently opens at an older state) can be told from a healthy one.
 *
 * <p>Each line is tab-separated {@code key=value} fields ending with its own CRC-32C, so a torn or
 * edited line is recognised and never trusted. The file is rewritten whole to a temporary file,
 * forced to disk and renamed over the old one: a crash leaves either the old or the new journal.
 */
public final class RunJournal {

    public static final String FILE_NAME = "run-journal.log";

    /**
     * What a run leaves, cheaply: the payments stored and the sum of the monthly totals (a few rows
     * per project). A sum over the payments themselves took 6 s at every start on 500,000 of them.
     */
    public static final String FINGERPRINT = "SELECT (SELECT COUNT(*) FROM disbursement), (SELECT COALESCE(SUM("
            + "m01_yuan + m02_yuan + m03_yuan + m04_yuan + m05_yuan + m06_yuan + m07_yuan + m08_yuan + m09_yuan"
            + " + m10_yuan + m11_yuan + m12_yuan), 0) FROM project_year_total)";

    /**
     * One completed run.
     *
     * @param database which database it ran on ({@link #databaseId}), so that a journal kept while
     *        moving from H2 to PostgreSQL never compares one with the other
     * @param payments stored payments after the run; {@code totalYuan} the sum of the monthly totals
     *        then (all of them: the totals step follows the ingest), see {@link #FINGERPRINT}
     */
    public record Entry(Instant completedAt, String job, LocalDate asOf, long run, long executionId, String database,
            long payments, BigDecimal totalYuan) {

        String text() {
            String body = String.join("\t", "completed=" + completedAt, "job=" + job, "as-of=" + asOf, "run=" + run,
                    "execution=" + executionId, "payments=" + payments, "total-yuan=" + totalYuan.toPlainString(),
                    "db=" + database);
            return body + "\tcrc32c=" + crc(body);
        }

        /** How an operator reads it in a message. */
        public String describe() {
            return job + " as of " + asOf + " (run " + run + ", execution " + executionId + ", completed "
                    + completedAt + ", " + payments + " payments stored, monthly totals " + totalYuan.toPlainString() + " 元)";
        }
    }

    /** A line that failed its checksum or could not be read. */
    public record CorruptLine(int number, String reason) {

        public String describe() {
            return "run journal line " + number + " is corrupt (" + reason + ") and was not trusted";
        }
    }

    /** What the journal holds: the trusted entries in order, and the lines that were not trusted. */
    public record Contents(List<Entry> entries, List<CorruptLine> corrupt) {

        public List<Entry> on(String database) {
            return entries.stream().filter(e -> e.database().equals(database)).toList();
        }
    }

    private final Path file;

    public RunJournal(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public Contents read() throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<CorruptLine> corrupt = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Contents(entries, corrupt);
        }
        // Decoded leniently: a line torn inside a multi-byte character (a path with Chinese characters) or a
        // damaged byte must fail its own checksum, not make the whole journal unreadable.
        List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                entries.add(parse(line));
            } catch (IllegalArgumentException e) {
                corrupt.add(new CorruptLine(i + 1, e.getMessage()));
            }
        }
        return new Contents(entries, corrupt);
    }

    /** Adds a completed run; the journal on disk is the old one or the new one, never half of it. */
    public void append(Entry entry) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] old = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        byte[] line = (entry.text() + "\n").getBytes(StandardCharsets.UTF_8);
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(old));
            if (old.length > 0 && old[old.length - 1] != '\n') {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'})); // a torn last line stays a line of its own
            }
            channel.write(ByteBuffer.wrap(line));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(file.getParent());
    }

    /** Renames the journal to {@code run-journal.log.<suffix>} (a rebuild starts a fresh one); never deletes it. */
    public Optional<Path> moveAside(String suffix) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Path aside = file.resolveSibling(FILE_NAME + "." + suffix);
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(file.getParent());
        return Optional.of(aside);
    }

    static Entry parse(String line) {
        int crcAt = line.lastIndexOf("\tcrc32c=");
        if (crcAt < 0) {
            throw new IllegalArgumentException("no checksum: torn or edited");
        }
        String body = line.substring(0, crcAt);
        if (!crc(body).equals(line.substring(crcAt + "\tcrc32c=".length()).strip())) {
            throw new IllegalArgumentException("checksum mismatch: torn or edited");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : body.split("\t")) {
            int eq = field.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("field without a value: " + field);
            }
            fields.put(field.substring(0, eq), field.substring(eq + 1));
        }
        try {
            return new Entry(Instant.parse(fields.get("completed")), require(fields, "job"),
                    LocalDate.parse(require(fields, "as-of")), Long.parseLong(require(fields, "run")),
                    Long.parseLong(require(fields, "execution")), require(fields, "db"),
                    Long.parseLong(require(fields, "payments")), new BigDecimal(require(fields, "total-yuan")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable field: " + e.getMessage());
        }
    }

    private static String require(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return value;
    }

    private static String crc(String body) {
        CRC32C crc = new CRC32C();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    /** Makes a rename durable: on Linux a directory's entries reach the disk only when it is forced. */
    static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; the rename itself is still atomic there.
        }
    }

    /**
     * The database a JDBC URL names, without its options: {@code h2:file:/abs/path} or
     * {@code postgresql://host:port/name}; empty for an in-memory database (nothing to journal).
     */
    public static Optional<String> databaseId(String url) {
        if (url == null || url.isBlank() || url.startsWith("jdbc:h2:mem:")) {
            return Optional.empty();
        }
        String id = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        int options = id.startsWith("h2:") ? id.indexOf(';') : id.indexOf('?');
        return Optional.of(options < 0 ? id : id.substring(0, options));
    }
}
