package org.budgetmonitor.quarterly;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads a quarterly run's files back for the tests: CSV rows by column, PDF text, workbook cells. */
final class QuarterlyOutputs {

    private QuarterlyOutputs() {
    }

    /** The CSV's rows as column → cell (the BOM dropped). */
    static List<Map<String, String>> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = new java.io.StringReader(text);
                CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT.builder().setHeader().get())) {
            for (CSVRecord record : parser) {
                rows.add(new LinkedHashMap<>(record.toMap()));
            }
        }
        return rows;
    }

    static List<String> header(Path csv) throws IOException {
        return List.of(Files.readAllLines(csv, StandardCharsets.UTF_8).get(0).replace("\uFEFF", "").split(","));
    }

    /** The PDF's pages as text, in the order the cells are drawn. */
    static List<String> pages(Path pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(doc));
            }
        }
        return pages;
    }

    /** Text without any white space: a cell's text wrapped onto several lines reads as one. */
    static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** A sheet's rows as cell values: text as String, numbers as BigDecimal (2 places), dates as ISO text. */
    static List<List<Object>> sheet(Path xlsx, String name) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheet(name);
            if (sheet == null) {
                throw new AssertionError("no sheet " + name + " in " + xlsx.getFileName());
            }
            List<List<Object>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<Object> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(value(row.getCell(c)));
                    }
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    static Object value(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP);
        }
        if (cell.getCellType() == CellType.FORMULA) {
            throw new AssertionError("a formula in " + cell.getAddress());
        }
        return cell.getStringCellValue();
    }

    /** The header row (the first row whose first cell is 序号) and the rows under it, as maps. */
    static List<Map<String, Object>> table(List<List<Object>> sheet) {
        int header = -1;
        for (int r = 0; r < sheet.size(); r++) {
            if (!sheet.get(r).isEmpty() && "序号".equals(sheet.get(r).get(0))) {
                header = r;
                break;
            }
        }
        if (header < 0) {
            throw new AssertionError("no header row");
        }
        List<String> names = sheet.get(header).stream().map(o -> String.valueOf(o).replace("\n", "")).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> cells : sheet.subList(header + 1, sheet.size())) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                row.put(names.get(c), c < cells.size() ? cells.get(c) : null);
            }
            rows.add(row);
        }
        return rows;
    }

    static Optional<Map<String, Object>> rowWith(List<Map<String, Object>> rows, String column, Object value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).findFirst();
    }

    /** A CSV amount as a number, null when empty. */
    static BigDecimal number(String cell) {
        return cell == null || cell.isEmpty() ? null : new BigDecimal(cell).setScale(2);
    }
}
