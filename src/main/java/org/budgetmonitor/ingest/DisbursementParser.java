package org.budgetmonitor.ingest;

import static org.budgetmonitor.ingest.DisbursementColumns.AMOUNT;
import static org.budgetmonitor.ingest.DisbursementColumns.CONFIRMED_AMOUNT;
import static org.budgetmonitor.ingest.DisbursementColumns.CONFIRMED_DATE;
import static org.budgetmonitor.ingest.DisbursementColumns.DATE;
import static org.budgetmonitor.ingest.DisbursementColumns.FUNDING_SOURCE;
import static org.budgetmonitor.ingest.DisbursementColumns.KIND;
import static org.budgetmonitor.ingest.DisbursementColumns.ORIGINAL_VOUCHER_NO;
import static org.budgetmonitor.ingest.DisbursementColumns.PAYEE;
import static org.budgetmonitor.ingest.DisbursementColumns.PAYMENT_ID;
import static org.budgetmonitor.ingest.DisbursementColumns.PROJECT_CODE;
import static org.budgetmonitor.ingest.DisbursementColumns.SUMMARY;
import static org.budgetmonitor.ingest.DisbursementColumns.VOUCHER_NO;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.budgetmonitor.money.Amounts;
import org.budgetmonitor.money.Money;
import org.budgetmonitor.support.HeaderMapping;
import org.budgetmonitor.support.ProjectCode;

/** Turns one data row of a payment export into a {@link ParsedRow}, or says why it cannot. */
public class DisbursementParser {

    private static final Pattern SEPARATED_DATE =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(\\s+\\d{1,2}:\\d{2}(:\\d{2})?)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    /** Words that mark a line as a reversal: it reduces the actual whatever the sign it was exported with. */
    private static final Pattern REVERSAL_MARK = Pattern.compile("退回|冲销|红字|冲红");

    // No budget payment is larger than this (元, absolute): a bigger figure is a corrupt or mistyped
    // line, and stored it would dwarf every real figure of its project.
    private final BigDecimal maxAmountYuan;

    /** With the default bound, {@link IngestProperties#DEFAULT_MAX_AMOUNT_YUAN}. */
    public DisbursementParser() {
        this(IngestProperties.DEFAULT_MAX_AMOUNT_YUAN);
    }

    public DisbursementParser(BigDecimal maxAmountYuan) {
        this.maxAmountYuan = maxAmountYuan;
    }

    public ParsedRow parse(ExportFormat format, List<String> row) {
        HeaderMapping columns = format.columns();
        checkNoValueBeyondHeader(columns.header().size(), row);
        // Matched with the plan, and part of the payment's identity, in its one normal form.
        String projectCode = ProjectCode.normalise(columns.value(row, PROJECT_CODE));
        // Text fields in the form they are identified in (DedupeKey.text): CRLF, LF and CR exports are the same payments.
        String voucher = DedupeKey.text(requireValue(columns, row, VOUCHER_NO));
        String originalVoucher = DedupeKey.text(columns.value(row, ORIGINAL_VOUCHER_NO));
        if (projectCode.isEmpty() && originalVoucher.isEmpty()) {
            throw new RowRejectedException(RejectReason.FIELD_EMPTY, "项目编码 (project_code)");
        }
        String payee = DedupeKey.text(columns.value(row, PAYEE));
        String summary = DedupeKey.text(columns.value(row, SUMMARY));

        if (format.hasConfirmation()) {
            String confirmedDate = columns.value(row, CONFIRMED_DATE);
            String confirmedAmount = columns.value(row, CONFIRMED_AMOUNT);
            if (confirmedDate.isEmpty() && confirmedAmount.isEmpty()) {
                checkWidth(PROJECT_CODE, projectCode);
                checkWidth(VOUCHER_NO, voucher);
                checkWidth(PAYEE, payee);
                checkWidth(SUMMARY, summary);
                return new ParsedRow.Pending(parseDate(columns.value(row, DATE), "支付日期 (date)"), projectCode,
                        bounded(columns.value(row, AMOUNT), format.unit(), "金额 (amount)"), voucher, payee, summary);
            }
            // The requested amount of a confirmed line is not counted, but an absurd one means the
            // line is corrupt: refuse it rather than trust its other cells.
            String requested = columns.value(row, AMOUNT);
            if (!requested.isEmpty()) {
                Money requestedAmount = null;
                try {
                    requestedAmount = parseAmount(requested, format.unit(), "金额 (amount)");
                } catch (RowRejectedException unreadable) {
                    // not used, and never a reason to refuse the line
                }
                if (requestedAmount != null) {
                    checkBound(requestedAmount, requested, "金额 (amount)");
                }
            }
        }
        LocalDate date = format.columns().has(CONFIRMED_DATE)
                ? parseDate(columns.value(row, CONFIRMED_DATE), "实际支付日期 (confirmed_date)")
                : parseDate(columns.value(row, DATE), "支付日期 (date)");
        Money amount = format.columns().has(CONFIRMED_AMOUNT)
                ? bounded(columns.value(row, CONFIRMED_AMOUNT), format.unit(), "实际支付金额 (confirmed_amount)")
                : bounded(columns.value(row, AMOUNT), format.unit(), "金额 (amount)");
        boolean reversal = !originalVoucher.isEmpty()
                || REVERSAL_MARK.matcher(columns.value(row, KIND)).find()
                || REVERSAL_MARK.matcher(summary).find();
        if (reversal && amount.isPositive()) {
            amount = Money.ofYuan(amount.yuan().negate());
        }
        String fundingSource = DedupeKey.text(columns.value(row, FUNDING_SOURCE));
        String paymentId = DedupeKey.text(columns.value(row, PAYMENT_ID));
        checkWidth(PROJECT_CODE, projectCode);
        checkWidth(VOUCHER_NO, voucher);
        checkWidth(ORIGINAL_VOUCHER_NO, originalVoucher);
        checkWidth(PAYEE, payee);
        checkWidth(SUMMARY, summary);
        checkWidth(FUNDING_SOURCE, fundingSource);
        checkWidth(PAYMENT_ID, paymentId);
        return new ParsedRow.Payment(new Disbursement(date, projectCode, amount, voucher, payee, summary,
                fundingSource, paymentId, originalVoucher));
    }

