package org.budgetmonitor.support;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** How we read and write the CSV files officers and payment systems hand us. */
public final class CsvFiles {

    /** Excel writes a BOM; we write one too so that Excel opens our UTF-8 files as UTF-8. */
    public static final char BOM = '\uFEFF';

    /** Input: blank lines are kept as records so that reported line numbers are exact. */
    public static final CSVFormat INPUT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true)
            .get();

    public static final CSVFormat OUTPUT = CSVFormat.DEFAULT.builder()
            .setRecordSeparator("\n")
            .get();

    private CsvFiles() {
    }

    /** What a CSV output prints, header first. */
    @FunctionalInterface
    public interface Records {
        void printTo(CSVPrinter printer) throws IOException;
    }

    /**
     * Writes a CSV output of the contract ({@link #OUTPUT}, UTF-8 with a {@link #BOM}) under a
     * temporary name and renames it ({@link AtomicFiles}). Buffered: the printer writes a cell in
     * several pieces, and each piece straight into the encoder cost 0.4 s more on 50,000 rows.
     */
    public static void write(Path file, Records records) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write(BOM);
            CSVPrinter printer = new CSVPrinter(writer, OUTPUT);
            records.printTo(printer);
            printer.flush();
        });
    }

    /**
     * A text cell as written to a CSV officers open in Excel: one beginning with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return would be taken as a formula (CSV injection), so
     * it gets a leading {@code '} (OWASP's advice), which Excel shows as text. Only for text columns:
     * a numeric cell such as {@code -1.00} must stay a number, and is written without this.
     */
    public static String text(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }

    /**
     * Opens a UTF-8 file, skipping a BOM. Malformed bytes raise an error instead of turning into
     * replacement characters: a wrongly decoded file must never be read as mojibake.
     */
    public static Reader openUtf8(Path file) throws IOException {
        return open(file, StandardCharsets.UTF_8);
    }

    /**
     * Opens a file in the charset {@link TextEncoding} decided on, skipping a BOM; as strict as
     * {@link #openUtf8}.
     */
    public static Reader open(Path file, Charset charset) throws IOException {
        var decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
        reader.mark(1);
        int first = reader.read();
        if (first != BOM) {
            reader.reset();
        }
        return reader;
    }

    public static boolean isBlank(org.apache.commons.csv.CSVRecord record) {
        for (String value : record.values()) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The 1-based line of the first byte sequence that is not UTF-8, or 0 when the whole file is
     * valid. Checked before a file is parsed so that a wrongly encoded export is rejected whole,
     * never ingested in part.
     */
    public static long firstMalformedUtf8Line(Path file) throws IOException {
        return firstUndecodableLine(file, StandardCharsets.UTF_8);
    }

    /**
     * The 1-based physical line of the first byte sequence not valid in the charset, or 0 when the
     * whole file is valid. The decoder is driven by hand rather than through a Reader: a Reader's
     * exception throws away the lines it had already decoded into its buffer, so the line it
     * allowed to be counted was only ever that of the buffer's start.
     */
    public static long firstUndecodableLine(Path file, Charset charset) throws IOException {
        Undecodable bad = undecodable(file, charset);
        return bad == null ? 0 : bad.line();
    }

    /**
     * Where a file first fails its charset: the physical line, and whether it fails only because it
     * ends inside a character (cut off in the middle of its last one, by a copy or an export not finished).
     */
    public record Undecodable(long line, boolean cutAtEnd) {
    }

    /** The file's first byte sequence not valid in the charset (see {@link #firstUndecodableLine}), or null. */
    public static Undecodable undecodable(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long line = 1;
        boolean lastWasCr = false;
        try (ReadableByteChannel channel = Files.newByteChannel(file)) {
            boolean end = false;
            while (true) {
                if (!end && channel.read(bytes) < 0) {
                    end = true;
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                if (end && result.isUnderflow()) {
                    result = decoder.flush(chars);
                }
                chars.flip();
                while (chars.hasRemaining()) {
                    char c = chars.get();
                    // Lines as the CSV parser counts them: CR, LF and CRLF each end one.
                    if (c == '\r' || (c == '\n' && !lastWasCr)) {
                        line++;
                    }
                    lastWasCr = c == '\r';
                }
                chars.clear();
                if (result.isError()) {
                    // Once the end is reached only bytes the decoder held back for more input are left: the
                    // file ends inside a character.
                    return new Undecodable(line, end);
                }
                bytes.compact();
                if (end && result.isUnderflow()) {
                    return null;
                }
            }
        }
    }
}
