package org.budgetmonitor.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.budgetmonitor.money.Money;
import org.budgetmonitor.support.CsvFiles;
import org.budgetmonitor.support.HeaderMapping;

/**
 * Looks at an export before anything of it is ingested, and decides whether it can be read and
 * how: binary or runaway content, the encoding (a file that is not valid in it is refused, never
 * read as mojibake), the delimiter, the header below any title lines, the amount unit, and the
 * control total of a 合计 row. A file that fails any check is rejected whole.
 */
public class ExportInspector {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final char[] DELIMITERS = {',', '\t', ';', '|'};
    private static final int HEADER_SEARCH_RECORDS = 50;

    private final IngestProperties properties;

    public ExportInspector(IngestProperties properties) {
        this.properties = properties;
    }

    public ExportInspection inspect(Path file) {
        try {
            return doInspect(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
    }

    private ExportInspection doInspect(Path file) throws IOException {
        ByteScan scan = scanBytes(file);
        var facts = new ExportInspection.FileFacts(file.getFileName().toString(), scan.size, scan.sha256);
        if (scan.problem != null) {
            return new ExportInspection.Unreadable(facts, scan.problemLine, scan.problem);
        }
        SourceProfile profile = properties.profiles().stream().filter(p -> p.matches(file)).findFirst().orElse(null);
        String profileName = profile == null ? "auto" : profile.name();

        Charset charset;
        if (profile != null && profile.charset() != null) {
            charset = profile.charset();
            long bad = firstUndecodableLine(file, charset);
            if (bad > 0) {
                return new ExportInspection.Unreadable(facts, bad, "file is not valid " + charset.name()
                        + " as profile '" + profileName + "' says (first bad byte on line " + bad
                        + "); the whole file was rejected and none of its lines counted");
            }
        } else if (scan.bom || firstUndecodableLine(file, StandardCharsets.UTF_8) == 0) {
            charset = StandardCharsets.UTF_8;
        } else if (firstUndecodableLine(file, GB18030) == 0) {
            charset = GB18030;
        } else {
            long bad = firstUndecodableLine(file, StandardCharsets.UTF_8);
            return new ExportInspection.Unreadable(facts, bad, "file is neither UTF-8 nor GB18030/GBK (first bad byte"
                    + " on line " + bad + "); the whole file was rejected and none of its lines counted");
        }

        Map<String, List<String>> aliases = aliases(profile);
        Optional<ExportFormat> found = findHeader(file, charset, profile, aliases, profileName);
        if (found.isEmpty()) {
            return new ExportInspection.Unreadable(facts, 1, "no header row naming "
                    + DisbursementColumns.describe(DisbursementColumns.REQUIRED) + " in the first "
                    + HEADER_SEARCH_RECORDS + " lines (read as " + charset.name()
                    + (profile == null ? "" : ", profile '" + profileName + "'")
                    + "); is it a payment export, and in that encoding?");
        }
        ExportFormat format = found.get();
        return checkControlTotal(file, facts, format);
    }

    private static Map<String, List<String>> aliases(SourceProfile profile) {
        if (profile == null || profile.columns().isEmpty()) {
            return DisbursementColumns.ALIASES;
        }
        Map<String, List<String>> merged = new LinkedHashMap<>();
        DisbursementColumns.ALIASES.forEach((field, names) -> {
            List<String> all = new ArrayList<>(profile.columns().getOrDefault(field, List.of()));
            all.addAll(names);
            merged.put(field, all);
        });
        return merged;
    }

    /** Tries each delimiter on the first records and takes the first that yields a complete header. */
    private Optional<ExportFormat> findHeader(Path file, Charset charset, SourceProfile profile,
            Map<String, List<String>> aliases, String profileName) throws IOException {
        List<Character> delimiters = new ArrayList<>();
        if (profile != null && profile.delimiterChar() != null) {
            delimiters.add(profile.delimiterChar());
        } else {
            for (char d : DELIMITERS) {
                delimiters.add(d);
            }
        }
        for (char delimiter : delimiters) {
            try (Reader reader = open(file, charset); CSVParser parser = CSVParser.parse(reader, csvFormat(delimiter))) {
                AmountUnit noted = null;
                long index = 0;
                for (Iterator<CSVRecord> it = parser.iterator(); it.hasNext() && index < HEADER_SEARCH_RECORDS; index++) {
                    List<String> row = it.next().toList();
                    HeaderMapping columns = HeaderMapping.of(row, aliases);
                    if (columns.missing(DisbursementColumns.REQUIRED).isEmpty()) {
                        AmountUnit unit = unit(profile, row, columns, noted);
                        return Optional.of(new ExportFormat(charset, delimiter, index, columns, unit, profileName));
                    }
                    // Title lines such as 单位：万元 say what the amounts are in.
                    String line = String.join(" ", row);
                    if (line.contains("单位") && line.contains("万元")) {
                        noted = AmountUnit.WAN;
                    } else if (line.contains("单位") && line.contains("元")) {
                        noted = AmountUnit.YUAN;
                    }
                }
            } catch (UncheckedIOException e) {
                // a runaway quoted field under this delimiter: try the next one
            }
        }
        return Optional.empty();
    }

    private static AmountUnit unit(SourceProfile profile, List<String> header, HeaderMapping columns, AmountUnit noted) {
        if (profile != null && profile.amountUnit() != null) {
            return profile.amountUnit();
        }
        AmountUnit fromHeader = columns.index(DisbursementColumns.AMOUNT)
                .map(i -> DisbursementColumns.unitOf(header.get(i))).orElse(null);
        if (fromHeader != null) {
            return fromHeader;
        }
        return noted == null ? AmountUnit.YUAN : noted;
    }

    /**
     * Sums every amount column over the data rows and compares it with the last 合计 / 总计 row.
     * 小计 rows are never counted and not checked (their grouping is the exporter's).
     */
    private ExportInspection checkControlTotal(Path file, ExportInspection.FileFacts facts, ExportFormat format)
            throws IOException {
        List<String> amountFields = new ArrayList<>();
        for (String field : List.of(DisbursementColumns.AMOUNT, DisbursementColumns.CONFIRMED_AMOUNT)) {
            if (format.columns().has(field)) {
                amountFields.add(field);
            }
        }
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        amountFields.forEach(f -> sums.put(f, BigDecimal.ZERO));
        // The same pass finds the pay dates the file covers (InboxReader tells corrections by them).
        List<String> dateFields = new ArrayList<>();
        for (String field : List.of(DisbursementColumns.DATE, DisbursementColumns.CONFIRMED_DATE)) {
            if (format.columns().has(field)) {
                dateFields.add(field);
            }
        }
        PayDateRange payDates = PayDateRange.EMPTY;
        List<String> totalRow = null;
        long totalLine = 0;
        long line = 0;
        ExportRows rows = new ExportRows(format.columns().header());
        try (Reader reader = open(file, format.charset());
                CSVParser parser = CSVParser.parse(reader, csvFormat(format.delimiter()))) {
            long index = 0;
            for (CSVRecord record : parser) {
                long startLine = line + 1;
                line = parser.getCurrentLineNumber();
                if (index++ <= format.headerRecord()) {
                    continue;
                }
                List<String> row = record.toList();
                switch (rows.kind(row)) {
                    case TOTAL -> {
                        totalRow = row;
                        totalLine = startLine;
                    }
                    case DATA -> {
                        for (String field : dateFields) {
                            String cell = format.columns().value(row, field);
                            if (!cell.isEmpty()) {
                                try {
                                    payDates = payDates.including(DisbursementParser.parseDate(cell, field));
                                } catch (RowRejectedException e) {
                                    // rejected on its own later
                                }
                            }
                        }
                        for (String field : amountFields) {
                            String cell = format.columns().value(row, field);
                            if (cell.isEmpty()) {
                                continue;
                            }
                            try {
                                sums.merge(field, DisbursementParser.parseAmount(cell, format.unit(), field).yuan(),
                                        BigDecimal::add);
                            } catch (RowRejectedException e) {
                                // the row is rejected on its own later; the total check below will show the gap
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        if (totalRow == null) {
            return new ExportInspection.Readable(facts, format, "", payDates);
        }
        List<String> checked = new ArrayList<>();
        for (String field : amountFields) {
            String cell = format.columns().value(totalRow, field);
            if (cell.isEmpty()) {
                continue;
            }
            Money stated;
            try {
                stated = DisbursementParser.parseAmount(cell, format.unit(), field);
            } catch (RowRejectedException e) {
                return new ExportInspection.Unreadable(facts, totalLine, "control total row cannot be read: " + e.getMessage());
            }
            Money sum = Money.ofYuan(sums.get(field));
            if (!stated.equals(sum)) {
                return new ExportInspection.Unreadable(facts, totalLine, "control total mismatch: the 合计 row states "
                        + yuan(stated) + " 元 for " + DisbursementColumns.CHINESE_NAMES.get(field)
                        + " but the file's rows add up to " + yuan(sum)
                        + " 元; the whole file was rejected and none of its lines counted");
            }
            checked.add(DisbursementColumns.CHINESE_NAMES.get(field) + " " + yuan(sum) + " 元");
        }
        return new ExportInspection.Readable(facts, format,
                checked.isEmpty() ? "" : "合计 checked: " + String.join(", ", checked), payDates);
    }

    private static String yuan(Money money) {
        return String.format("%,.2f", money.yuan());
    }

    static CSVFormat csvFormat(char delimiter) {
        return CsvFiles.INPUT.builder().setDelimiter(delimiter).get();
    }

    /** Opens a file in an encoding already checked, skipping a BOM. */
    static Reader open(Path file, Charset charset) throws IOException {
        return open(Files.newInputStream(file), charset);
    }

    /** Reads a stream in an encoding already checked, skipping a BOM. */
    static Reader open(InputStream in, Charset charset) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in,
                charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        reader.mark(1);
        if (reader.read() != CsvFiles.BOM) {
            reader.reset();
        }
        return reader;
    }

    /** 1-based line of the first byte sequence not valid in the charset, or 0 when the whole file is. */
    static long firstUndecodableLine(Path file, Charset charset) throws IOException {
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long line = 1;
        try (Reader reader = new InputStreamReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16), decoder)) {
            char[] buffer = new char[1 << 14];
            while (true) {
                int n;
                try {
                    n = reader.read(buffer);
                } catch (CharacterCodingException e) {
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

    /** The SHA-256 of a file's content, hex. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One pass over the raw bytes: identity, and the signs of a file that is no CSV text at all. */
    private ByteScan scanBytes(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteScan scan = new ByteScan();
        long line = 1;
        long lineLength = 0;
        boolean inQuotes = false;
        boolean fieldStart = true;
        long quoteStartLine = 0;
        long quotedLength = 0;
        int position = 0;
        int[] bom = {0xEF, 0xBB, 0xBF};
        boolean bomPossible = true;
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), sha)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    scan.size++;
                    if (bomPossible && position < 3) {
                        bomPossible = b == bom[position];
                        scan.bom = bomPossible && position == 2;
                    }
                    position++;
                    if (scan.problem != null) {
                        continue; // keep hashing
                    }
                    if (b == 0) {
                        scan.fail(line, "file contains NUL bytes: it is binary, not a CSV export");
                    } else if (b == '"' && (inQuotes || fieldStart)) {
                        // Like the CSV parser: a quote opens a quoted field only at the start of a field.
                        inQuotes = !inQuotes;
                        if (inQuotes) {
                            quoteStartLine = line;
                            quotedLength = 0;
                        }
                    } else if (b == '\n') {
                        line++;
                        lineLength = 0;
                        fieldStart = true;
                        continue;
                    }
                    fieldStart = !inQuotes && (b == ',' || b == '\t' || b == ';' || b == '|' || b == '\r');
                    lineLength++;
                    if (inQuotes && ++quotedLength > properties.maxLineBytes()) {
                        scan.fail(quoteStartLine, "a quoted field opened on line " + quoteStartLine
                                + " runs on for more than " + properties.maxLineBytes() + " bytes (unterminated quote?)");
                    } else if (lineLength > properties.maxLineBytes()) {
                        scan.fail(line, "line " + line + " is longer than " + properties.maxLineBytes()
                                + " bytes: not a payment export");
                    }
                }
            }
        }
        scan.sha256 = HexFormat.of().formatHex(sha.digest());
        return scan;
    }

    private static final class ByteScan {
        long size;
        boolean bom;
        String sha256;
        String problem;
        long problemLine;

        void fail(long line, String reason) {
            problem = reason;
            problemLine = line;
        }
    }
}