    // The widths of the stored columns (V2__budget_schema.sql): a longer value is refused here, as
    // the line's own rejection, rather than failing the insert of a whole chunk of other files' lines.
    private static final Map<String, Integer> WIDTHS = Map.of(PROJECT_CODE, 64, VOUCHER_NO, 100,
            ORIGINAL_VOUCHER_NO, 100, PAYEE, 500, SUMMARY, 2000, FUNDING_SOURCE, 200, PAYMENT_ID, 100);

    private static void checkWidth(String field, String value) {
        int max = WIDTHS.get(field);
        if (value.length() > max) {
            throw new RowRejectedException(RejectReason.FIELD_TOO_LONG,
                    DisbursementColumns.CHINESE_NAMES.get(field) + " (" + field + ")", value.length(), max);
        }
    }

    static LocalDate parseDate(String text, String field) {
        if (text.isEmpty()) {
            throw new RowRejectedException(RejectReason.FIELD_EMPTY, field);
        }
        if (isIsoDate(text)) {
            // The usual form, read without normalising and matching: every line's date is read twice.
            try {
                return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
            } catch (DateTimeException e) {
                throw new RowRejectedException(RejectReason.DATE_DOES_NOT_EXIST, field, text);
            }
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        Matcher m = SEPARATED_DATE.matcher(s);
        if (!m.matches()) {
            m = COMPACT_DATE.matcher(s);
            if (!m.matches()) {
                throw new RowRejectedException(RejectReason.NOT_A_DATE, field, text);
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new RowRejectedException(RejectReason.DATE_DOES_NOT_EXIST, field, text);
        }
    }

    private static boolean isIsoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    /** An amount read as {@link #parseAmount} does, refused when its absolute value (in 元) is above the bound. */
    private Money bounded(String text, AmountUnit unit, String field) {
        return checkBound(parseAmount(text, unit, field), text, field);
    }

    private Money checkBound(Money amount, String text, String field) {
        if (amount.yuan().abs().compareTo(maxAmountYuan) > 0) {
            throw new RowRejectedException(RejectReason.AMOUNT_ABOVE_BOUND, field, text,
                    String.format("%,.2f", amount.yuan()), describe(maxAmountYuan));
        }
        return amount;
    }

    private static String describe(BigDecimal bound) {
        BigDecimal plain = bound.stripTrailingZeros();
        return plain.scale() <= 0 ? String.format("%,d", plain.toBigIntegerExact()) : String.format("%,.2f", bound);
    }

    /**
     * Reads an amount (in the export's unit) as 元, with no bound: the control-total check of
     * {@link ExportInspector} adds up the lines as exported, whatever their size.
     */
    static Money parseAmount(String text, AmountUnit unit, String field) {
        // An amount that names its unit must name the file's: 100元 in a 万元 column read as 万元 would be
        // a million 元, and 1.5万元 in a 元 column is either that column's mistake or the cell's.
        String number = text;
        String stripped = text.strip();
        AmountUnit stated = stripped.endsWith("万元") ? AmountUnit.WAN : stripped.endsWith("元") ? AmountUnit.YUAN : null;
        if (stated != null && stated != unit) {
            throw new RowRejectedException(RejectReason.AMOUNT_IN_OTHER_UNIT, field, text, unitName(stated), unitName(unit));
        }
        if (stated == AmountUnit.WAN) {
            number = stripped.substring(0, stripped.length() - 2);
        }
        BigDecimal value;
        try {
            value = Amounts.parse(number);
        } catch (IllegalArgumentException e) {
            // the reason quotes the number it read: with the unit taken off, the cell too
            throw new RowRejectedException(RejectReason.AMOUNT_UNREADABLE,
                    field + (stated == AmountUnit.WAN ? " '" + text + "'" : ""), e.getMessage());
        }
        BigDecimal yuan = unit.toYuan(value);
        if (yuan.stripTrailingZeros().scale() > 2) {
            throw new RowRejectedException(RejectReason.AMOUNT_NOT_WHOLE_FEN, field, text);
        }
        return Money.ofYuan(yuan.setScale(2, RoundingMode.UNNECESSARY));
    }

    private static String unitName(AmountUnit unit) {
        return unit == AmountUnit.WAN ? "万元" : "元";
    }

    private static String requireValue(HeaderMapping columns, List<String> row, String field) {
        String value = columns.value(row, field);
        if (value.isEmpty()) {
            throw new RowRejectedException(RejectReason.FIELD_EMPTY, DisbursementColumns.CHINESE_NAMES.get(field) + " (" + field + ")");
        }
        return value;
    }

    /**
     * Values are read by position, so a value past the header's last column means one of them was
     * split (an unquoted comma) and every value after the split sits in the wrong column. Empty
     * cells past the header are only trailing separators.
     */
    private static void checkNoValueBeyondHeader(int headerColumns, List<String> row) {
        int last = row.size();
        while (last > headerColumns && (row.get(last - 1) == null || row.get(last - 1).isBlank())) {
            last--;
        }
        if (last > headerColumns) {
            throw new RowRejectedException(RejectReason.VALUES_BEYOND_HEADER, last, headerColumns);
        }
    }

}
