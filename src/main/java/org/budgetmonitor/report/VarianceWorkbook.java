package org.budgetmonitor.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.budgetmonitor.ingest.IngestLine;
import org.budgetmonitor.variance.Flag;

/**
 * The report as a workbook for finance officers, written streaming (POI SXSSF, a few hundred rows in
 * memory at a time) from the rows, not from the PDF's pages. Sheets: 概况 (the header and summary
 * lines), 项目执行情况 (every project, unit subtotals when there are several units and the 合计 row),
 * 支付明细 (every payment of the RED and YELLOW projects, see {@link PaymentDetailSheet}), 计划外支出
 * and 拒收明细. Each table has its column headings in the first row, frozen, filterable and printed on
 * every page (A4 landscape, fitted to the width); figures are numeric cells with the PDF's
 * {@code #,##0.00}, subtotals {@code SUBTOTAL(9, …)} formulas that follow the filter.
 *
 * <p>Names and codes are always string cells: a name beginning with {@code =} never becomes a formula.
 */
final class VarianceWorkbook {

    /** Rows kept in memory while writing; older ones are flushed to a temporary file. */
    private static final int WINDOW = 200;

    private VarianceWorkbook() {
    }

    static void write(VarianceReport report, Map<String, Object> parameters, ReportText text, WorkbookDetails details,
            OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new FastDeflateWorkbook(WINDOW, rows(report, details));
        try {
            WorkbookStyles styles = new WorkbookStyles(workbook);
            summary(workbook, styles, parameters, text, report);
            projects(workbook, styles, text, report, details);
            PaymentDetailSheet.write(workbook, styles, text, report, details.payments());
            unplanned(workbook, styles, text, report);
            rejects(workbook, styles, text, report, details.rejects());
            if (!report.adjustments().isEmpty()) {
                adjustments(workbook, styles, text, report, (String) parameters.get("ADJUSTMENTS_TITLE"));
            }
            // Open on the table, the summary staying the first tab; but on the summary when its data
            // warning applies (the latest payment older than the stale limit), which the table does not show.
            int opening = report.dataCutOff().stale() ? 0 : 1;
            workbook.setActiveSheet(opening);
            workbook.setSelectedTab(opening);
            workbook.write(out);
        } finally {
            workbook.close(); // also deletes SXSSF's temporary files
        }
    }

    /**
     * About how many rows the sheets will hold, if known before writing: each project's row and, flagged, its
     * payments' subtotal, the payments (when their source counts them), the unplanned codes, rejects and changes.
     */
    private static OptionalLong rows(VarianceReport report, WorkbookDetails details) {
        OptionalLong payments = details.payments() == null ? OptionalLong.of(0)
                : details.payments().paymentCount(report.asOf());
        if (payments.isEmpty()) {
            return payments;
        }
        return OptionalLong.of(2L * report.rows().size() + payments.getAsLong() + report.unplanned().size()
                + details.rejects().size() + report.adjustments().size());
    }

    private static void summary(SXSSFWorkbook workbook, WorkbookStyles styles, Map<String, Object> parameters,
            ReportText text, VarianceReport report) {
        SXSSFSheet sheet = workbook.createSheet(text.get("xlsx.sheet.summary"));
        sheet.setColumnWidth(0, 140 * 256);
        print(sheet, text, report, false);
        int r = 0;
        r = line(sheet, r, styles.plain, (String) parameters.get("UNIT_LINE"));
        r = line(sheet, r, styles.plain, text.format("header.reportId", report.reportId()));
        r = line(sheet, r, styles.title, text.get("title"));
        r = line(sheet, r, styles.plain, (String) parameters.get("META_LINE"));
        r = line(sheet, r, styles.bold, text.get("summary.title"));
        // The data line first, red when the figures may be incomplete, as on page 1.
        r = line(sheet, r, Boolean.TRUE.equals(parameters.get("DATA_STALE")) ? styles.red : styles.plain,
                (String) parameters.get("DATA_WARNING"));
        for (String key : List.of("SUMMARY_COUNTS", "SUMMARY_TOTALS", "SUMMARY_PROGRESS", "SUMMARY_RED")) {
            r = line(sheet, r, key.equals("SUMMARY_RED") ? styles.red : styles.plain, (String) parameters.get(key));
        }
        r++;
        r = line(sheet, r, styles.bold, text.get("section.unplanned"));
        r = line(sheet, r, styles.plain, (String) parameters.get("UNPLANNED_TEXT"));
        r = line(sheet, r, styles.plain, (String) parameters.get("REJECT_TEXT"));
        if (!report.adjustments().isEmpty()) {
            r++;
            r = line(sheet, r, styles.bold, (String) parameters.get("ADJUSTMENTS_TITLE"));
            r = line(sheet, r, styles.plain, text.get("adj.note"));
        }
        r++;
        r = line(sheet, r, styles.bold, text.get("legend.title"));
        for (String rule : ((String) parameters.get("LEGEND")).split("\n")) {
            r = line(sheet, r, styles.plain, rule);
        }
        r++;
        line(sheet, r, styles.plain, text.get("xlsx.summary.sheets"));
    }

