package org.budgetmonitor.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.budgetmonitor.variance.Flag;

/**
 * The report as a workbook for finance officers: the header and summary lines, then every project
 * as one row of typed cells (amounts and rates numeric with the PDF's {@code #,##0.00}, the checkpoint
 * an Excel date), with the unit in columns of its own so that the sheet can be filtered and sorted,
 * then unplanned spending and rejects. Written streaming (POI SXSSF), a few hundred rows in memory
 * at a time, so 50,000 projects take seconds and little heap; the charts stay in the PDF.
 *
 * <p>Names and codes are always string cells: a name beginning with {@code =} never becomes a formula.
 */
final class VarianceWorkbook {

    /** Rows kept in memory while writing; older ones are flushed to a temporary file. */
    private static final int WINDOW = 200;
    private static final String AMOUNT = "#,##0.00";
    private static final String DATE = "yyyy-mm-dd";
    private static final String[] COLUMN_KEYS = {"col.no", "col.code", "col.name", "col.budget", "col.cpDate",
        "col.cpPlan", "col.expected", "col.actual", "col.rate", "col.gap", "col.flag", "col.unitCode", "col.unitName"};
    /** Widths in characters, roughly the PDF's column proportions. */
    private static final int[] WIDTHS = {7, 24, 34, 12, 12, 12, 12, 12, 10, 11, 28, 10, 34};

    private VarianceWorkbook() {
    }

    static void write(VarianceReport report, Map<String, Object> parameters, ReportText text, String sheetName,
            OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            Styles styles = new Styles(workbook);
            SXSSFSheet sheet = workbook.createSheet(sheetName);
            for (int c = 0; c < WIDTHS.length; c++) {
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            int last = COLUMN_KEYS.length - 1;
            int r = 0;
            r = line(sheet, r, styles.plain, (String) parameters.get("UNIT_LINE"), last);
            r = line(sheet, r, styles.plain, text.format("header.reportId", report.reportId()), last);
            r = line(sheet, r, styles.title, text.get("title"), last);
            r = line(sheet, r, styles.plain, (String) parameters.get("META_LINE"), last);
            r = line(sheet, r, styles.bold, text.get("summary.title"), last);
            for (String key : List.of("SUMMARY_COUNTS", "SUMMARY_TOTALS", "SUMMARY_PROGRESS", "SUMMARY_RED")) {
                r = line(sheet, r, key.equals("SUMMARY_RED") ? styles.red : styles.plain, (String) parameters.get(key),
                        last);
            }
            r++;
            int headerRow = r;
            Row header = sheet.createRow(r++);
            header.setHeightInPoints(28);
            for (int c = 0; c < COLUMN_KEYS.length; c++) {
                text(header, c, styles.header, text.get(COLUMN_KEYS[c]));
            }
            for (ReportRow row : report.rows()) {
                Row x = sheet.createRow(r++);
                x.createCell(0, org.apache.poi.ss.usermodel.CellType.NUMERIC).setCellValue(row.no());
                x.getCell(0).setCellStyle(styles.center);
                text(x, 1, styles.text, row.code());
                text(x, 2, styles.text, row.name());
                number(x, 3, styles.amount, row.budgetWan());
                if (row.checkpointDate() != null) {
                    Cell date = x.createCell(4);
                    date.setCellValue(Date.valueOf(row.checkpointDate()));
                    date.setCellStyle(styles.date);
                }
                number(x, 5, styles.amount, row.checkpointPlanWan());
                number(x, 6, styles.amount, row.expectedWan());
                number(x, 7, styles.amount, row.actualWan());
                number(x, 8, styles.amount, row.ratePct());
                number(x, 9, styles.amount, row.gapPp());
                text(x, 10, styles.flag(row.flag()), row.flagText());
                text(x, 11, styles.text, row.unitCode());
                text(x, 12, styles.text, row.unitName());
            }
            int lastRow = r - 1;
            sheet.createFreezePane(0, headerRow + 1);
            if (lastRow > headerRow) {
                sheet.setAutoFilter(new CellRangeAddress(headerRow, lastRow, 0, last));
            }
            r++;
            r = line(sheet, r, styles.bold, text.get("section.unplanned"), last);
            r = line(sheet, r, styles.plain, (String) parameters.get("UNPLANNED_TEXT"), last);
            line(sheet, r, styles.plain, (String) parameters.get("REJECT_TEXT"), last);
            workbook.write(out);
        } finally {
            workbook.close(); // also deletes SXSSF's temporary files
        }
    }

