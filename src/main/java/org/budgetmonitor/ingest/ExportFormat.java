package org.budgetmonitor.ingest;

import java.nio.charset.Charset;

import org.budgetmonitor.support.HeaderMapping;

/**
 * How one export file is laid out, as found by {@link ExportInspector}: its encoding, delimiter,
 * where its header is, which column holds which field, and the unit of its amounts.
 *
 * @param headerRecord the 0-based index of the header among the file's CSV records
 * @param profile the source profile that matched the file, or "auto"
 * @param lenientQuotes some field opens with a quote and has text after its closing quote; it is
 *     read as text, and only through {@link ExportInspector#open(java.nio.file.Path, ExportFormat)},
 *     which every reader of the file must use so that it yields the same text each time
 * @param endsMidLine the file's last line is a data line without the line break every other line
 *     has (and its system is not known to write none): it may be cut short, and is not read as a payment
 */
public record ExportFormat(
        Charset charset,
        char delimiter,
        long headerRecord,
        HeaderMapping columns,
        AmountUnit unit,
        String profile,
        boolean lenientQuotes,
        boolean endsMidLine) {

    public ExportFormat(Charset charset, char delimiter, long headerRecord, HeaderMapping columns, AmountUnit unit,
            String profile) {
        this(charset, delimiter, headerRecord, columns, unit, profile, false, false);
    }

    ExportFormat withLenientQuotes() {
        return new ExportFormat(charset, delimiter, headerRecord, columns, unit, profile, true, endsMidLine);
    }

    ExportFormat endingMidLine() {
        return new ExportFormat(charset, delimiter, headerRecord, columns, unit, profile, lenientQuotes, true);
    }

    public boolean hasConfirmation() {
        return columns.has(DisbursementColumns.CONFIRMED_AMOUNT) || columns.has(DisbursementColumns.CONFIRMED_DATE);
    }

    public String describe() {
        return charset.name() + ", " + (delimiter == '\t' ? "tab" : "'" + delimiter + "'") + "-separated, amounts in "
                + (unit == AmountUnit.WAN ? "万元" : "元") + ", profile " + profile;
    }
}
