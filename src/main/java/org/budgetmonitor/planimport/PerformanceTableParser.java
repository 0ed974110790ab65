package org.budgetmonitor.planimport;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.budgetmonitor.money.Amounts;

/**
 * Reads the 预算项目绩效目标表 tables of a department budget document: per table the unit, the
 * project code and name, budget and funds, purpose, the spending-plan checkpoints by month end,
 * the performance goal and every indicator row. Whatever cannot be read is reported with the
 * project code and line; a project whose code, budget or plan cannot be read is left out.
 */
public class PerformanceTableParser {

    public record Result(List<ImportedProject> projects, List<String> problems) {
    }

    private static final Pattern UNIT = Pattern.compile("(\\d{6})\\s*(\\S.*)");
    private static final Pattern MONTH = Pattern.compile("(\\d{1,2})月(底|末)?");

    /** One table being read. */
    private static final class Table {
        String unitCode = "";
        String unitName = "";
        boolean amountsInYuan;
        String code;
        String name = "";
        String budget;
        String fiscal;
        String other;
        String purpose = "";
        String goal = "";
        List<Integer> months;
        List<String> figures;
        boolean expectPurpose;
        boolean expectFigures;
        boolean inIndicators;
        String level1 = "";
        String level2 = "";
        List<ImportedProject.Indicator> indicators = new ArrayList<>();
        long line;
    }

    public Result parse(List<DocumentBlock> blocks, int fiscalYear) {
        List<ImportedProject> projects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Table table = null;
        String unitCode = "";
        String unitName = "";
        boolean inYuan = false;
        for (DocumentBlock block : blocks) {
            if (block instanceof DocumentBlock.Title title) {
                if (normalise(title.text()).contains("绩效目标表")) {
                    finish(table, fiscalYear, projects, problems);
                    table = null;
                }
                continue;
            }
            // Keywords and figures are matched on the normalised text; names and texts keep their own.
            DocumentBlock.Row text = trimmed((DocumentBlock.Row) block);
            DocumentBlock.Row row = normalised(text);
            String first = row.cell(0);
            Matcher unit = UNIT.matcher(first);
            if (unit.matches() && row.cells().stream().noneMatch(c -> c.equals("项目编码"))) {
                unitCode = unit.group(1);
                unitName = text.cell(0).substring(6).strip(); // six digits, full-width or not, then the name
                inYuan = row.cells().stream().anyMatch(c -> c.replace(" ", "").matches("单位[:：]元"));
                if (table != null && table.code == null) {
                    table.unitCode = unitCode;
                    table.unitName = unitName;
                    table.amountsInYuan = inYuan;
                }
                continue;
            }
            int codeAt = row.cells().indexOf("项目编码");
            if (codeAt >= 0) {
                finish(table, fiscalYear, projects, problems);
                table = new Table();
                table.unitCode = unitCode;
                table.unitName = unitName;
                table.amountsInYuan = inYuan;
                table.line = row.line();
                table.code = row.cell(codeAt + 1);
                int nameAt = row.cells().indexOf("项目名称");
                table.name = nameAt >= 0 ? text.cell(nameAt + 1) : "";
                continue;
            }
            if (table == null) {
                continue;
            }
            if (table.inIndicators) {
                indicator(table, row, text, problems);
            } else if (indexOfContaining(row, "预算数") >= 0) {
                table.budget = after(row, "预算数");
                table.fiscal = after(row, "财政");
                table.other = after(row, "其他资金");
                table.expectPurpose = true;
            } else if (first.startsWith("资金支出计划")) {
                table.months = new ArrayList<>();
                for (String cell : row.cells().subList(1, row.cells().size())) {
                    Matcher m = MONTH.matcher(cell);
                    if (m.matches()) {
                        table.months.add(Integer.parseInt(m.group(1)));
                    } else if (cell.equals("全年")) {
                        table.months.add(12);
                    } else if (!cell.isEmpty()) {
                        problems.add(where(table, row) + "资金支出计划 column '" + cell + "' is not a month end like 3月底");
                    }
                }
                table.expectFigures = true;
                table.expectPurpose = false;
            } else if (table.expectFigures && row.startsEmpty()) {
                table.figures = row.cells().subList(1, row.cells().size()).stream().filter(c -> !c.isEmpty()).toList();
                table.expectFigures = false;
            } else if (table.expectPurpose && row.startsEmpty()) {
                table.purpose = String.join("", text.cells()).strip();
                table.expectPurpose = false;
            } else if (first.equals("绩效目标")) {
                table.goal = String.join("", text.cells().subList(1, text.cells().size())).strip();
            } else if (row.cells().contains("一级指标") && row.cells().contains("三级指标")) {
                table.inIndicators = true;
            }
        }
        finish(table, fiscalYear, projects, problems);
        return new Result(projects, problems);
    }

