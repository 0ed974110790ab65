package org.budgetmonitor.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;

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
        var decoder = StandardCharsets.UTF_8.newDecoder()
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
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long line = 1;
        try (var reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            char[] buffer = new char[1 << 16];
            int n;
            while (true) {
                try {
                    n = reader.read(buffer);
                } catch (java.nio.charset.CharacterCodingException e) {
                    return line;
                }
                if (n < 0) {
                    return 0;
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line++;
                    }
                }
            }
        }
    }
}
