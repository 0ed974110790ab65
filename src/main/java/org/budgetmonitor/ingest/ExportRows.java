package org.budgetmonitor.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.budgetmonitor.support.HeaderMapping;

/**
 * What a CSV record of an export is, apart from a payment line. One per file, made from its
 * header: every row of the file is checked against it, so the header is normalised only once.
 */
public final class ExportRows {

    public enum Kind {
        DATA, BLANK, REPEATED_HEADER, TOTAL, SUBTOTAL
    }

    /** A label may say how many lines it sums: 合计（共12笔）, 合计：3笔 (normalised, so without spaces). */
    private static final String COUNT = "(\\(?共?\\d+(笔|条|行)\\)?)?";
    private static final Pattern TOTAL = Pattern.compile("(本页|本月|累计|全部)?(合计|总计)[:：]?" + COUNT + "|total:?");
    private static final Pattern SUBTOTAL = Pattern.compile("(本页|本月)?小计[:：]?" + COUNT + "|subtotal:?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The header's cells in {@link HeaderMapping#normalise} form. */
    private final List<String> header;

    public ExportRows(List<String> header) {
        List<String> normalised = new ArrayList<>(header.size());
        for (String cell : header) {
            normalised.add(HeaderMapping.normalise(cell));
        }
        this.header = List.copyOf(normalised);
    }

    public Kind kind(List<String> row) {
        boolean blank = true;
        for (String cell : row) {
            if (cell != null && !cell.isBlank()) {
                blank = false;
                break;
            }
        }
        if (blank) {
            return Kind.BLANK;
        }
        // A 合计 / 总计 / 小计 label sits in one of the first cells of the row.
        for (int i = 0; i < Math.min(3, row.size()); i++) {
            String cell = row.get(i);
            if (!mayBeLabel(cell)) {
                continue;
            }
            cell = WHITESPACE.matcher(Normalizer.normalize(cell, Normalizer.Form.NFKC)).replaceAll("").toLowerCase();
            if (TOTAL.matcher(cell).matches()) {
                return Kind.TOTAL;
            }
            if (SUBTOTAL.matcher(cell).matches()) {
                return Kind.SUBTOTAL;
            }
        }
        if (sameAsHeader(row)) {
            return Kind.REPEATED_HEADER;
        }
        return Kind.DATA;
    }

    /**
     * Whether the cell could read as a label once normalised, checked without normalising it
     * (most rows are payments, and NFKC on each of their cells cost more than the rest of the
     * check). Every label holds '计' or a 't', so a cell holding neither, nor any character
     * NFKC or lower-casing could turn into one, is no label.
     */
    private static boolean mayBeLabel(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            if (mayBecomeLabelCharacter(cell.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * False only for characters known to stay what they are under NFKC: ASCII and the CJK
     * Unified Ideographs, other than t, T and 计. Everything else ('ｔ', 'Ｔ', '™', '𝐭' …) is
     * treated as possibly part of a label. NFKC composition cannot make a 't' or '计' either:
     * neither has a decomposition.
     */
    static boolean mayBecomeLabelCharacter(char c) {
        if (c < 0x80) {
            return c == 't' || c == 'T';
        }
        if (c >= '\u4E00' && c <= '\u9FFF') {
            return c == '计';
        }
        return true;
    }

    /**
     * The row's cells as the export means them: a cell written as Excel's text formula {@code ="000123"}
     * (how exporters keep Excel from dropping leading zeros or reading a code as a number) is its text,
     * {@code 000123}, so that it is the same code, voucher or payment id as the plain cell of another
     * export. The row itself when no cell is so written (nearly always: no copy).
     */
    public static List<String> cells(List<String> row) {
        List<String> cells = null;
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i);
            String text = excelText(cell);
            if (text != cell) {
                if (cells == null) {
                    cells = new ArrayList<>(row);
                }
                cells.set(i, text);
            }
        }
        return cells == null ? row : cells;
    }

    /**
     * {@code ="…"} with no other quote inside: its text; else the cell itself (the same instance).
     * Also how migration V26 rewrites the text that earlier versions stored with its formula.
     */
    public static String excelText(String cell) {
        if (cell == null || cell.length() < 3 || cell.indexOf('=') < 0) {
            return cell;
        }
        String s = cell.strip();
        if (s.length() >= 3 && s.charAt(0) == '=' && s.charAt(1) == '"' && s.charAt(s.length() - 1) == '"'
                && s.indexOf('"', 2) == s.length() - 1) {
            return s.substring(2, s.length() - 1);
        }
        return cell;
    }

    /** Compared cell by cell up to the first difference; missing cells count as empty. */
    private boolean sameAsHeader(List<String> row) {
        int n = Math.max(row.size(), header.size());
        for (int i = 0; i < n; i++) {
            String a = i < row.size() ? HeaderMapping.normalise(row.get(i)) : "";
            String b = i < header.size() ? header.get(i) : "";
            if (!a.equals(b)) {
                return false;
            }
        }
        return true;
    }
}