    /** A line of text across the table's width. */
    private static int line(SXSSFSheet sheet, int r, CellStyle style, String value, int lastColumn) {
        Row row = sheet.createRow(r);
        text(row, 0, style, value);
        sheet.addMergedRegionUnsafe(new CellRangeAddress(r, r, 0, lastColumn));
        return r + 1;
    }

    private static void text(Row row, int column, CellStyle style, String value) {
        Cell cell = row.createCell(column);
        // setCellValue(String) always makes a string cell, never a formula.
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int column, CellStyle style, BigDecimal value) {
        Cell cell = row.createCell(column);
        if (value != null) {
            // Already rounded to 2 places for display; a double holds that exactly enough for a cell.
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }

    /** The PDF's colours and formats, created once per workbook (Excel limits the number of styles). */
    private static final class Styles {

        final CellStyle plain;
        final CellStyle bold;
        final CellStyle red;
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle center;
        final CellStyle amount;
        final CellStyle date;
        final CellStyle flagRed;
        final CellStyle flagYellow;
        final CellStyle flagGreen;

        Styles(SXSSFWorkbook workbook) {
            plain = workbook.createCellStyle();
            plain.setFont(font(workbook, 9, false, null));
            bold = workbook.createCellStyle();
            bold.setFont(font(workbook, 10, true, "263238"));
            red = workbook.createCellStyle();
            red.setFont(font(workbook, 9, true, "B71C1C"));
            red.setWrapText(true);
            title = workbook.createCellStyle();
            title.setFont(font(workbook, 16, true, "1A237E"));
            title.setAlignment(HorizontalAlignment.CENTER);
            header = cell(workbook, font(workbook, 9, true, "FFFFFF"));
            fill(header, "37474F");
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            Font body = font(workbook, 9, false, null);
            text = cell(workbook, body);
            center = cell(workbook, body);
            center.setAlignment(HorizontalAlignment.CENTER);
            amount = cell(workbook, body);
            amount.setDataFormat(workbook.createDataFormat().getFormat(AMOUNT));
            date = cell(workbook, body);
            date.setDataFormat(workbook.createDataFormat().getFormat(DATE));
            date.setAlignment(HorizontalAlignment.CENTER);
            flagRed = cell(workbook, font(workbook, 9, true, "FFFFFF"));
            fill(flagRed, "C62828");
            flagYellow = cell(workbook, font(workbook, 9, true, "3E2723"));
            fill(flagYellow, "FFCA28");
            flagGreen = cell(workbook, font(workbook, 9, true, "FFFFFF"));
            fill(flagGreen, "2E7D32");
        }

        CellStyle flag(Flag flag) {
            return switch (flag) {
                case RED -> flagRed;
                case YELLOW -> flagYellow;
                case GREEN -> flagGreen;
            };
        }

        private static CellStyle cell(SXSSFWorkbook workbook, Font font) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            for (var border : List.<java.util.function.Consumer<BorderStyle>>of(style::setBorderTop,
                    style::setBorderBottom, style::setBorderLeft, style::setBorderRight)) {
                border.accept(BorderStyle.THIN);
            }
            return style;
        }

        private static void fill(CellStyle style, String rgb) {
            ((XSSFCellStyle) style).setFillForegroundColor(color(rgb));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }

        private static Font font(SXSSFWorkbook workbook, int points, boolean bold, String rgb) {
            XSSFFont font = (XSSFFont) workbook.createFont();
            font.setFontHeightInPoints((short) points);
            font.setBold(bold);
            if (rgb != null) {
                font.setColor(color(rgb));
            }
            return font;
        }

        private static XSSFColor color(String rgb) {
            return new XSSFColor(java.util.HexFormat.of().parseHex(rgb));
        }
    }
}
