package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The nightly job on the sample plan plus a second unit: besides the combined PDF it writes one PDF
 * and XLSX per unit, named by unit code, each with only that unit's projects, payments and rejects.
 */
@JobTest
class MultiUnitNightlyJobTest {

    static final String FINANCE = "沧州临港经济技术开发区财政局本级";
    static final String BIOMED = "沧州临港经济技术开发区生物医药招商局本级";
    static final List<String> FINANCE_CODES = List.of("13091626P000100000001", "13091626P000100000002");
    static final List<String> BIOMED_CODES = List.of("13091626P000175100046", "13091626P00017610004U",
            "13091626P000177100055", "13091626P000178100047", "13091626P00018210006K");
    static final String UNPLANNED = "13091626P000199100001";

    @Autowired
    NightlyJobHarness job;

    @TempDir
    Path dir;

    @Test
    void aTwoUnitPlanGivesTheCombinedPdfAndOnePdfPerUnitWithOnlyThatUnitsProjects() throws Exception {
        Path out = runTwoUnits();
        String combined = text(out.resolve("variance-2026-06-30.pdf"));
        String finance = text(out.resolve("variance-2026-06-30-471005.pdf"));
        String biomed = text(out.resolve("variance-2026-06-30-472001.pdf"));

        assertThat(combined).contains(FINANCE, BIOMED, "汇总（2 个单位）");
        assertThat(combined).contains(FINANCE_CODES).contains(BIOMED_CODES);
        assertThat(finance).contains("编制单位：" + FINANCE, "BM-20260630-471005-").contains(FINANCE_CODES)
                .doesNotContain(BIOMED, "汇总（");
        BIOMED_CODES.forEach(code -> assertThat(finance).doesNotContain(code));
        assertThat(biomed).contains("编制单位：" + BIOMED, "BM-20260630-472001-").contains(BIOMED_CODES)
                .doesNotContain(FINANCE, "汇总（");
        FINANCE_CODES.forEach(code -> assertThat(biomed).doesNotContain(code));
        assertThat(out.resolve("variance-2026-06-30.xlsx")).exists();
        // The sample's line of 02-30 (3,000 元 for 国内招商) is 472001's: its report counts it, 471005's does not.
        // A line without a project code cannot be placed: both units are told it is with the finance department.
        assertThat(biomed).contains("本单位项目有 1 行支付记录被拒收", "另有 1 行拒收记录");
        assertThat(finance).contains("本单位项目无拒收记录", "另有 1 行拒收记录").doesNotContain("行支付记录被拒收");
        assertThat(combined).contains("共 2 行（含以前各次导入已拒收");
    }

    @Test
    void eachUnitGetsItsOwnWorkbookWithItsProjectsTotalsPaymentsAndRejectsOnly() throws Exception {
        Path out = runTwoUnits();
        for (String unit : List.of("471005", "472001")) {
            List<String> own = unit.equals("471005") ? FINANCE_CODES : BIOMED_CODES;
            List<String> other = unit.equals("471005") ? BIOMED_CODES : FINANCE_CODES;
            try (XSSFWorkbook workbook = VarianceXlsxTest.open(out.resolve("variance-2026-06-30-" + unit + ".xlsx"))) {
                Sheet sheet = workbook.getSheet("项目执行情况");
                assertThat(codes(sheet, 1)).as(unit).containsExactlyElementsOf(own);
                assertThat(VarianceXlsxTest.strings(sheet.getRow(own.size() + 1))).as(unit)
                        .contains("合计（" + own.size() + " 个项目）");
                assertThat(codes(workbook.getSheet("支付明细"), 0)).as(unit).doesNotContainAnyElementsOf(other)
                        .doesNotContain(UNPLANNED);
                assertThat(codes(workbook.getSheet("计划外支出"), 0)).as(unit).isEmpty();
                Sheet rejects = workbook.getSheet("拒收明细");
                if (unit.equals("472001")) {
                    assertThat(rejects.getLastRowNum()).isEqualTo(1);
                    assertThat(VarianceXlsxTest.strings(rejects.getRow(1)))
                            .anyMatch(cell -> cell.contains("2026-02-30,13091626P000175100046"));
                } else {
                    assertThat(rejects.getLastRowNum()).isZero();
                }
            }
        }
    }

    private Path runTwoUnits() throws Exception {
        job.clear();
        Path plan = Files.createDirectories(dir.resolve("plan"));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        for (String file : List.of("projects.csv", "indicators.csv")) {
            Files.copy(Path.of("sample-data/plan", file), plan.resolve(file));
        }
        Files.writeString(plan.resolve("projects.csv"), String.join("\n",
                "2026,471005," + FINANCE + "," + FINANCE_CODES.get(0) + ",财政信息化运维,30.00,30.00,,运维,保障运行,AUTO,"
                        + "5.00,15.00,20.00,30.00",
                "2026,471005," + FINANCE + "," + FINANCE_CODES.get(1) + ",预算绩效评价,12.00,12.00,,评价,完成评价,AUTO,"
                        + "2.00,6.00,9.00,12.00",
                ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path payments = inbox.resolve("finance-2026-01-01_2026-06-30.csv");
        Files.copy(Path.of("sample-data/disbursements/finance-2026-01-01_2026-06-30.csv"), payments);
        Files.writeString(payments, String.join("\n",
                "2026-02-11," + FINANCE_CODES.get(0) + ",财政信息化运维,20000.00,JZ-2026-0901,某科技公司,运维费,一般公共预算",
                "2026-05-11," + FINANCE_CODES.get(1) + ",预算绩效评价,60000.00,JZ-2026-0902,某评估公司,评价费,一般公共预算",
                ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Files.writeString(inbox.resolve("no-code.csv"), "支付日期,项目编码,项目名称,金额,凭证号,收款人,摘要,资金性质\n"
                + "2026-03-02,,未填编码,500.00,JZ-2026-0999,某公司,办公用品,一般公共预算\n", StandardCharsets.UTF_8);
        var execution = job.run(LocalDate.of(2026, 6, 30), plan, inbox, dir.resolve("out"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return dir.resolve("out/2026-06-30");
    }

    /** The project codes in a column of a sheet below its headings (subtotal and total rows have none). */
    private static List<String> codes(Sheet sheet, int column) {
        List<String> codes = new ArrayList<>();
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (row.getRowNum() > 0 && cell != null && cell.getCellType() == CellType.STRING
                    && cell.getStringCellValue().startsWith("13091626")) {
                codes.add(cell.getStringCellValue());
            }
        }
        return codes;
    }

    private static String text(Path pdf) throws IOException {
        assertThat(pdf).exists();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
