package org.budgetmonitor.report;

import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.budgetmonitor.variance.Flag;

/** The PDF's colours and formats, created once per workbook (Excel limits the number of styles). */
final class WorkbookStyles {

    static final String AMOUNT = "#,##0.00";
    static final String DATE = "yyyy-mm-dd";

    final CellStyle plain;
    final CellStyle bold;
    final CellStyle red;
    final CellStyle title;
    final CellStyle header;
    final CellStyle text;
    final CellStyle center;
    final CellStyle amount;
    final CellStyle date;
    final CellStyle subtotalText;
    final CellStyle subtotalAmount;
    final CellStyle totalText;
    final CellStyle totalAmount;
    private final CellStyle flagRed;
    private final CellStyle flagYellow;
    private final CellStyle flagGreen;

    WorkbookStyles(SXSSFWorkbook workbook) {
        plain = workbook.createCellStyle();
        plain.setFont(font(workbook, 9, false, null));
        plain.setWrapText(true);
        plain.setVerticalAlignment(VerticalAlignment.TOP);
        bold = workbook.createCellStyle();
        bold.setFont(font(workbook, 10, true, "263238"));
        red = workbook.createCellStyle();
        red.setFont(font(workbook, 9, true, "B71C1C"));
        red.setWrapText(true);
        red.setVerticalAlignment(VerticalAlignment.TOP);
        title = workbook.createCellStyle();
        title.setFont(font(workbook, 16, true, "1A237E"));
        header = cell(workbook, font(workbook, 9, true, "FFFFFF"));
        fill(header, "37474F");
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setWrapText(true);
        Font body = font(workbook, 9, false, null);
        text = cell(workbook, body);
        center = cell(workbook, body);
        center.setAlignment(HorizontalAlignment.CENTER);
        short amountFormat = workbook.createDataFormat().getFormat(AMOUNT);
        amount = cell(workbook, body);
        amount.setDataFormat(amountFormat);
        date = cell(workbook, body);
        date.setDataFormat(workbook.createDataFormat().getFormat(DATE));
        date.setAlignment(HorizontalAlignment.CENTER);
        Font strong = font(workbook, 9, true, "263238");
        subtotalText = cell(workbook, strong);
        fill(subtotalText, "E3E9ED");
        subtotalAmount = cell(workbook, strong);
        fill(subtotalAmount, "E3E9ED");
        subtotalAmount.setDataFormat(amountFormat);
        totalText = cell(workbook, strong);
        fill(totalText, "B0BEC5");
        totalAmount = cell(workbook, strong);
        fill(totalAmount, "B0BEC5");
        totalAmount.setDataFormat(amountFormat);
        flagRed = cell(workbook, font(workbook, 9, true, "FFFFFF"));
        fill(flagRed, "C62828");
        flagYellow = cell(workbook, font(workbook, 9, true, "3E2723"));
        fill(flagYellow, "FFCA28");
        flagGreen = cell(workbook, font(workbook, 9, true, "FFFFFF"));
        fill(flagGreen, "2E7D32");
        for (CellStyle flag : List.of(flagRed, flagYellow, flagGreen)) {
            flag.setAlignment(HorizontalAlignment.CENTER);
        }
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
        for (Consumer<BorderStyle> border : List.<Consumer<BorderStyle>>of(style::setBorderTop,
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

    /** Points a line of a 9 pt bold heading takes in a row. */
    static final float HEADING_LINE_POINTS = 12f;

    /**
     * The height of a header row that shows every heading whole, at least {@code minimum}: Excel shows
     * wrapped text only as far as its row is high, and an English heading wraps to more lines than the
     * Chinese one. Each line of a heading is wrapped at its column's width in characters (a Chinese
     * character as wide as two Latin ones), breaking at spaces, a word wider than the column anywhere.
     */
    static float headerHeight(List<String> headings, List<Integer> widths, float minimum) {
        int lines = 1;
        for (int c = 0; c < headings.size(); c++) {
            lines = Math.max(lines, wrappedLines(headings.get(c), widths.get(c)));
        }
        return Math.max(minimum, lines * HEADING_LINE_POINTS);
    }

    static int wrappedLines(String heading, int widthChars) {
        int lines = 0;
        for (String line : heading.split("\n", -1)) {
            lines++;
            int used = 0;
            for (String word : line.split(" ")) {
                int w = word.codePoints().map(ch -> ch < 0x2E80 ? 1 : 2).sum();
                if (used > 0 && used + 1 + w > widthChars) {
                    lines++;
                    used = 0;
                }
                used += (used > 0 ? 1 : 0) + w;
                for (; used > widthChars; used -= widthChars) {
                    lines++;
                }
            }
        }
        return lines;
    }
}
