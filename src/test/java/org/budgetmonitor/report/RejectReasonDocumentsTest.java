package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetmonitor.ingest.IngestLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reasons lines and files were rejected for, as the officer reads them: the reject CSV and the
 * database keep the ingest's words (English, stable), a Chinese workbook gives each in Chinese, an
 * English one as stored.
 */
class RejectReasonDocumentsTest {

    /** As the ingest stores them: a bad date, an amount nobody can read, a file rejected whole. */
    static final List<IngestLine.Rejected> REJECTS = List.of(
            new IngestLine.Rejected("finance-2026-01-01_2026-06-30.csv", 1, 5, "支付日期 (date) '2026-02-30' does not exist",
                    "2026-02-30,13091626P000175100046,国内招商,3000.00", "13091626P000175100046"),
            new IngestLine.Rejected("finance-2026-01-01_2026-06-30.csv", 1, 9, "金额 (amount): 'abc' is not a number",
                    "2026-03-02,13091626P000175100046,国内招商,abc", "13091626P000175100046"),
            new IngestLine.Rejected("treasury-2026-08.csv", 2, 14, "control total mismatch: the 合计 row states 10,000.00 元"
                    + " for 金额 but the file's rows add up to 9,000.00 元; the whole file was rejected and none of its"
                    + " lines counted", "", null));

    @TempDir
    Path dir;

    @Test
    void theChineseWorkbookGivesEachRejectionReasonInChinese() throws IOException {
        assertThat(reasons("zh")).containsExactly(
                "支付日期 (date)“2026-02-30”不是实际存在的日期",
                "金额 (amount)无法读取：“abc”不是数字",
                "合计行不符：合计行列明金额 10,000.00 元，而文件各行相加为 9,000.00 元；整份文件被拒收，其中各行均未计入");
    }

    @Test
    void theEnglishWorkbookGivesTheReasonsAsStored() throws IOException {
        assertThat(reasons("en")).containsExactlyElementsOf(REJECTS.stream().map(IngestLine.Rejected::reason).toList());
    }

    private List<String> reasons(String language) throws IOException {
        ReportText text = ReportText.forLanguage(language);
        ReportFixtures fixtures = ReportFixtures.sample().rejected(REJECTS.size());
        RenderedReport rendered = RenderedReport.render(fixtures.reports(text).get(0), text,
                Files.createDirectories(dir.resolve(language)), new WorkbookDetails(Map.of(), REJECTS, null));
        try (InputStream in = Files.newInputStream(rendered.xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(text.get("xlsx.sheet.rejects"));
            List<String> reasons = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(2) != null && row.getCell(1) != null) {
                    reasons.add(row.getCell(2).getStringCellValue());
                }
            }
            return reasons;
        }
    }
}
