package org.budgetmonitor.quarterly;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A performance indicator's target (指标值) read into something comparable where the text allows:
 * {@code ≥20个}, {@code ≥90百分比}, {@code ≤5%}, {@code =100%}; {@code 控制在预算内} is checked
 * against the spending itself; anything else ({@code 按时完成}, a sentence) stays qualitative.
 */
public record IndicatorTarget(String text, Kind kind, String operator, BigDecimal number, String unit) {

    public enum Kind {
        NUMERIC, WITHIN_BUDGET, QUALITATIVE
    }

    private static final Pattern NUMERIC = Pattern.compile(
            "(≥|>=|≤|<=|>|<|=|不低于|不少于|大于等于|不高于|不超过|小于等于)?\\s*(\\d+(?:\\.\\d+)?)\\s*(%|百分比|个|家|次|场|人次|人|万元|元|天|日|项|篇|期|批)?");
    private static final Pattern WITHIN_BUDGET = Pattern.compile("控制在预算(范围)?内|不超(过)?预算");

    public static IndicatorTarget parse(String text) {
        String original = text == null ? "" : text.strip();
        String s = Normalizer.normalize(original, Normalizer.Form.NFKC).replaceAll("\\s+", "").replaceAll("[。.]$", "");
        if (WITHIN_BUDGET.matcher(s).matches()) {
            return new IndicatorTarget(original, Kind.WITHIN_BUDGET, "≤", null, "预算");
        }
        Matcher m = NUMERIC.matcher(s);
        if (m.matches()) {
            String unit = m.group(3) == null ? "" : m.group(3).equals("百分比") ? "%" : m.group(3);
            return new IndicatorTarget(original, Kind.NUMERIC, operator(m.group(1)), new BigDecimal(m.group(2)), unit);
        }
        return new IndicatorTarget(original, Kind.QUALITATIVE, null, null, null);
    }

    private static String operator(String word) {
        if (word == null) {
            return "=";
        }
        return switch (word) {
            case "≥", ">=", "不低于", "不少于", "大于等于" -> "≥";
            case "≤", "<=", "不高于", "不超过", "小于等于" -> "≤";
            default -> word;
        };
    }

    /** Whether a value meets a numeric target. */
    public boolean isMetBy(BigDecimal value) {
        int c = value.compareTo(number);
        return switch (operator) {
            case "≥" -> c >= 0;
            case "≤" -> c <= 0;
            case ">" -> c > 0;
            case "<" -> c < 0;
            default -> c == 0;
        };
    }

    /** Percentages and rates do not accumulate over the year; counts and amounts do. */
    public boolean accumulates() {
        return kind == Kind.NUMERIC && !unit.equals("%") && (operator.equals("≥") || operator.equals(">"));
    }
}
