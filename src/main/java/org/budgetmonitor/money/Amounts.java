package org.budgetmonitor.money;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Parses the decimal figures people type or export: {@code 1234.5}, {@code 1,234.50}, {@code -20}. */
public final class Amounts {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

    private Amounts() {
    }

    /**
     * @throws IllegalArgumentException with a message fit for a reject report when the text is
     *     not a decimal number
     */
    public static BigDecimal parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("amount is empty");
        }
        if (GROUPED.matcher(s).matches()) {
            s = s.replace(",", "");
        } else if (!PLAIN_DECIMAL.matcher(s).matches()) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a number");
        }
        return new BigDecimal(s);
    }
}
