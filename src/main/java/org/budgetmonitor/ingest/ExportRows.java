package org.budgetmonitor.ingest;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

import org.budgetmonitor.support.HeaderMapping;

/** What a CSV record of an export is, apart from a payment line. */
public final class ExportRows {

    public enum Kind {
        DATA, BLANK, REPEATED_HEADER, TOTAL, SUBTOTAL
    }

    private static final Pattern TOTAL = Pattern.compile("(本页|本月|累计|全部)?(合计|总计)[:：]?|total:?");
    private static final Pattern SUBTOTAL = Pattern.compile("(本页|本月)?小计[:：]?|subtotal:?");

    private ExportRows() {
    }

    public static Kind classify(List<String> row, List<String> header) {
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
            String cell = Normalizer.normalize(row.get(i), Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase();
            if (TOTAL.matcher(cell).matches()) {
                return Kind.TOTAL;
            }
            if (SUBTOTAL.matcher(cell).matches()) {
                return Kind.SUBTOTAL;
            }
        }
        if (sameHeader(row, header)) {
            return Kind.REPEATED_HEADER;
        }
        return Kind.DATA;
    }

    private static boolean sameHeader(List<String> row, List<String> header) {
        int n = Math.max(row.size(), header.size());
        for (int i = 0; i < n; i++) {
            String a = i < row.size() ? HeaderMapping.normalise(row.get(i)) : "";
            String b = i < header.size() ? HeaderMapping.normalise(header.get(i)) : "";
            if (!a.equals(b)) {
                return false;
            }
        }
        return true;
    }
}
