package org.budgetmonitor.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.budgetmonitor.quarterly.IndicatorStatus;
import org.budgetmonitor.variance.Flag;

/**
 * The quarterly workbook's cell styles (the PDF's colours and {@code #,##0.00}), created once per
 * workbook, and how a value of each kind becomes a cell. Text is always a string cell, never a
 * formula, however it begins.
 */
final class QuarterlyWorkbookCells {

    /** What a column holds, and so its cell type and style. */
    enum Kind {
        TEXT, INTEGER, AMOUNT, DATE, FLAG, STATUS
    }

    private static final String AMOUNT = "#,##0.00";

    private final QuarterlyText words;
    final CellStyle plain;
    final CellStyle title;
    final CellStyle header;
    final CellStyle text;
    final CellStyle amount;
    private final CellStyle center;
    private final CellStyle date;
    private final CellStyle boldText;
    private final CellStyle boldAmount;
    private final CellStyle boldCenter;
    private final CellStyle flagRed;
    private final CellStyle flagYellow;
    private final CellStyle flagGreen;
    private final CellStyle achieved;
    private final CellStyle notAchieved;
    private final CellStyle inProgress;
    private final CellStyle noData;
    private final CellStyle toConfirm;

    QuarterlyWorkbookCells(SXSSFWorkbook workbook, QuarterlyText words) {
        this.words = words;
        plain = workbook.createCellStyle();
        plain.setFont(font(workbook, 9, false, null));
        title = workbook.createCellStyle();
        title.setFont(font(workbook, 14, true, "1A237E"));
        header = cell(workbook, font(workbook, 9, true, "FFFFFF"), "37474F");
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setWrapText(true);
        Font body = font(workbook, 9, false, null);
        Font bold = font(workbook, 9, true, null);
        text = cell(workbook, body, null);
        text.setWrapText(true);
        center = cell(workbook, body, null);
        center.setAlignment(HorizontalAlignment.CENTER);
        amount = cell(workbook, body, null);
        amount.setDataFormat(workbook.createDataFormat().getFormat(AMOUNT));
        date = cell(workbook, body, null);
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        date.setAlignment(HorizontalAlignment.CENTER);
        boldText = cell(workbook, bold, "E3E8EC");
        boldAmount = cell(workbook, bold, "E3E8EC");
        boldAmount.setDataFormat(workbook.createDataFormat().getFormat(AMOUNT));
        boldCenter = cell(workbook, bold, "E3E8EC");
        boldCenter.setAlignment(HorizontalAlignment.CENTER);
        flagRed = cell(workbook, font(workbook, 9, true, "FFFFFF"), "C62828");
        flagYellow = cell(workbook, font(workbook, 9, true, "3E2723"), "FFCA28");
        flagGreen = cell(workbook, font(workbook, 9, true, "FFFFFF"), "2E7D32");
        achieved = cell(workbook, font(workbook, 9, true, "FFFFFF"), "2E7D32");
        notAchieved = cell(workbook, font(workbook, 9, true, "FFFFFF"), "C62828");
        inProgress = cell(workbook, font(workbook, 9, true, "3E2723"), "FFE082");
        noData = cell(workbook, font(workbook, 9, false, "455A64"), "ECEFF1");
        toConfirm = cell(workbook, font(workbook, 9, true, "0D47A1"), "BBDEFB");
    }

    /** A value in a cell of its column's kind; {@code total} for the bold 合计/小计 rows. */
    void put(Row row, int column, Kind kind, Object value, boolean total) {
        switch (kind) {
            case TEXT -> text(row, column, total ? boldText : text, (String) value);
            case INTEGER -> {
                Cell cell = row.createCell(column);
                if (value != null) {
                    cell.setCellValue(((Number) value).doubleValue());
                }
                cell.setCellStyle(total ? boldCenter : center);
            }
            case AMOUNT -> number(row, column, total ? boldAmount : amount, (BigDecimal) value);
            case DATE -> {
                Cell cell = row.createCell(column);
                if (value != null) {
                    cell.setCellValue(Date.valueOf((LocalDate) value));
                }
                cell.setCellStyle(total ? boldText : date);
            }
            case FLAG -> {
                Flag flag = (Flag) value;
                text(row, column, flag == null ? boldText : flag(flag), flag == null ? "" : words.nightly().flag(flag));
            }
            case STATUS -> {
                if (value == null) {
                    text(row, column, boldText, "");
                } else {
                    status(row, column, (IndicatorStatus) value);
                }
            }
        }
    }

    void status(Row row, int column, IndicatorStatus status) {
        CellStyle style = switch (status) {
            case ACHIEVED -> achieved;
            case NOT_ACHIEVED -> notAchieved;
            case IN_PROGRESS -> inProgress;
            case NO_DATA -> noData;
            case TO_CONFIRM -> toConfirm;
        };
        text(row, column, style, words.get("q.status." + status.name()));
    }

    void integer(Row row, int column, int value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(center);
    }

    /** A line of text across the sheet's width. */
    int line(SXSSFSheet sheet, int r, CellStyle style, String value, int lastColumn) {
        Row row = sheet.createRow(r);
        text(row, 0, style, value);
        sheet.addMergedRegionUnsafe(new CellRangeAddress(r, r, 0, lastColumn));
        return r + 1;
    }

    void text(Row row, int column, CellStyle style, String value) {
        Cell cell = row.createCell(column);
        // setCellValue(String) always makes a string cell, never a formula.
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    void number(Row row, int column, CellStyle style, BigDecimal value) {
        Cell cell = row.createCell(column);
        if (value != null) {
            // Already rounded to 2 places as in the CSV; a double holds that exactly enough for a cell.
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }

    /** A4 landscape, fitted to one page wide, the header row on every page, page and report id in the footer. */
    void printSetup(SXSSFSheet sheet, int headerRow, String reportIdLine) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        sheet.getFooter().setLeft(reportIdLine);
        // &P and &N are Excel's page number and page count.
        sheet.getFooter().setRight(words.nightly().format("footer.page", "&P") + " "
                + words.nightly().format("footer.total", "&N"));
    }

    private CellStyle flag(Flag flag) {
        return switch (flag) {
            case RED -> flagRed;
            case YELLOW -> flagYellow;
            case GREEN -> flagGreen;
        };
    }

    private static CellStyle cell(SXSSFWorkbook workbook, Font font, String fill) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        for (Consumer<BorderStyle> border : List.<Consumer<BorderStyle>>of(style::setBorderTop, style::setBorderBottom,
                style::setBorderLeft, style::setBorderRight)) {
            border.accept(BorderStyle.THIN);
        }
        if (fill != null) {
            ((XSSFCellStyle) style).setFillForegroundColor(color(fill));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return style;
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
        return new XSSFColor(HexFormat.of().parseHex(rgb));
    }
}