    private static void indicator(Table table, DocumentBlock.Row row, DocumentBlock.Row text, List<String> problems) {
        List<String> cells = text.cells();
        List<String> six;
        if (cells.size() >= 6) {
            six = cells.subList(0, 6);
        } else if (cells.size() == 5) {
            six = new ArrayList<>(List.of(""));
            six.addAll(cells);
        } else if (cells.size() == 4) {
            six = new ArrayList<>(List.of("", ""));
            six.addAll(cells);
        } else {
            problems.add(where(table, row) + "indicator row has " + cells.size() + " cells, expected 6: " + cells);
            return;
        }
        // Merged cells: the first- and second-level names carry down to the rows that leave them empty.
        if (!six.get(0).isEmpty()) {
            table.level1 = six.get(0);
            table.level2 = "";
        }
        if (!six.get(1).isEmpty()) {
            table.level2 = six.get(1);
        }
        if (six.get(2).isEmpty() && six.get(4).isEmpty()) {
            problems.add(where(table, row) + "indicator row names no 三级指标 and no 指标值: " + cells);
            return;
        }
        table.indicators.add(new ImportedProject.Indicator(table.level1, table.level2, six.get(2), six.get(3),
                six.get(4), six.get(5)));
    }

    private static void finish(Table table, int fiscalYear, List<ImportedProject> projects, List<String> problems) {
        if (table == null) {
            return;
        }
        String where = "project " + (table.code == null || table.code.isEmpty() ? "(no code)" : table.code)
                + " (line " + table.line + "): ";
        List<String> own = new ArrayList<>();
        if (table.code == null || table.code.isEmpty()) {
            own.add(where + "项目编码 is empty");
        }
        if (table.unitCode.isEmpty()) {
            own.add(where + "no unit line (6-digit unit code and name) before the table");
        }
        BigDecimal budget = amount(table.budget, "预算数", table, where, own);
        BigDecimal fiscal = table.fiscal == null || table.fiscal.isEmpty() ? null : amount(table.fiscal, "财政资金", table, where, own);
        BigDecimal other = table.other == null || table.other.isEmpty() ? BigDecimal.ZERO
                : amount(table.other, "其他资金", table, where, own);
        if (budget != null && fiscal == null) {
            fiscal = budget.subtract(other == null ? BigDecimal.ZERO : other);
        }
        SortedMap<MonthDay, BigDecimal> plan = new TreeMap<>();
        if (table.months == null || table.figures == null) {
            own.add(where + "no 资金支出计划 rows (month ends and figures)");
        } else if (table.months.size() != table.figures.size()) {
            own.add(where + "资金支出计划 names " + table.months.size() + " month ends but gives " + table.figures.size()
                    + " figures");
        } else {
            for (int i = 0; i < table.months.size(); i++) {
                BigDecimal figure = amount(table.figures.get(i), "资金支出计划 " + table.months.get(i) + "月底", table,
                        where, own);
                if (figure != null) {
                    YearMonth month = YearMonth.of(fiscalYear, table.months.get(i));
                    plan.put(MonthDay.from(month.atEndOfMonth()), figure);
                }
            }
        }
        if (table.indicators.isEmpty()) {
            problems.add(where + "no indicator rows (一级指标 … 指标值确定依据)");
        }
        if (!own.isEmpty()) {
            problems.addAll(own);
            return;
        }
        projects.add(new ImportedProject(table.unitCode, table.unitName, table.code, table.name, budget, fiscal, other,
                table.purpose, table.goal, plan, List.copyOf(table.indicators), table.line));
    }

    /** A figure in 万元: the table's unit line may say 元, in which case it is converted. */
    private static BigDecimal amount(String text, String field, Table table, String where, List<String> problems) {
        if (text == null || text.isEmpty()) {
            problems.add(where + field + " is empty");
            return null;
        }
        try {
            BigDecimal value = Amounts.parse(text);
            return table.amountsInYuan && !field.startsWith("资金支出计划") ? value.movePointLeft(4) : value;
        } catch (IllegalArgumentException e) {
            problems.add(where + field + ": " + e.getMessage());
            return null;
        }
    }

    private static String after(DocumentBlock.Row row, String label) {
        int i = indexOfContaining(row, label);
        return i < 0 ? null : row.cell(i + 1);
    }

    private static int indexOfContaining(DocumentBlock.Row row, String label) {
        for (int i = 0; i < row.cells().size(); i++) {
            if (row.cells().get(i).replace(" ", "").contains(label)) {
                return i;
            }
        }
        return -1;
    }

    private static String where(Table table, DocumentBlock.Row row) {
        return "project " + (table.code == null ? "(no code)" : table.code) + " (line " + row.line() + "): ";
    }

    /** Full-width digits and punctuation to ASCII, runs of spaces to one. */
    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
    }

    private static DocumentBlock.Row trimmed(DocumentBlock.Row row) {
        return new DocumentBlock.Row(row.cells().stream().map(String::strip).toList(), row.line());
    }

    private static DocumentBlock.Row normalised(DocumentBlock.Row row) {
        return new DocumentBlock.Row(row.cells().stream().map(PerformanceTableParser::normalise).toList(), row.line());
    }
}
