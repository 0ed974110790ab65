package org.budgetmonitor.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.budgetmonitor.money.Amounts;
import org.budgetmonitor.money.Money;
import org.budgetmonitor.support.HeaderMapping;

/** Turns one row of a payment export into a {@link Disbursement}, or says why it cannot. */
public class DisbursementParser {

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");

    public Disbursement parse(HeaderMapping columns, List<String> row) {
        LocalDate date = parseDate(columns.value(row, DisbursementColumns.DATE));
        String projectCode = requireValue(columns, row, DisbursementColumns.PROJECT_CODE);
        Money amount = parseAmount(columns.value(row, DisbursementColumns.AMOUNT));
        String voucher = requireValue(columns, row, DisbursementColumns.VOUCHER_NO);
        return new Disbursement(date, projectCode, amount, voucher,
                columns.value(row, DisbursementColumns.PAYEE),
                columns.value(row, DisbursementColumns.SUMMARY),
                columns.value(row, DisbursementColumns.FUNDING_SOURCE),
                columns.value(row, DisbursementColumns.PAYMENT_ID));
    }

    static LocalDate parseDate(String text) {
        if (text.isEmpty()) {
            throw new RowRejectedException("支付日期 (date) is empty");
        }
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            throw new RowRejectedException("支付日期 (date) '" + text + "' is not a date like 2026-03-31");
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new RowRejectedException("支付日期 (date) '" + text + "' does not exist");
        }
    }

    static Money parseAmount(String text) {
        BigDecimal yuan;
        try {
            yuan = Amounts.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException("金额 (amount): " + e.getMessage());
        }
        if (yuan.stripTrailingZeros().scale() > 2) {
            throw new RowRejectedException("金额 (amount) '" + text + "' has more than 2 decimals (分)");
        }
        return Money.ofYuan(yuan.setScale(2));
    }

    private static String requireValue(HeaderMapping columns, List<String> row, String field) {
        String value = columns.value(row, field);
        if (value.isEmpty()) {
            throw new RowRejectedException(DisbursementColumns.CHINESE_NAMES.get(field) + " (" + field + ") is empty");
        }
        return value;
    }
}
