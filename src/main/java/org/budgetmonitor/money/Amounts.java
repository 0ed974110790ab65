package org.budgetmonitor.money;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses the decimal figures people type and systems export: {@code 1234.5}, {@code 1,234.50},
 * {@code ¥1,234.56}, {@code -20}, accounting negatives {@code (1,234.56)} and full-width digits.
 * Anything else is refused rather than guessed, and so is an amount signed twice ({@code (-5)},
 * {@code -(5)}, {@code (+5)}): whether it is negative cannot be told.
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
        // The signs around the digits, from the outside in: a '-', '+' or '−' before or after, a pair of
        // brackets (accounting's negative) around. Each is listed where it is written, for the message.
        List<String> before = new ArrayList<>(2);
        List<String> after = new ArrayList<>(1);
        boolean negative = false;
        while (!s.isEmpty()) {
            char first = s.charAt(0);
            char last = s.charAt(s.length() - 1);
            if (isSign(first)) {
                before.add("'" + first + "'");
                negative ^= first != '+';
                s = s.substring(1);
            } else if (first == '(' && last == ')' && s.length() >= 2) {
                before.add("brackets");
                negative = !negative;
                s = s.substring(1, s.length() - 1);
            } else if (isSign(last)) {
                after.add(0, "'" + last + "'");
                negative ^= last != '+';
                s = s.substring(0, s.length() - 1);
            } else {
                break;
            }
        }
        int signs = before.size() + after.size();
        boolean grouped = GROUPED.matcher(s).matches();
        // a sign written after the digits alone (5-) is no form the exports are known to use
        if (!grouped && !PLAIN_DECIMAL.matcher(s).matches() || signs == 1 && !after.isEmpty()) {
            throw new IllegalArgumentException("'" + original + "' is not a number");
        }
        if (grouped) {
            s = s.replace(",", "");
        }
        BigDecimal value = new BigDecimal(s);
        if (signs > 1) {
            // (-5) is a negative marked twice to one reader and the negative of a negative to another:
            // no one can tell which the export meant, so it is not guessed.
            before.addAll(after);
            String digits = value.toPlainString();
            throw new IllegalArgumentException("'" + original + "' has " + (signs == 2 ? "two" : signs) + " signs ("
                    + String.join(", ", before.subList(0, signs - 1)) + " and " + before.get(signs - 1)
                    + "): whether it means -" + digits + " or " + digits + " cannot be told");
        }
        return negative ? value.negate() : value;
    }

    private static boolean isSign(char c) {
        return c == '-' || c == '+' || c == '\u2212';
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
