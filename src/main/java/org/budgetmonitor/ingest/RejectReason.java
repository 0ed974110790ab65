package org.budgetmonitor.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every reason a payment line or an export file is rejected for, in the words stored with the rejection
 * and written to {@code rejected-<as-of>.csv}. The words are English and stay as they are (the CSV and the
 * stored rows are compared from night to night); a document in another language finds the reason and its
 * values again from the words ({@link #parse}) and says it in its own ({@code report/rejects_*.properties},
 * a text for every constant). A reason is made only from here: a new one is a new constant, and a document
 * without words for it fails its test.
 *
 * <p>Templates hold {@code {0}}, {@code {1}}… for the values, put in as they are (no number formatting, no
 * quoting rules). A value may itself be a reason ("cannot read file: permission denied"); the words around
 * another reason ({@code "{0}: {1}"}) say which value must be one, or they would match any words with a
 * colon. The order is the order {@link #parse} tries them in: a template comes after the ones it could
 * also match.
 */
public enum RejectReason {

    // A line of an export (DisbursementParser)
    FIELD_TOO_LONG("{0} is {1} characters long; at most {2} can be stored"),
    DATE_DOES_NOT_EXIST("{0} '{1}' does not exist"),
    NOT_A_DATE("{0} '{1}' is not a date (2026-03-31, 2026/3/31, 2026年3月31日 or 20260331)"),
    AMOUNT_ABOVE_BOUND("{0} '{1}' is {2} 元, more than the {3} 元 a payment line may hold (monitor.ingest.max-amount-yuan)"),
    AMOUNT_IN_OTHER_UNIT("{0} '{1}' says {2}, but the file's amounts are in {3}: which is meant cannot be told"),
    AMOUNT_NOT_WHOLE_FEN("{0} '{1}' is not a whole number of 分"),
    VALUES_BEYOND_HEADER("the line has {0} values but the header names {1} columns: a comma inside a value that is"
            + " not quoted (an amount like 1,234.56, say) would move every value after it; the line is not read"),
    /** Amounts.parse's words, inside {@link #AMOUNT_UNREADABLE}. */
    AMOUNT_TEXT_EMPTY("amount is empty"),
    /** Amounts.parse's words, inside {@link #AMOUNT_UNREADABLE}. */
    NOT_A_NUMBER("'{0}' is not a number"),
    /** Amounts.parse's words, inside {@link #AMOUNT_UNREADABLE}: {1} "two" (or how many), {2} the signs, {3} and {4} its digits. */
    AMOUNT_TWO_SIGNS("'{0}' has {1} signs ({2}): whether it means -{3} or {4} cannot be told"),
    LAST_LINE_CUT_OFF("the file ends in the middle of line {0}, " + Words.NO_LINE_BREAK
            + "; the line is not counted, the file's other lines are, and a complete export of it is read as usual"),
    FIELD_EMPTY("{0} is empty"),

    // A refund (RefundResolver)
    REFUND_ORIGINAL_UNKNOWN("refund of voucher {0}: the original voucher is unknown and the refund names no 项目编码"
            + " (project_code); it is counted, and this line taken off the rejections, once a payment of that voucher"
            + " is stored"),
    PARTIAL_REFUND_UNPLACEABLE("refund of {0} 元 against voucher {1}, which spans projects {2} totalling {3} 元:"
            + " a partial refund must name its 项目编码 (project_code)"),

    // A file (ExportInspector, ExportByteScan, QuoteCheckingReader, InboxReader, ExportFileReader)
    FILE_UNREADABLE_NEXT_RUN("cannot read file: {0}; nothing of it was counted, and it is read again by the next run"),
    FILE_UNREADABLE("cannot read file: {0}; the whole file was rejected and none of its lines counted"),
    FILE_GONE("it no longer exists (removed while the run was reading it?)"),
    PERMISSION_DENIED("permission denied"),
    NOT_VALID_AS_PROFILE("file is not valid {0} as profile '{1}' says (first bad byte on line {2}); the whole file"
            + " was rejected and none of its lines counted"),
    BAD_UTF8_AFTER_BOM("file starts with a UTF-8 byte-order mark but is not valid UTF-8 (first bad byte on line {0});"
            + " the whole file was rejected and none of its lines counted"),
    NEITHER_UTF8_NOR_GB("file is neither UTF-8 (first bad byte on line {0}) nor GB18030/GBK (first bad byte on line"
            + " {1}); the whole file was rejected and none of its lines counted"),
    READS_AS_OTHER("file is not UTF-8, and though it decodes as GB18030 it reads as {0} text (first non-UTF-8 byte on"
            + " line {1}): refused rather than read as mojibake; if it is GBK, say so in its source profile. The whole"
            + " file was rejected and none of its lines counted"),
    MIXED_ENCODINGS("file mixes encodings: it holds UTF-8 text ({0} multi-byte characters) and {1} byte {2} that are"
            + " not UTF-8, the first on line {3}; read in either encoding part of it would be garbled (and its payments"
            + " counted again under new names). The whole file was rejected and none of its lines counted"),
    FILE_EMPTY("file is empty (0 bytes): an export not written, or not yet? It is read again when it is next in the"
            + " inbox"),
    FILE_NO_TEXT("file holds no text ({0} bytes: blank lines or a byte-order mark only): an export not written, or"
            + " not yet? It is read again when it is next in the inbox"),
    NO_HEADER_IN_PROFILE("no header row naming {0} in the first {1} lines (read as {2}, profile '{3}'); is it a"
            + " payment export, and in that encoding?"),
    NO_HEADER("no header row naming {0} in the first {1} lines (read as {2}); is it a payment export, and in that"
            + " encoding?"),
    NUL_BYTES("file contains NUL bytes: it is binary, not a CSV export"),
    NUL_CHARACTERS("file contains NUL characters: it is binary, not a CSV export"),
    LINE_TOO_LONG("line {0} is longer than {1} bytes: not a payment export"),
    CUT_OFF("file ends in the middle of a {0} character on line {1}: it was cut off (a copy or an export not"
            + " finished?); the whole file was rejected and none of its lines counted"),
    BAD_AFTER_BOM("file starts with a {0} byte-order mark but is not valid {1} (first bad character on line {2})"),
    BAD_BYTES_ON_LINE("a byte sequence on line {0} is not valid in the file's encoding"),
    CSV_SYNTAX("CSV syntax error on line {0}: {1}"),
    CSV_STOPPED("the CSV parser stopped on line {0}: {1}"),
    QUOTED_FIELD_TOO_LONG("a quoted field opened on line {0} runs on for more than {1} characters (unterminated"
            + " quote?)"),
    FIELD_RUNS_ON("field {0} on line {1} runs on for more than {2} characters"),
    AMBIGUOUS_QUOTE("field {0} on line {1} opens with a quote but {2}: cannot tell where the field ends (a quote in"
            + " the text not doubled?)"),
    /** Inside {@link #AMBIGUOUS_QUOTE}. */
    QUOTE_AFTER_TAIL("holds a further quote after the text that follows its closing quote"),
    /** Inside {@link #AMBIGUOUS_QUOTE}. */
    TEXT_AFTER_QUOTE_LATER("has text after a closing quote on a later line"),
    /** Inside {@link #AMBIGUOUS_QUOTE}. */
    TEXT_AFTER_QUOTE_DELIMITER("has text after a closing quote and a delimiter inside the quotes"),
    QUOTE_NEVER_CLOSED("a quote opened on line {0} is never closed (the rest of the file would be one field)"),
    QUOTE_NEVER_CLOSED_CUT_OFF("a quote opened on line {0} is never closed and the file ends in the middle of a line, "
            + Words.NO_LINE_BREAK),
    JOINED_EXPORTS("line {0} is a header {1} (two exports joined into one file?): read by the file's header its"
            + " lines would be stored in the wrong fields or units; the whole file was rejected and none of its lines"
            + " counted"),
    /** Inside {@link #JOINED_EXPORTS}. */
    OTHER_COLUMN_ORDER("with its columns in another order than the file's header"),
    /** Inside {@link #JOINED_EXPORTS}. */
    OTHER_AMOUNT_UNIT("with its amounts in another unit than the file's header"),
    CONTROL_TOTAL_CUT_OFF("the 合计 row on line {0} ends the file in the middle of the row, " + Words.NO_LINE_BREAK
            + ": its {1} reads '{2}' where the file's rows add up to {3} 元; the whole file was rejected and none of its"
            + " lines counted"),
    CONTROL_TOTAL_UNREADABLE("control total row cannot be read: {0}"),
    CONTROL_TOTAL_MISMATCH_LEFT_OUT("control total mismatch: the 合计 row states {0} 元 for {1} but the file's rows"
            + " add up to {2} 元, without the {3} line(s) whose amount cannot be read ({4}); the whole file was rejected"
            + " and none of its lines counted"),
    CONTROL_TOTAL_MISMATCH("control total mismatch: the 合计 row states {0} 元 for {1} but the file's rows add up to"
            + " {2} 元; the whole file was rejected and none of its lines counted"),
    FILE_CHANGED("file changed while it was being read"),
    CANNOT_READ_ON("cannot read the file on from line {0}: {1}"),

    // Words around another reason: tried last
    FILE_ABANDONED("{0}; the whole file was rejected and none of its lines counted (it is read again when it is next"
            + " in the inbox)", 0),
    WHOLE_FILE("{0}; the whole file was rejected and none of its lines counted", 0),
    AMOUNT_UNREADABLE("{0}: {1}", 1);

    /** Words several templates share; in a class of its own, which the constants may read. */
    private static final class Words {
        /** Of a file whose last line has no line break: it may have been cut off. */
        static final String NO_LINE_BREAK = "with no line break after it as every other line has: the export may"
                + " have been cut off (a copy or an export not finished?)";
    }

    /** Where a template's values go; in a class of its own, which an enum's constructor may read. */
    private static final class Values {
        static final Pattern VALUE = Pattern.compile("\\{(\\d)}");
    }

    private final String template;
    private final Pattern pattern;
    private final List<Integer> order;
    private final int[] reasonValues;

    /** @param reasonValues the values that are themselves a reason */
    RejectReason(String template, int... reasonValues) {
        this.template = template;
        this.reasonValues = reasonValues;
        StringBuilder regex = new StringBuilder("^");
        List<Integer> values = new ArrayList<>();
        Matcher m = Values.VALUE.matcher(template);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(at, m.start()))).append("(.*?)");
            values.add(Integer.parseInt(m.group(1)));
            at = m.end();
        }
        regex.append(Pattern.quote(template.substring(at))).append('$');
        this.pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
        this.order = List.copyOf(values);
    }

    /** The English words with {@code {0}}, {@code {1}}… where the values go. */
    public String template() {
        return template;
    }

    /** The stored words of this reason with these values. */
    public String text(Object... values) {
        StringBuilder s = new StringBuilder();
        Matcher m = Values.VALUE.matcher(template);
        int at = 0;
        while (m.find()) {
            s.append(template, at, m.start()).append(values[Integer.parseInt(m.group(1))]);
            at = m.end();
        }
        return s.append(template.substring(at)).toString();
    }

    /** A stored reason read back: which one, and its values in template order ({@code {0}} first). */
    public record Stated(RejectReason reason, List<String> values) {
    }

    /**
     * The reason the words were made of, with their values; empty for words no constant makes (a reason
     * stored by an earlier version in other words).
     */
    public static Optional<Stated> parse(String words) {
        if (words == null) {
            return Optional.empty();
        }
        for (RejectReason reason : values()) {
            Matcher m = reason.pattern.matcher(words);
            if (m.matches()) {
                String[] values = new String[reason.order.size()];
                for (int g = 0; g < reason.order.size(); g++) {
                    values[reason.order.get(g)] = m.group(g + 1);
                }
                if (java.util.Arrays.stream(reason.reasonValues).allMatch(v -> parse(values[v]).isPresent())) {
                    return Optional.of(new Stated(reason, List.of(values)));
                }
            }
        }
        return Optional.empty();
    }
}
