package org.budgetmonitor.support;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one form of a budget project code in which plans and payments are matched. Finance systems,
 * Excel and people write the same code as {@code 13091626p000175100046}, in full-width forms
 * ({@code １３０９…}) or with spaces inside or around it; each of these must be the planned project,
 * never an unplanned code of its own.
 */
public final class ProjectCode {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ProjectCode() {
    }

    /** NFKC (full-width → ASCII, ideographic and no-break spaces → spaces), no whitespace, upper case. */
    public static String normalise(String code) {
        if (code == null || isNormal(code)) {
            return code;
        }
        String s = Normalizer.normalize(code, Normalizer.Form.NFKC);
        return WHITESPACE.matcher(s).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** The usual case, checked without allocating: ASCII digits, upper-case letters and punctuation only. */
    private static boolean isNormal(String code) {
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c <= ' ' || c > '~' || (c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }
}