    private static void projects(SXSSFWorkbook workbook, WorkbookStyles styles, ReportText text, VarianceReport report,
            WorkbookDetails details) {
        List<WorkbookColumn> columns = WorkbookColumn.PROJECT_COLUMNS;
        // With the year's plan changed, the budget column is the budget in force, and says so (as on the PDF).
        boolean adjusted = report.anyAdjusted() || !report.adjustments().isEmpty();
        SXSSFSheet sheet = table(workbook, styles, text, report, text.get("xlsx.sheet.projects"),
                columns.stream().map(c -> adjusted && c.key().equals(WorkbookColumn.BUDGET) ? "col.budgetAdjusted"
                        : c.key()).toList(), columns.stream().map(WorkbookColumn::width).toList());
        // By unit, in the report's order within each; a unit's subtotal under its projects.
        Map<String, List<ReportRow>> byUnit = new LinkedHashMap<>();
        report.rows().forEach(row -> byUnit.computeIfAbsent(row.unitCode(), k -> new ArrayList<>()).add(row));
        boolean subtotals = byUnit.size() > 1;
        String projectType = text.get("xlsx.rowType.project");
        int r = 1;
        for (List<ReportRow> rows : byUnit.values()) {
            int first = r;
            for (ReportRow row : rows) {
                Row x = sheet.createRow(r++);
                var cells = new WorkbookColumn.Cells(row, text.flag(row.flag()), details.reasonsOf(row.code(), text),
                        projectType);
                for (int c = 0; c < columns.size(); c++) {
                    cell(x, c, columns.get(c), columns.get(c).value().apply(cells), styles, row.flag());
                }
            }
            if (subtotals) {
                ReportRow any = rows.get(0);
                Map<String, String> words = Map.of(WorkbookColumn.NAME, text.format("xlsx.subtotal.unit", rows.size()),
                        WorkbookColumn.UNIT_CODE, nullToEmpty(any.unitCode()), WorkbookColumn.UNIT_NAME,
                        nullToEmpty(any.unitName()), WorkbookColumn.ROW_TYPE, text.get("xlsx.rowType.unit"));
                subtotal(sheet.createRow(r), columns, words, first, r - 1, sums(columns, rows), styles.subtotalText,
                        styles.subtotalAmount);
                r++;
            }
        }
        int lastInFilter = r - 1;
        Map<String, String> words = Map.of(WorkbookColumn.NAME, text.format("xlsx.total.projects", report.rows().size()),
                WorkbookColumn.ROW_TYPE, text.get("xlsx.rowType.total"));
        // Outside the filtered range, so the 合计 stays in view and sums what the filter shows.
        subtotal(sheet.createRow(r), columns, words, 1, lastInFilter, sums(columns, report.rows()), styles.totalText,
                styles.totalAmount);
        filter(sheet, lastInFilter, columns.size() - 1);
    }

    /** The exact sum of each summed column over the rows, as their cells show them. */
    private static Map<String, BigDecimal> sums(List<WorkbookColumn> columns, List<ReportRow> rows) {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (WorkbookColumn column : columns) {
            if (column.summed()) {
                BigDecimal sum = BigDecimal.ZERO;
                for (ReportRow row : rows) {
                    Object value = column.value().apply(new WorkbookColumn.Cells(row, "", "", ""));
                    if (value instanceof BigDecimal figure) {
                        sum = sum.add(figure);
                    }
                }
                sums.put(column.key(), sum);
            }
        }
        return sums;
    }

