package org.budgetmonitor.planimport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Builds 预算项目绩效目标表 documents for tests, in the layout of the seed document: as Word's
 * plain-text export (cells on tab-led lines, blank lines between rows) and as a real .docx.
 */
final class BudgetDocument {

    /** A title paragraph or a table row. */
    private sealed interface Part {
    }

    private record Title(String text) implements Part {
    }

    private record Row(List<String> cells) implements Part {
    }

    private final List<Part> parts = new ArrayList<>();

    BudgetDocument title(String text) {
        parts.add(new Title(text));
        return this;
    }

    BudgetDocument row(String... cells) {
        parts.add(new Row(List.of(cells)));
        return this;
    }

    /** One project table like the seed's, with the given figures as written. */
    BudgetDocument project(int n, String unitLine, String code, String name, String budget, String fiscal, String other,
            String purpose, List<String> months, List<String> figures, String goal, List<List<String>> indicators) {
        title("[bookmark: _Toc_4_4_000000000" + n + "]" + n + "." + name + "绩效目标表");
        row(unitLine, "单位：万元");
        row("项目编码", code, "项目名称", name);
        row("预算规模及资金用途", "预算数", budget, "其中：财政    资金", fiscal, "其他资金", other);
        row("", purpose);
        List<String> monthRow = new ArrayList<>(List.of("资金支出计划（%）"));
        monthRow.addAll(months);
        row(monthRow.toArray(String[]::new));
        List<String> figureRow = new ArrayList<>(List.of(""));
        figureRow.addAll(figures);
        row(figureRow.toArray(String[]::new));
        row("绩效目标", goal);
        row("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据");
        indicators.forEach(i -> row(i.toArray(String[]::new)));
        return this;
    }

    String text() {
        StringBuilder s = new StringBuilder("第二部分\n \n预算项目绩效目标表\n\n");
        for (Part part : parts) {
            if (part instanceof Title t) {
                s.append(t.text()).append('\n');
            } else if (part instanceof Row r) {
                r.cells().forEach(c -> s.append('\t').append(c).append('\n'));
                s.append('\n');
            }
        }
        return s.toString();
    }

    Path writeText(Path file) throws IOException {
        return Files.writeString(file, text());
    }

    /** The same content as a .docx: each run of rows between titles becomes one Word table. */
    Path writeDocx(Path file) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            XWPFTable table = null;
            for (Part part : parts) {
                if (part instanceof Title t) {
                    document.createParagraph().createRun().setText(t.text());
                    table = null;
                } else if (part instanceof Row r) {
                    XWPFTableRow row;
                    if (table == null) {
                        table = document.createTable(1, r.cells().size());
                        row = table.getRow(0);
                    } else {
                        row = table.createRow();
                    }
                    while (row.getTableCells().size() < r.cells().size()) {
                        row.addNewTableCell();
                    }
                    // Rows of one Word table have as many cells as its widest row; extra cells stay empty.
                    while (row.getTableCells().size() > r.cells().size()) {
                        row.removeCell(row.getTableCells().size() - 1);
                    }
                    for (int i = 0; i < r.cells().size(); i++) {
                        row.getCell(i).setText(r.cells().get(i));
                    }
                }
            }
            document.write(out);
        }
        return file;
    }
}
