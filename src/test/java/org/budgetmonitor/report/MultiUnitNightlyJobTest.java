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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The nightly job on the sample plan plus a second unit: besides the combined PDF it writes one PDF
 * and one XLSX per unit, named by unit code, each with only that unit's projects.
 */
@JobTest
class MultiUnitNightlyJobTest {

    static final String FINANCE = "沧州临港经济技术开发区财政局本级";
    static final String BIOMED = "沧州临港经济技术开发区生物医药招商局本级";
    static final List<String> FINANCE_CODES = List.of("13091626P000100000001", "13091626P000100000002");
    static final List<String> BIOMED_CODES = List.of("13091626P000175100046", "13091626P00017610004U",
            "13091626P000177100055", "13091626P000178100047", "13091626P00018210006K");

    static final String UNPLANNED_CODE = "13091626P000199100001";

    @Autowired
    NightlyJobHarness job;

    @TempDir
    Path dir;

    @Test
    void aTwoUnitPlanGivesTheCombinedPdfAndOnePdfPerUnitWithOnlyThatUnitsProjects() throws Exception {
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

        var execution = job.run(LocalDate.of(2026, 6, 30), plan, inbox, dir.resolve("out"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path out = dir.resolve("out/2026-06-30");
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
        // Each unit's officers get the workbook too, restricted to their unit: its projects, its payments.
        List<String> financeBook = strings(out.resolve("variance-2026-06-30-471005.xlsx"));
        List<String> biomedBook = strings(out.resolve("variance-2026-06-30-472001.xlsx"));
        assertThat(financeBook).contains(FINANCE_CODES.toArray(String[]::new)).doesNotContain(BIOMED);
        assertThat(biomedBook).contains(BIOMED_CODES.toArray(String[]::new)).doesNotContain(FINANCE);
        for (String code : BIOMED_CODES) {
            assertThat(financeBook).doesNotContain(code);
        }
        for (String code : FINANCE_CODES) {
            assertThat(biomedBook).doesNotContain(code);
        }
        // The unplanned code belongs to no unit: only in the combined workbook.
        assertThat(financeBook).doesNotContain(UNPLANNED_CODE);
        assertThat(biomedBook).doesNotContain(UNPLANNED_CODE);
        try (XSSFWorkbook book = VarianceXlsxTest.open(out.resolve("variance-2026-06-30-472001.xlsx"))) {
            List<String> detail = new ArrayList<>();
            book.getSheet("支付明细").forEach(row -> detail.addAll(VarianceXlsxTest.strings(row)));
            assertThat(detail).anyMatch(s -> s.startsWith("JZ-2026-"))
                    .anyMatch(s -> s.startsWith("合计（") && !s.contains("计划外"));
        }
    }

    private static List<String> strings(Path xlsx) throws IOException {
        assertThat(xlsx).exists();
        List<String> all = new ArrayList<>();
        try (XSSFWorkbook book = VarianceXlsxTest.open(xlsx)) {
            book.forEach(sheet -> sheet.forEach(row -> all.addAll(VarianceXlsxTest.strings(row))));
        }
        return all;
    }

    private static String text(Path pdf) throws IOException {
        assertThat(pdf).exists();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