    /**
     * A subtotal (or 合计) row over rows {@code first..last} (0-based): SUBTOTAL(9, …) for summed
     * columns, the columns' derived formulas, the given words; each formula with its value.
     */
    static void subtotal(Row row, List<WorkbookColumn> columns, Map<String, String> words, int first, int last,
            Map<String, BigDecimal> sums, CellStyle textStyle, CellStyle amountStyle) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            index.put(columns.get(c).key(), c);
        }
        WorkbookColumn.Subtotal refs = new WorkbookColumn.Subtotal() {
            @Override
            public String range(String key) {
                String col = CellReference.convertNumToColString(index.get(key));
                return col + (first + 1) + ":" + col + (last + 1);
            }

            @Override
            public String cell(String key) {
                return CellReference.convertNumToColString(index.get(key)) + (row.getRowNum() + 1);
            }

            @Override
            public BigDecimal value(String key) {
                return sums.getOrDefault(key, BigDecimal.ZERO);
            }
        };
        for (int c = 0; c < columns.size(); c++) {
            WorkbookColumn column = columns.get(c);
            Cell cell = row.createCell(c);
            if (column.summed() && last < first) {
                cell.setCellValue(0); // nothing to add up; a range would reach the heading or this row
                cell.setCellStyle(amountStyle);
            } else if (column.summed()) {
                formula(cell, "SUBTOTAL(9," + refs.range(column.key()) + ")", refs.value(column.key()), amountStyle);
            } else if (column.total() != null) {
                WorkbookColumn.Formula f = column.total().of(refs);
                formula(cell, f.text(), f.value(), amountStyle);
            } else {
                cell.setCellValue(words.getOrDefault(column.key(), ""));
                cell.setCellStyle(textStyle);
            }
        }
    }

    /** A formula cell carrying its value, so that readers which do not calculate show the right figure. */
    static void formula(Cell cell, String formula, BigDecimal value, CellStyle style) {
        cell.setCellFormula(formula);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }

    private static void cell(Row row, int c, WorkbookColumn column, Object value, WorkbookStyles styles, Flag flag) {
        Cell cell = row.createCell(c);
        switch (column.kind()) {
            case WHOLE -> {
                if (value instanceof Number n) {
                    cell.setCellValue(n.longValue());
                }
                cell.setCellStyle(styles.center);
            }
            case AMOUNT -> {
                if (value instanceof BigDecimal figure) {
                    // Already rounded to 2 places for display; a double holds that exactly enough for a cell.
                    cell.setCellValue(figure.doubleValue());
                }
                cell.setCellStyle(styles.amount);
            }
            case DATE -> {
                if (value instanceof LocalDate day) {
                    cell.setCellValue(Date.valueOf(day));
                }
                cell.setCellStyle(styles.date);
            }
            case FLAG -> {
                cell.setCellValue(value == null ? "" : value.toString());
                cell.setCellStyle(styles.flag(flag));
            }
            case TEXT -> {
                // setCellValue(String) always makes a string cell, never a formula.
                cell.setCellValue(value == null ? "" : value.toString());
                cell.setCellStyle(styles.text);
            }
        }
    }

    private static void unplanned(SXSSFWorkbook workbook, WorkbookStyles styles, ReportText text,
            VarianceReport report) {
        SXSSFSheet sheet = table(workbook, styles, text, report, text.get("xlsx.sheet.unplanned"),
                List.of("col.code", "col.actual", WorkbookColumn.ROW_TYPE), List.of(26, 14, 9));
        int r = 1;
        BigDecimal sum = BigDecimal.ZERO;
        for (Unplanned u : report.unplanned()) {
            Row row = sheet.createRow(r++);
            text(row, 0, styles.text, u.code());
            row.createCell(1).setCellValue(u.actualWan().doubleValue());
            row.getCell(1).setCellStyle(styles.amount);
            text(row, 2, styles.text, text.get("xlsx.rowType.project"));
            sum = sum.add(u.actualWan());
        }
        Row total = sheet.createRow(r);
        text(total, 0, styles.totalText, text.format("xlsx.total.codes", report.unplanned().size()));
        if (r > 1) {
            formula(total.createCell(1), "SUBTOTAL(9,B2:B" + r + ")", sum, styles.totalAmount);
        } else {
            total.createCell(1).setCellValue(0);
            total.getCell(1).setCellStyle(styles.totalAmount);
        }
        text(total, 2, styles.totalText, text.get("xlsx.rowType.total"));
        filter(sheet, r - 1, 2);
    }

    /** 预算调整: the changes of the plan in force on the date, one line each (a transfer is two). */
    private static void adjustments(SXSSFWorkbook workbook, WorkbookStyles styles, ReportText text,
            VarianceReport report, String title) {
        SXSSFSheet sheet = table(workbook, styles, text, report, text.get("xlsx.sheet.adjustments"),
                List.of("adj.col.date", "col.code", "col.name", "adj.col.change", "adj.col.before", "adj.col.after",
                        "adj.col.document", "adj.col.reason"), List.of(12, 24, 30, 12, 12, 12, 26, 40));
        int r = 1;
        for (PlanAdjustmentLine line : report.adjustments()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(Date.valueOf(line.date()));
            row.getCell(0).setCellStyle(styles.date);
            text(row, 1, styles.text, line.code());
            text(row, 2, styles.text, line.name());
            amount(row, 3, line.changeWan(), styles);
            amount(row, 4, line.budgetBeforeWan(), styles);
            amount(row, 5, line.budgetAfterWan(), styles);
            text(row, 6, styles.text, line.documentNo());
            text(row, 7, styles.text, line.reason());
        }
        filter(sheet, r - 1, 7);
        text(sheet.createRow(r + 1), 0, styles.plain, title);
    }

    private static void amount(Row row, int column, BigDecimal figure, WorkbookStyles styles) {
        Cell cell = row.createCell(column);
        cell.setCellValue(figure.doubleValue()); // rounded to 2 places already: exact enough for a cell
        cell.setCellStyle(styles.amount);
    }

    /** The rejected lines of the run, as the reject CSV lists them. */
    private static void rejects(SXSSFWorkbook workbook, WorkbookStyles styles, ReportText text, VarianceReport report,
            List<IngestLine.Rejected> rejects) {
        SXSSFSheet sheet = table(workbook, styles, text, report, text.get("xlsx.sheet.rejects"),
                List.of("xlsx.col.file", "xlsx.col.line", "xlsx.col.rejectReason", "xlsx.col.rawLine"),
                List.of(36, 8, 50, 80));
        // The reason in the workbook's language; rejected-<as-of>.csv keeps the stored words.
        RejectReasonWords reasons = RejectReasonWords.forLocale(text.locale());
        int r = 1;
        for (IngestLine.Rejected reject : rejects) {
            Row row = sheet.createRow(r++);
            text(row, 0, styles.text, reject.file());
            row.createCell(1).setCellValue(reject.line());
            row.getCell(1).setCellStyle(styles.center);
            text(row, 2, styles.text, reasons.of(reject.reason()));
            text(row, 3, styles.text, reject.rawLine());
        }
        filter(sheet, r - 1, 3);
    }

    /**
     * A sheet whose first row holds the column headings: frozen, repeated on every printed page,
     * the table printed A4 landscape and fitted to the page width.
     */
    static SXSSFSheet table(SXSSFWorkbook workbook, WorkbookStyles styles, ReportText text, VarianceReport report,
            String name, List<String> headingKeys, List<Integer> widths) {
        SXSSFSheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        List<String> headings = headingKeys.stream().map(text::get).toList();
        header.setHeightInPoints(WorkbookStyles.headerHeight(headings, widths, 30));
        for (int c = 0; c < headingKeys.size(); c++) {
            sheet.setColumnWidth(c, widths.get(c) * 256);
            text(header, c, styles.header, headings.get(c));
        }
        sheet.createFreezePane(0, 1);
        print(sheet, text, report, true);
        return sheet;
    }

    /** The filter over the headings and the rows up to {@code lastRow} (0-based). */
    static void filter(SXSSFSheet sheet, int lastRow, int lastColumn) {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, lastRow), 0, lastColumn));
    }

    private static void print(SXSSFSheet sheet, ReportText text, VarianceReport report, boolean repeatHeadings) {
        PrintSetup setup = sheet.getPrintSetup();
        setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
        setup.setLandscape(true);
        setup.setFitWidth((short) 1);
        setup.setFitHeight((short) 0); // as many pages down as it takes
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        if (repeatHeadings) {
            sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        }
        // "&" starts a field code in a page header; a literal one is doubled.
        sheet.getHeader().setLeft(escape(report.unitTitle()));
        sheet.getHeader().setCenter(escape(text.get("title")));
        sheet.getHeader().setRight(escape(text.format("xlsx.print.asOf", report.asOf().toString())));
        sheet.getFooter().setLeft(escape(text.format("header.reportId", report.reportId())));
        sheet.getFooter().setCenter(text.get("xlsx.print.page"));
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&&");
    }

    /** A line of text in the first column (the summary sheet's one wide column). */
    private static int line(SXSSFSheet sheet, int r, CellStyle style, String value) {
        text(sheet.createRow(r), 0, style, value);
        return r + 1;
    }

    static void text(Row row, int column, CellStyle style, String value) {
        Cell cell = row.createCell(column);
        // setCellValue(String) always makes a string cell, never a formula.
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
