package org.budgetmonitor.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.budgetmonitor.money.Money;
import org.budgetmonitor.support.CsvFiles;
import org.budgetmonitor.support.HeaderMapping;
import org.budgetmonitor.support.TextEncoding;

/**
 * Looks at an export before anything of it is ingested, and decides whether it can be read and
 * how: binary or runaway content, the encoding (a file that is not valid in it is refused, never
 * read as mojibake), the delimiter, the header below any title lines, the amount unit, and the
 * control total of a 合计 row. A file that fails any check is rejected whole.
 */
public class ExportInspector {

    static final Charset GB18030 = TextEncoding.GB18030;
    /** Notices listed per file; the rest are counted. */
    public static final int MAX_NOTICES = 100;
    private static final char[] DELIMITERS = {',', '\t', ';', '|'};
    private static final int HEADER_SEARCH_RECORDS = 50;

    private final IngestProperties properties;

    public ExportInspector(IngestProperties properties) {
        this.properties = properties;
    }

    public ExportInspection inspect(Path file) {
        try {
            return doInspect(file);
        } catch (IOException | UncheckedIOException e) {
            // Permission denied, a file gone between listing and reading, a failing disk: this
            // file is rejected, and the night goes on with the others.
            Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
            var facts = new ExportInspection.FileFacts(file.getFileName().toString(), sizeOrZero(file), "");
            return new ExportInspection.Unreadable(facts, 0, RejectReason.FILE_UNREADABLE_NEXT_RUN.text(plain(cause)));
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String plain(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return RejectReason.FILE_GONE.text();
        }
        if (e instanceof AccessDeniedException) {
            return RejectReason.PERMISSION_DENIED.text();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private ExportInspection doInspect(Path file) throws IOException {
        ExportByteScan scan = ExportByteScan.of(file, properties.maxLineBytes());
        var facts = new ExportInspection.FileFacts(file.getFileName().toString(), scan.size, scan.sha256);
        if (scan.problem != null) {
            return new ExportInspection.Unreadable(facts, scan.problemLine, scan.problem);
        }
        SourceProfile profile = properties.profiles().stream().filter(p -> p.matches(file)).findFirst().orElse(null);
        String profileName = profile == null ? "auto" : profile.name();

        Charset charset;
        TextEncoding.Utf8Tally utf8 = scan.utf8;
        if (scan.utf16 != null && (profile == null || profile.charset() == null)) {
            // Its byte-order mark says what it is, and the scan has decoded all of it in that.
            charset = scan.utf16;
        } else if (profile != null && profile.charset() != null) {
            charset = profile.charset();
            CsvFiles.Undecodable undecodable = CsvFiles.undecodable(file, charset);
            if (undecodable != null && undecodable.cutAtEnd()) {
                return new ExportInspection.Unreadable(facts, undecodable.line(),
                        ExportByteScan.cutOff(charset, undecodable.line()));
            }
            long bad = undecodable == null ? 0 : undecodable.line();
            if (bad > 0) {
                return new ExportInspection.Unreadable(facts, bad,
                        RejectReason.NOT_VALID_AS_PROFILE.text(charset.name(), profileName, bad));
            }
        } else {
            // The rule every text input follows (support.TextEncoding); the words are the exports' own.
            TextEncoding.Verdict verdict = TextEncoding.decide(file, utf8, scan.bom);
            if (verdict instanceof TextEncoding.Cut cut) {
                return new ExportInspection.Unreadable(facts, cut.line(), ExportByteScan.cutOff(cut.charset(), cut.line()));
            }
            if (verdict instanceof TextEncoding.BadAfterBom) {
                return new ExportInspection.Unreadable(facts, utf8.firstBadLine(),
                        RejectReason.BAD_UTF8_AFTER_BOM.text(utf8.firstBadLine()));
            }
            if (verdict instanceof TextEncoding.Mixed) {
                return mixed(facts, utf8);
            }
            if (verdict instanceof TextEncoding.Neither neither) {
                return new ExportInspection.Unreadable(facts, utf8.firstBadLine(),
                        RejectReason.NEITHER_UTF8_NOR_GB.text(utf8.firstBadLine(), neither.gbLine()));
            }
            if (verdict instanceof TextEncoding.Other other) {
                return new ExportInspection.Unreadable(facts, utf8.firstBadLine(),
                        RejectReason.READS_AS_OTHER.text(other.detected(), utf8.firstBadLine()));
            }
            charset = ((TextEncoding.Decided) verdict).charset();
        }

        Map<String, List<String>> aliases = aliases(profile);
        HeaderSearch search = findHeader(file, charset, profile, aliases, profileName, scan.quotes > 0);
        if (search.format().isEmpty()) {
            if (search.problem() != null) {
                return new ExportInspection.Unreadable(facts, search.problem().line(), search.problem().reason());
            }
            if (search.noText()) {
                // Exporters leave such files when they fail or have not written yet: no "is it an export?".
                return new ExportInspection.Unreadable(facts, 1, facts.size() == 0 ? RejectReason.FILE_EMPTY.text()
                        : RejectReason.FILE_NO_TEXT.text(facts.size()));
            }
            String required = DisbursementColumns.describe(DisbursementColumns.REQUIRED);
            return new ExportInspection.Unreadable(facts, 1, profile == null
                    ? RejectReason.NO_HEADER.text(required, HEADER_SEARCH_RECORDS, charset.name())
                    : RejectReason.NO_HEADER_IN_PROFILE.text(required, HEADER_SEARCH_RECORDS, charset.name(), profileName));
        }
        // A system known to write no line break after its last line leaves every file so.
        boolean mayBeCut = scan.endsMidLine && (profile == null || profile.finalLineBreak());
        return checkControlTotal(file, facts, search.format().get(), scan.quotes > 0, aliases, mayBeCut);
    }

    private static ExportInspection.Unreadable mixed(ExportInspection.FileFacts facts, TextEncoding.Utf8Tally utf8) {
        return new ExportInspection.Unreadable(facts, utf8.firstBadLine(), RejectReason.MIXED_ENCODINGS.text(
                utf8.wellFormed(), utf8.illFormed(), utf8.illFormed() == 1 ? "sequence" : "sequences", utf8.firstBadLine()));
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

    /** A CSV syntax problem: where, and what, in words for the officer. */
    record Problem(long line, String reason) {
    }

    /** The header's layout when found; else the syntax problem that cut the search short, if any. */
    record HeaderSearch(Optional<ExportFormat> format, Problem problem, boolean noText) {
    }

    /** Tries each delimiter on the first records and takes the first that yields a complete header. */
    private HeaderSearch findHeader(Path file, Charset charset, SourceProfile profile,
            Map<String, List<String>> aliases, String profileName, boolean hasQuotes) throws IOException {
        List<Character> delimiters = new ArrayList<>();
        if (profile != null && profile.delimiterChar() != null) {
            delimiters.add(profile.delimiterChar());
        } else {
            for (char d : DELIMITERS) {
                delimiters.add(d);
            }
        }
        Problem firstProblem = null;
        // Whether the whole file was read and held nothing but blank lines (whatever the delimiter).
        boolean noText = true;
        for (char delimiter : delimiters) {
            long line = 0;
            try (Reader reader = reader(file, charset, delimiter, hasQuotes);
                    CSVParser parser = CSVParser.parse(reader, ExportFiles.csvFormat(delimiter))) {
                AmountUnit noted = null;
                long index = 0;
                Iterator<CSVRecord> it = parser.iterator();
                for (; it.hasNext() && index < HEADER_SEARCH_RECORDS; index++) {
                    List<String> row = it.next().toList();
                    if (noText && row.stream().anyMatch(cell -> !cell.isBlank())) {
                        noText = false;
                    }
                    line = parser.getCurrentLineNumber();
                    HeaderMapping columns = HeaderMapping.of(row, aliases);
                    if (columns.missing(DisbursementColumns.REQUIRED).isEmpty()) {
                        AmountUnit unit = unit(profile, row, columns, noted);
                        return new HeaderSearch(Optional.of(new ExportFormat(charset, delimiter, index, columns, unit,
                                profileName)), null, false);
                    }
                    // Title lines such as 单位：万元 say what the amounts are in.
                    AmountUnit note = unitNote(String.join(" ", row));
                    if (note != null) {
                        noted = note;
                    }
                }
                if (it.hasNext()) {
                    noText = false; // more than the records searched
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                // Unreadable under this delimiter: try the next one, and tell this if none finds a header.
                if (firstProblem == null) {
                    firstProblem = syntaxProblem(e, line + 1);
                }
                noText = false;
            }
        }
        return new HeaderSearch(Optional.empty(), firstProblem, noText);
    }

    /**
     * What stopped the CSV parser, as a problem on a line; a real I/O error is thrown on, since it
     * says nothing about the file's syntax.
     */
    private static Problem syntaxProblem(RuntimeException e, long stoppedAt) throws IOException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof QuoteCheckingReader.SyntaxError syntax) {
                return new Problem(syntax.line(), syntax.getMessage());
            }
            if (t instanceof CharacterCodingException) {
                return new Problem(stoppedAt, RejectReason.BAD_BYTES_ON_LINE.text(stoppedAt));
            }
            if (t instanceof CSVException csv) {
                return new Problem(stoppedAt, RejectReason.CSV_SYNTAX.text(stoppedAt, csv.getMessage()));
            }
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null && !(u.getCause() instanceof CSVException)) {
            throw u.getCause();
        }
        return new Problem(stoppedAt, RejectReason.CSV_STOPPED.text(stoppedAt, e.getMessage()));
    }

    /**
     * A unit note is 单位 with the unit right after it, a colon or bracket between them allowed (单位：万元,
     * 金额单位:元, （单位：人民币万元）), the unit a word of its own. The two words apart prove nothing: in a title
     * 大额支付明细（单笔5万元以上） 万元 is a threshold, and in 预算单位：元氏县教育局 元 begins a county's name.
     */
    private static final Pattern UNIT_NOTE = Pattern.compile("单位\\s*[:(]?\\s*(?:人民币)?\\s*(万元|元)(?!\\p{IsHan})");

    /** The unit a title or note line states, or null. */
    static AmountUnit unitNote(String line) {
        Matcher m = UNIT_NOTE.matcher(Normalizer.normalize(line, Normalizer.Form.NFKC));
        if (!m.find()) {
            return null;
        }
        return m.group(1).equals("万元") ? AmountUnit.WAN : AmountUnit.YUAN;
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
     * 小计 rows are never counted and not checked (their grouping is the exporter's). This pass
     * reads the whole file as the ingest will, so it is also where CSV syntax problems and stray
     * quotes are found. When the file may have been cut off in its last line ({@code mayBeCut}), a
     * data line there is not read as a payment (nor its date taken for the file's), and a 合计 row there
     * that disagrees is said to be possibly cut short.
     */
    private ExportInspection checkControlTotal(Path file, ExportInspection.FileFacts facts, ExportFormat format,
            boolean hasQuotes, Map<String, List<String>> aliases, boolean mayBeCut) throws IOException {
        List<String> amountFields = new ArrayList<>();
        for (String field : List.of(DisbursementColumns.AMOUNT, DisbursementColumns.CONFIRMED_AMOUNT)) {
            if (format.columns().has(field)) {
                amountFields.add(field);
            }
        }
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        amountFields.forEach(f -> sums.put(f, BigDecimal.ZERO));
        // The lines each sum leaves out, with their reasons (the first few): a mismatch names them.
        Map<String, List<String>> unread = new LinkedHashMap<>();
        amountFields.forEach(f -> unread.put(f, new ArrayList<>()));
        // The same pass finds the pay dates the file covers (InboxReader tells corrections by them).
        List<String> dateFields = new ArrayList<>();
        for (String field : List.of(DisbursementColumns.DATE, DisbursementColumns.CONFIRMED_DATE)) {
            if (format.columns().has(field)) {
                dateFields.add(field);
            }
        }
        PayDateRange payDates = PayDateRange.EMPTY;
        PayDateRange beforeLastRow = payDates;
        ExportRows.Kind lastKind = null;
        List<String> totalRow = null;
        long totalLine = 0;
        long line = 0;
        ExportRows rows = new ExportRows(format.columns().header());
        List<ExportInspection.Notice> notices = new ArrayList<>();
        long unlisted = 0;
        boolean lenient = false;
        try (Reader reader = reader(file, format.charset(), format.delimiter(), hasQuotes);
                CSVParser parser = CSVParser.parse(reader, ExportFiles.csvFormat(format.delimiter()))) {
            QuoteCheckingReader quotes = reader instanceof QuoteCheckingReader q ? q : null;
            int noticed = 0;
            long index = 0;
            for (CSVRecord record : parser) {
                long startLine = line + 1;
                line = parser.getCurrentLineNumber();
                List<String> row = record.toList();
                // The checking reader runs ahead of the parser: its stray quotes up to this record's end are this record's.
                while (quotes != null && noticed < quotes.strayQuotes().size()
                        && quotes.strayQuotes().get(noticed).line() <= line) {
                    QuoteCheckingReader.StrayQuote stray = quotes.strayQuotes().get(noticed++);
                    if (notices.size() < MAX_NOTICES) {
                        notices.add(new ExportInspection.Notice(stray.line(), strayQuoteNotice(stray, row, format)));
                    } else {
                        unlisted++;
                    }
                }
                if (index++ <= format.headerRecord()) {
                    continue;
                }
                row = ExportRows.cells(row);
                ExportRows.Kind kind = rows.kind(row);
                lastKind = kind;
                beforeLastRow = payDates;
                boolean dated = false;
                if (kind == ExportRows.Kind.DATA) {
                    for (String field : dateFields) {
                        String cell = format.columns().value(row, field);
                        if (!cell.isEmpty()) {
                            try {
                                payDates = payDates.including(DisbursementParser.parseDate(cell, field));
                                dated = true;
                            } catch (RowRejectedException e) {
                                // rejected on its own later
                            }
                        }
                    }
                }
                // A header of another layout is data to ExportRows; it has no date, so only then is it looked for.
                if (kind == ExportRows.Kind.REPEATED_HEADER || (kind == ExportRows.Kind.DATA && !dated)) {
                    String otherHeader = otherHeader(row, format, aliases);
                    if (otherHeader != null) {
                        return new ExportInspection.Unreadable(facts, startLine,
                                RejectReason.JOINED_EXPORTS.text(startLine, otherHeader));
                    }
                }
                switch (kind) {
                    case TOTAL -> {
                        totalRow = row;
                        totalLine = startLine;
                    }
                    case DATA -> {
                        for (String field : amountFields) {
                            String cell = format.columns().value(row, field);
                            if (cell.isEmpty()) {
                                continue;
                            }
                            try {
                                sums.merge(field, DisbursementParser.parseAmount(cell, format.unit(),
                                        DisbursementColumns.label(field)).yuan(), BigDecimal::add);
                            } catch (RowRejectedException e) {
                                // the row is rejected on its own later; the total check below will show the gap
                                unread.get(field).add("line " + startLine + ", " + e.getMessage());
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
            lenient = quotes != null && quotes.anyRewritten();
        } catch (UncheckedIOException | IllegalStateException e) {
            Problem problem = syntaxProblem(e, line + 1);
            return new ExportInspection.Unreadable(facts, problem.line(), RejectReason.WHOLE_FILE.text(problem.reason()));
        }
        if (unlisted > 0) {
            notices.add(new ExportInspection.Notice(0, unlisted + " more stray quotes taken as text, not listed"));
        }
        if (lenient) {
            format = format.withLenientQuotes();
        }
        boolean cutTotal = false;
        if (mayBeCut && lastKind == ExportRows.Kind.DATA) {
            format = format.endingMidLine();
            payDates = beforeLastRow;
        } else if (mayBeCut && lastKind == ExportRows.Kind.TOTAL) {
            cutTotal = true; // the 合计 row, written after every line: if it agrees, none of them was cut
        }
        if (totalRow == null) {
            return new ExportInspection.Readable(facts, format, "", notices, payDates);
        }
        List<String> checked = new ArrayList<>();
        for (String field : amountFields) {
            String cell = format.columns().value(totalRow, field);
            if (cell.isEmpty()) {
                continue;
            }
            Money stated;
            try {
                stated = DisbursementParser.parseAmount(cell, format.unit(), DisbursementColumns.label(field));
            } catch (RowRejectedException e) {
                return new ExportInspection.Unreadable(facts, totalLine, cutTotal
                        ? RejectReason.CONTROL_TOTAL_CUT_OFF.text(totalLine, DisbursementColumns.CHINESE_NAMES.get(field),
                                cell, yuan(Money.ofYuan(sums.get(field))))
                        : RejectReason.CONTROL_TOTAL_UNREADABLE.text(e.getMessage()));
            }
            Money sum = Money.ofYuan(sums.get(field));
            if (!stated.equals(sum)) {
                String name = DisbursementColumns.CHINESE_NAMES.get(field);
                List<String> unreadLines = unread.get(field);
                return new ExportInspection.Unreadable(facts, totalLine, cutTotal
                        ? RejectReason.CONTROL_TOTAL_CUT_OFF.text(totalLine, name, cell, yuan(sum))
                        : unreadLines.isEmpty() ? RejectReason.CONTROL_TOTAL_MISMATCH.text(yuan(stated), name, yuan(sum))
                        : RejectReason.CONTROL_TOTAL_MISMATCH_LEFT_OUT.text(yuan(stated), name, yuan(sum),
                                unreadLines.size(), leftOut(unreadLines)));
            }
            checked.add(DisbursementColumns.CHINESE_NAMES.get(field) + " " + yuan(sum) + " 元");
        }
        return new ExportInspection.Readable(facts, format,
                checked.isEmpty() ? "" : "合计 checked: " + String.join(", ", checked), notices, payDates);
    }

    /**
     * How a row that names every required field, below the file's header, differs from it: its columns
     * in another order, or its amounts in another unit; null when it is no header, or one that reads
     * its lines as the file's header does.
     */
    private static String otherHeader(List<String> row, ExportFormat format, Map<String, List<String>> aliases) {
        HeaderMapping other = HeaderMapping.of(row, aliases);
        if (!other.missing(DisbursementColumns.REQUIRED).isEmpty()) {
            return null;
        }
        for (String field : aliases.keySet()) {
            if (!other.index(field).equals(format.columns().index(field))) {
                return RejectReason.OTHER_COLUMN_ORDER.text();
            }
        }
        AmountUnit stated = statedUnit(row, other);
        if (!Objects.equals(stated, statedUnit(format.columns().header(), format.columns()))) {
            return RejectReason.OTHER_AMOUNT_UNIT.text();
        }
        return null;
    }

    private static AmountUnit statedUnit(List<String> header, HeaderMapping columns) {
        return columns.index(DisbursementColumns.AMOUNT).map(i -> DisbursementColumns.unitOf(header.get(i))).orElse(null);
    }

    private static String strayQuoteNotice(QuoteCheckingReader.StrayQuote stray, List<String> row, ExportFormat format) {
        int i = stray.field() - 1;
        List<String> header = format.columns().header();
        String name = i < header.size() && !header.get(i).isBlank() ? " (" + header.get(i).strip() + ")" : "";
        String text = i < row.size() ? ": " + row.get(i) : "";
        return "stray quote in field " + stray.field() + name + " taken as text" + text;
    }

    private static final int LEFT_OUT_LISTED = 3;

    /** The first few of the lines a sum left out, each with its reason. */
    private static String leftOut(List<String> lines) {
        return String.join("; ", lines.subList(0, Math.min(LEFT_OUT_LISTED, lines.size())))
                + (lines.size() > LEFT_OUT_LISTED ? "; …" : "");
    }

    private static String yuan(Money money) {
        return String.format("%,.2f", money.yuan());
    }

    /** The inspection's reader: quote-checked unless the file holds no quote at all. */
    private Reader reader(Path file, Charset charset, char delimiter, boolean hasQuotes) throws IOException {
        Reader reader = ExportFiles.open(file, charset);
        return hasQuotes ? new QuoteCheckingReader(reader, delimiter, properties.maxLineBytes()) : reader;
    }
}
