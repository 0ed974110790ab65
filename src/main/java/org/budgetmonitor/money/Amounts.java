package org.budgetmonitor.money;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Parses the decimal figures people type and systems export: {@code 1234.5}, {@code 1,234.50},
 * {@code ¥1,234.56}, {@code -20}, accounting negatives {@code (1,234.56)} and full-width digits.
 * Anything else is refused rather than guessed.
 */
public final class Amounts {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d*)?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Amounts() {
    }

    /**
     * @throws IllegalArgumentException with a message fit for a reject report when the text is
     *     not a number
     */
    public static BigDecimal parse(String text) {
        String original = text == null ? "" : text.strip();
        if (isPlain(original)) {
            // Nearly every exported amount: the steps below would leave it as it is.
            return new BigDecimal(original);
        }
        return parseInFull(original);
    }

    /** Every form {@link #parse} accepts, read step by step; {@code original} is already stripped. */
    static BigDecimal parseInFull(String original) {
        // NFKC turns full-width digits, commas, brackets and ￥ into their ASCII forms.
        String s = WHITESPACE.matcher(Normalizer.normalize(original, Normalizer.Form.NFKC)).replaceAll("");
        if (s.isEmpty()) {
            throw new IllegalArgumentException("amount is empty");
        }
        s = s.replace("¥", "");
        if (s.endsWith("元")) {
            s = s.substring(0, s.length() - 1);
        }
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1);
        }
        if (s.startsWith("-") || s.startsWith("\u2212")) {
            negative = !negative;
            s = s.substring(1);
        } else if (s.startsWith("+")) {
            s = s.substring(1);
        }
        if (GROUPED.matcher(s).matches()) {
            s = s.replace(",", "");
        } else if (!PLAIN_DECIMAL.matcher(s).matches()) {
            throw new IllegalArgumentException("'" + original + "' is not a number");
        }
        BigDecimal value = new BigDecimal(s);
        return negative ? value.negate() : value;
    }

    /**
     * An optional '-', ASCII digits and at most one '.', with at least one digit: a form
     * {@link BigDecimal} reads exactly as the full path would (which negates the same digits).
     */
    private static boolean isPlain(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        boolean digit = false;
        boolean point = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digit;
    }
}
