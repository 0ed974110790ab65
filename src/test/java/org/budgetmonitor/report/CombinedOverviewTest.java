package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The combined report of more projects than {@code monitor.report.combined-detail-max-projects}: a
 * bureau head reads the units and the flagged projects, a finance officer filters every project in
 * the workbook.
 */
class CombinedOverviewTest {

    @TempDir
    static Path dir;

    static ReportText text = ReportText.forLanguage("zh");
    static List<VarianceReport> reports;
    static RenderedReport overview;

    @BeforeAll
    static void render() throws IOException {
        // 3 units of 10 projects: per unit 2 RED (i = 5, 10), 2 YELLOW (i = 1, 6), 6 GREEN.
        ReportFixtures fixtures = ReportFixtures.manyUnits(3, 10);
        reports = fixtures.reports(text, 20);
        overview = RenderedReport.render(reports.get(0), text, dir.resolve("overview"), fixtures.workbookDetails());
    }

    @Test
    void combinedReportOfManyUnitsListsUnitsAndFlaggedProjects() {
        String all = overview.text();
        assertThat(all).contains("汇总（3 个单位，见各单位执行情况）", "纳入监控项目 30 个：红色预警 6 个，黄色预警 6 个，绿色正常 18 个",
                "各单位执行情况", "红黄预警项目明细：红色 6 个，黄色 6 个（绿色项目 18 个不逐项列出");
        // One line per unit: code, name, projects, RED, YELLOW, GREEN, budget, actual, rate.
        assertThat(all).containsPattern("470002\\s+沧州临港经济技术开发区第2预算单位本级\\s+10\\s+2\\s+2\\s+6\\s+1,000.00\\s+380.00\\s+38.00");
        // Flagged projects only, RED before YELLOW.
        assertThat(all).contains("13091626P000030000010", "13091626P000030000006").doesNotContain("13091626P000030000002");
        assertThat(all).containsPattern("红色预警项目\\s+单位：470001").containsPattern("黄色预警项目\\s+单位：470001");
        assertThat(all.indexOf("13091626P000030000010")).as("the last RED project before the first YELLOW one")
                .isLessThan(all.indexOf("13091626P000010000001"));
        // Still the charts and the sign-off, every page numbered.
        assertThat(all).contains("红黄预警项目：计划与实际累计支出", "填报人");
        for (int i = 1; i <= overview.pages.size(); i++) {
            assertThat(overview.pages.get(i - 1)).contains("第 " + i + " 页 /", "报告编号：BM-20260630-ALL-E1");
        }
    }

    @Test
    void theWorkbookOfAnOverviewStillListsEveryProjectWithItsUnit() throws IOException {
        List<Row> projectRows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(overview.xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("项目执行情况");
            for (Row row : sheet) {
                Cell code = row.getCell(1);
                if (code != null && code.getCellType() == CellType.STRING
                        && code.getStringCellValue().startsWith("13091626P")) {
                    projectRows.add(row);
                }
            }
            assertThat(projectRows).hasSize(30);
            Row green = projectRows.get(11); // unit 2, project 2
            assertThat(green.getCell(1).getStringCellValue()).isEqualTo("13091626P000020000002");
            assertThat(green.getCell(13).getStringCellValue()).isEqualTo("绿色");
            assertThat(green.getCell(14).getStringCellValue()).isEqualTo("正常");
            assertThat(green.getCell(15).getStringCellValue()).isEqualTo("470002");
            assertThat(green.getCell(16).getStringCellValue()).isEqualTo("沧州临港经济技术开发区第2预算单位本级");
            assertThat(green.getCell(3).getNumericCellValue()).isEqualTo(100.0);
            assertThat(green.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(green.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            // The header row can be filtered.
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getCTWorksheet().isSetAutoFilter()).isTrue();
        }
    }

    @Test
    void aUnitsReportAndACombinedReportOfFewProjectsKeepEveryProject() throws IOException {
        VarianceReport unit = reports.get(2);
        assertThat(unit.overview()).isFalse();
        assertThat(unit.printedRows()).hasSize(10);
        VarianceReport small = ReportFixtures.manyUnits(3, 10).reports(text, 30).get(0);
        assertThat(small.overview()).isFalse();
        assertThat(small.unitTitle()).startsWith("汇总（3 个单位）：");
        assertThat(small.printedRows()).hasSize(30);
    }
}
