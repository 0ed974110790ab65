package org.budgetmonitor.quarterly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetmonitor.BudgetMonitorApplication;
import org.budgetmonitor.run.ExitCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quarterly review report as cron produces it: the real command line on the sample data as of
 * 30 September (not a plan checkpoint), read back with PDFBox and POI. One run for all checks.
 */
class QuarterlyReportCommandLineTest {

    @TempDir
    static Path tmp;

    static Path pdf;
    static Path xlsx;
    static List<String> pages = new ArrayList<>();
    static String text;

    @BeforeAll
    static void runTheQuarterlyJob() throws IOException {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        int code;
        try {
            code = BudgetMonitorApplication.run("--job=quarterly", "--as-of=2026-09-30",
                    "--output-dir=" + tmp.resolve("out"), "--data-dir=" + tmp.resolve("data"));
        } finally {
            System.setOut(original);
        }
        assertThat(code).isEqualTo(ExitCodes.SUCCESS);
        Path dir = tmp.resolve("out").resolve("2026-09-30");
        pdf = dir.resolve("quarterly-2026-09-30.pdf");
        xlsx = dir.resolve("quarterly-2026-09-30.xlsx");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(doc));
            }
        }
        text = String.join("\n", pages);
    }

    @Test
    void theFirstPageHasTheTitleTheNotesAndTheFocusListRedFirstLargestBalanceFirst() {
        String first = pages.get(0);
        assertThat(first).contains("预算执行情况季度分析报告").contains("双监控")
                .contains("沧州临港经济技术开发区生物医药招商局本级")
                .contains("截至日期：2026-09-30").contains("第 1 版")
                .contains("9月30日不是以下 5 个项目的计划节点").contains("线性插值")
                .contains("重点监控");
        // RED 国内招商 (25.00 since its 追加 of 07-01, 14.00 left), 宣传 (12.40 left) and 综合事务管理 (3.80 left,
        // RED so in all the same), then YELLOW 河北 (projected 102.95 of 100); 展会相关费用 is GREEN and not listed.
        assertThat(first).containsSubsequence("13091626P000175100046", "14.00", "13091626P000177100055", "12.40",
                "13091626P00017610004U", "3.80", "13091626P00018210006K", "23.00", "黄色 预计超预算 2.95 万元")
                .doesNotContain("13091626P000178100047");
        assertThat(first).contains("预计超预算：按当前支出进度推算，以下 1 个项目年末支出将超过预算")
                .contains("河北省药品医疗器械检验研究院沧州实验室 预计 102.95 万元（预算 100.00 万元，已支出 77.00 万元），超预算 2.95 万元");
        assertThat(first).contains("第 1 页");
    }

    @Test
    void theProjectTableHasTheQuarterFiguresAndTheWriteInColumns() {
        assertThat(text).contains("国内招商").contains("宣传").contains("综合事务管理").contains("展会相关费用")
                .contains("偏差原因").contains("纠偏措施").contains("单位小计");
        String table = pages.get(1);
        // 国内招商: budget in force (25.00, 年初 20.00), plan at quarter end (10.00 + 8.75 × 92/123, the 10-31
        // checkpoint scaled to 18.75), actual, rate, time progress, gap to time progress, gap to plan, change,
        // projection, monthly need ((25.00 − 11.00) / 3).
        assertThat(table).containsSubsequence("国内招商", "25.00", "20.00", "16.54", "11.00", "44.00", "74.79", "-30.79",
                "-22.18", "3.50", "14.71", "4.67");
        assertThat(table).contains("较序时", "较计划", "序时进度");
        assertThat(table).containsSubsequence("宣传", "20.00", "13.74", "7.60", "38.00").contains("红色 进度滞后");
        assertThat(table).containsSubsequence("综合事务管理", "5.00", "2.75", "1.20", "24.00");
    }

    @Test
    void theIndicatorsAndTheUnitSummaryFollowTheChart() {
        assertThat(text).contains("各项目执行率与序时进度").contains("绩效目标完成情况")
                .containsSubsequence("促成签约项目个数", "≥20个", "13个", "19个", "进行中", "有可能", "经费保障")
                .contains("已达成").contains("无数据")
                .contains("单位汇总").contains("填报人").contains("审核人").contains("单位负责人");
        String last = pages.get(pages.size() - 1);
        // Totals: budget 165.00, plan 110.47, actual 105.80, previous quarter end 72.50, rate 64.12.
        assertThat(last).containsSubsequence("165.00", "110.47", "105.80", "72.50", "33.30", "64.12");
        assertThat(last).contains("第 " + pages.size() + " 页").contains("共 " + pages.size() + " 页")
                .contains("QR-2026-09-30-V1");
    }

    @Test
    void theChineseFontIsEmbedded() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (font.isEmbedded()) {
                        fonts.add(font.getName());
                    }
                }
            }
            assertThat(fonts).anyMatch(f -> f.contains("NotoSansSC"));
        }
    }

    @Test
    void theRejectedLineOfTheSampleIsStatedOnThePdfTheWorkbookAndTheHtmlPage() throws IOException {
        // The sample's finance export has one line dated 2026-02-30, as the nightly report says.
        String said = "拒收记录：签发时有 1 行支付记录被拒收，未计入本表任何数字（含以前各次导入已拒收、支付文件尚未更正的行），"
                + "明细见签发当次的拒收文件 rejected-2026-09-30.csv。";
        assertThat(squeezed(pages.get(0))).contains(squeezed(said));
        Path dir = pdf.getParent();
        assertThat(Files.readString(dir.resolve("rejected-2026-09-30.csv"))).contains("2026-02-30");
        assertThat(Files.readString(dir.resolve("quarterly-2026-09-30.html"))).contains(said);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            StringBuilder all = new StringBuilder();
            book.getSheet("项目执行情况").forEach(row -> row.forEach(cell -> all.append(cell.toString()).append('|')));
            assertThat(all.toString()).contains(said);
        }
    }

    @Test
    void aTotalThatDiffersFromTheSumOfItsPrintedRowsIsExplainedOnTheWorkbookAndThePdf() throws IOException {
        // 今后月均需支出: the rows print 4.67 + 1.27 + 4.13 + 2.00 + 7.67 = 19.74, the 合计 (summed in 元,
        // rounded once) 19.73. A total that does not add up must say why, where the officer reads it.
        String rule = "小计、合计按元汇总后一次舍入，与所列各行之和可能相差0.01万元（尾差）";
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheet("项目执行情况");
            int column = -1;
            Row header = null;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.toString().startsWith("今后月均")) {
                        column = cell.getColumnIndex();
                        header = row;
                    }
                }
                if (header != null) {
                    break;
                }
            }
            assertThat(column).as("the 今后月均需支出 column").isNotNegative();
            BigDecimal rows = BigDecimal.ZERO;
            BigDecimal total = null;
            StringBuilder all = new StringBuilder();
            for (Row row : sheet) {
                row.forEach(cell -> all.append(cell.toString()).append('|'));
                Cell first = row.getCell(0);
                Cell label = row.getCell(1);
                Cell value = row.getCell(column);
                if (row.getRowNum() <= header.getRowNum() || value == null || value.getCellType() != CellType.NUMERIC) {
                    continue;
                }
                if (first != null && first.getCellType() == CellType.NUMERIC) {
                    rows = rows.add(BigDecimal.valueOf(value.getNumericCellValue()));
                } else if (label != null && label.toString().equals("合计")) {
                    total = BigDecimal.valueOf(value.getNumericCellValue());
                }
            }
            assertThat(rows).isEqualByComparingTo("19.74");
            assertThat(total).isEqualByComparingTo("19.73");
            assertThat(squeezed(all.toString())).contains(squeezed(rule));
        }
        assertThat(squeezed(pages.get(1))).contains(squeezed(rule));
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void theWorkbookHoldsTheSameFiguresAsNumbers() throws IOException {
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            DataFormatter format = new DataFormatter();
            Row investment = null;
            StringBuilder all = new StringBuilder();
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String value = format.formatCellValue(cell);
                        all.append(value).append('|');
                        if (value.equals("国内招商") && sheet.getSheetName().equals("项目执行情况")) {
                            investment = row;
                        }
                    }
                }
            }
            assertThat(all.toString()).contains("偏差原因").contains("纠偏措施").contains("促成签约项目个数").contains("13个")
                    .contains("QR-2026-09-30-V1");
            assertThat(investment).as("the 国内招商 row").isNotNull();
            List<Double> numbers = new ArrayList<>();
            for (Cell cell : investment) {
                if (cell.getCellType() == CellType.NUMERIC) {
                    numbers.add(cell.getNumericCellValue());
                }
            }
            assertThat(numbers).containsSubsequence(25.0, 16.54, 11.0, 44.0, 74.79, -30.79, -22.18, 3.5, 14.71, 4.67, 20.0);
        }
    }
}
