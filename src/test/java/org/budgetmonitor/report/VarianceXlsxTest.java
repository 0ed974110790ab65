package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VarianceXlsxTest {

    @TempDir
    Path dir;

    @Test
    void theWorkbookHoldsTheSameFiguresAsNumbersBesideTheProjectNames() throws IOException {
        RenderedReport report = RenderedReport.render(ReportFixtures.sample(), "zh", dir);
        List<Cell> cells = cells(report.xlsx);

        Row row = rowOf(cells, "国内招商").orElseThrow();
        List<Double> numbers = new ArrayList<>();
        row.forEach(c -> {
            if (c.getCellType() == CellType.NUMERIC) {
                numbers.add(c.getNumericCellValue());
            }
        });
        // no, budget, checkpoint date (an Excel date), checkpoint plan, expected, actual, rate, gap
        assertThat(numbers).contains(20.0, 10.0, 1.2, 6.0, -44.0);
        assertThat(texts(cells)).anyMatch(t -> t.contains("红色 进度滞后（节点计划未完成）"))
                .anyMatch(t -> t.contains("预算执行进度监控报告"));
    }

    @Test
    void namesAndCodesThatLookLikeFormulasAreWrittenAsText() throws IOException {
        String unit = "测试单位";
        ReportFixtures fixtures = new ReportFixtures()
                .project("472001", unit, "C1", "=HYPERLINK(\"http://x\",\"点我\")", "10.00")
                .project("472001", unit, "C2", "+1+1", "10.00")
                .project("472001", unit, "C3", "-2+3", "10.00")
                .project("472001", unit, "C4", "@SUM(A1:A2)", "10.00")
                .unplanned("=1+2", "100.00");
        RenderedReport report = RenderedReport.render(fixtures, "zh", dir);
        List<Cell> cells = cells(report.xlsx);

        assertThat(cells).noneMatch(c -> c.getCellType() == CellType.FORMULA);
        for (String name : List.of("=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2+3", "@SUM(A1:A2)")) {
            assertThat(cells).as(name).anyMatch(c -> c.getCellType() == CellType.STRING
                    && c.getStringCellValue().equals(name));
        }
        assertThat(texts(cells)).anyMatch(t -> t.contains("=1+2 实际支出 0.01 万元"));
    }

    private static Optional<Row> rowOf(List<Cell> cells, String text) {
        return cells.stream().filter(c -> c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text))
                .map(Cell::getRow).findFirst();
    }

    private static List<String> texts(List<Cell> cells) {
        return cells.stream().filter(c -> c.getCellType() == CellType.STRING).map(Cell::getStringCellValue).toList();
    }

    private static List<Cell> cells(Path xlsx) throws IOException {
        List<Cell> cells = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                sheet.forEach(r -> r.forEach(cells::add));
            }
        }
        return cells;
    }
}
