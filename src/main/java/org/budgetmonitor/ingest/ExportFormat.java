package org.budgetmonitor.ingest;

import java.nio.charset.Charset;

import org.budgetmonitor.support.HeaderMapping;

/**
 * How one export file is laid out, as found by {@link ExportInspector}: its encoding, delimiter,
 * where its header is, which column holds which field, and the unit of its amounts.
 *
 * @param headerRecord the 0-based index of the header among the file's CSV records
 * @param profile the source profile that matched the file, or "auto"
 */
public record ExportFormat(
        Charset charset,
        char delimiter,
        long headerRecord,
        HeaderMapping columns,
        AmountUnit unit,
        String profile) {

    public boolean hasConfirmation() {
        return columns.has(DisbursementColumns.CONFIRMED_AMOUNT) || columns.has(DisbursementColumns.CONFIRMED_DATE);
    }

    public String describe() {
        return charset.name() + ", " + (delimiter == '\t' ? "tab" : "'" + delimiter + "'") + "-separated, amounts in "
                + (unit == AmountUnit.WAN ? "万元" : "元") + ", profile " + profile;
    }
}
