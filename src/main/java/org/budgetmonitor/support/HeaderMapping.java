package org.budgetmonitor.support;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which column of a CSV header holds which of our fields, matched by the field's name or any of
 * its aliases (case-insensitive, surrounding spaces ignored).
 */
public final class HeaderMapping {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** （元）, （万元）, （%）, and as exports also write them, （单位：元） or （人民币万元）. */
    private static final Pattern UNIT_SUFFIX = Pattern.compile("\\((单位:)?(人民币)?(万元|元|%)\\)$");

    /** Import templates mark the columns that must be filled: *支付日期, ＊项目编码 (NFKC makes it *), 金额（元）*. */
    private static final Pattern REQUIRED_MARK = Pattern.compile("^\\*+|\\*+$");

    private final Map<String, Integer> indexByField;
    private final List<String> header;

    private HeaderMapping(Map<String, Integer> indexByField, List<String> header) {
        this.indexByField = indexByField;
        this.header = header;
    }

    /** @param aliasesByField each field's accepted header names, the canonical name first */
    public static HeaderMapping of(List<String> header, Map<String, List<String>> aliasesByField) {
        Map<String, Integer> indexByField = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = normalise(header.get(i));
            for (var entry : aliasesByField.entrySet()) {
                boolean matches = entry.getValue().stream().anyMatch(alias -> normalise(alias).equals(name));
                if (matches) {
                    indexByField.putIfAbsent(entry.getKey(), i);
                }
            }
        }
        return new HeaderMapping(indexByField, List.copyOf(header));
    }

    /**
     * The form header names are compared in: NFKC (full-width letters and brackets become ASCII),
     * no spaces, lower case, no required-column mark ({@code *}) at either end, and no unit suffix such as （元）, （万元） or （单位：元）, which callers read apart.
     */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        if (isPlainAscii(name)) {
            // Called for every cell of every row (repeated-header check): most cells are dates,
            // codes and amounts, for which all the steps below but lower-casing change nothing.
            return name.toLowerCase(Locale.ROOT);
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).replace(String.valueOf(CsvFiles.BOM), "");
        s = WHITESPACE.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        s = REQUIRED_MARK.matcher(s).replaceAll("");
        return UNIT_SUFFIX.matcher(s).replaceAll("");
    }

    /**
     * Printable ASCII without space, '(' or '*': NFKC leaves ASCII as it is, there is no BOM or
     * whitespace to remove (nor a line terminator for the suffix's {@code $}), no required-column
     * mark, and without '(' no unit suffix can match.
     */
    static boolean isPlainAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7F || c == '(' || c == '*') {
                return false;
            }
        }
        return true;
    }

    public List<String> missing(Collection<String> requiredFields) {
        List<String> missing = new ArrayList<>();
        for (String field : requiredFields) {
            if (!indexByField.containsKey(field)) {
                missing.add(field);
            }
        }
        return missing;
    }

    public boolean has(String field) {
        return indexByField.containsKey(field);
    }

    public Optional<Integer> index(String field) {
        return Optional.ofNullable(indexByField.get(field));
    }

    /** The trimmed value of the field in this row, or "" when the column or cell is absent. */
    public String value(List<String> row, String field) {
        Integer i = indexByField.get(field);
        if (i == null || i >= row.size() || row.get(i) == null) {
            return "";
        }
        return row.get(i).strip();
    }

    public List<String> header() {
        return header;
    }
}
