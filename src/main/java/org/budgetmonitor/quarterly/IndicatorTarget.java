package org.budgetmonitor.quarterly;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Optional;
import java.util.Set;
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

    /**
     * A reported value the program may judge: a number with at most a unit, perhaps after 约 (about) or
     * ≥ (at least); thousands may be grouped by commas. Anything around it makes it a sentence.
     */
    private static final Pattern VALUE = Pattern.compile("(约|≥|>=)?([+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)(\\D*)");
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

    /**
     * A value reported against this numeric target, when it is a bare number in the target's unit (or
     * none): {@code 93%}, {@code ９３％}, {@code 93 百分比}, {@code 约93%}, {@code ≥93%}. A sentence with
     * numbers in it ({@code 截至12月20日完成93%}, {@code 1-12月累计完成95%}, {@code 90-95%}), a number in
     * another unit ({@code 20家} for {@code ≥20个}) or nothing numeric is empty: for the officer to judge.
     */
    public Optional<Reading> read(String value) {
        if (kind != Kind.NUMERIC || value == null) {
            return Optional.empty();
        }
        String s = Normalizer.normalize(value, Normalizer.Form.NFKC).replaceAll("\\s+", "").replaceAll("[。.]$", "");
        Matcher m = VALUE.matcher(s);
        if (!m.matches() || !m.group(3).isEmpty() && !unitsOf(unit).contains(m.group(3))) {
            return Optional.empty();
        }
        return Optional.of(new Reading(new BigDecimal(m.group(2).replace(",", "")), "≥".equals(m.group(1))
                || ">=".equals(m.group(1))));
    }

    /** How a value may write the target's unit: 百分比 and % are one. */
    private static Set<String> unitsOf(String unit) {
        return unit.equals("%") ? Set.of("%", "百分比") : unit.isEmpty() ? Set.of() : Set.of(unit);
    }

    /**
     * A value read as a number.
     *
     * @param atLeast written as a lower bound ({@code ≥93%}): the value may be any figure from it up
     */
    public record Reading(BigDecimal number, boolean atLeast) {
    }

    /**
     * Whether a reading settles the target as met; a lower bound settles it only when every figure from
     * it up meets it. Empty when the reading cannot say (a lower bound below a ≥ target, or against ≤).
     */
    public Optional<Boolean> isMetBy(Reading reading) {
        boolean met = isMetBy(reading.number());
        if (!reading.atLeast()) {
            return Optional.of(met);
        }
        return (operator.equals("≥") || operator.equals(">")) && met ? Optional.of(true) : Optional.empty();
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
