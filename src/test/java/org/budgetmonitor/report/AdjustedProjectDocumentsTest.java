package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetmonitor.report.html.HtmlReportWriter;
import org.budgetmonitor.variance.VarianceCsvWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 预算调整 in the nightly documents: a 追加, a transfer (调剂) between two projects and a cancelled project
 * that had spent, through the real plan timeline. Every document shows the budget in force (调整后预算)
 * and the original (年初预算) of each adjusted project, as the variance CSV of the same rows has them,
 * and lists the adjustments in a section of its own.
 */
class AdjustedProjectDocumentsTest {

    static final String DOMESTIC = "13091626P000175100046";
    static final String PUBLICITY = "13091626P000177100055";
    static final String FAIRS = "13091626P000178100047";
    static final String LAB = "13091626P00018210006K";
    /** Written where a person can look at them (PNG checks of the pages). */
    static final Path DIR = Path.of("target", "adjusted-documents");

    static ReportFixtures fixtures;
    static RenderedReport rendered;
    static Map<String, CSVRecord> csv = new HashMap<>();
    static Document html;

    static ReportFixtures adjusted() {
        return ReportFixtures.sample()
                .adjustment(DOMESTIC, "2026-04-01", "5.00", "沧临财预〔2026〕5号", "追加招商活动经费")
                .adjustment(PUBLICITY, "2026-05-10", "-4.00", "沧临财预〔2026〕8号", "调剂至展会相关费用")
                .adjustment(FAIRS, "2026-05-10", "4.00", "沧临财预〔2026〕8号", "由宣传经费调剂")
                .adjustment(LAB, "2026-06-15", "-100.00", "沧临财预〔2026〕9号", "项目撤销");
    }

    @BeforeAll
    static void render() throws IOException {
        Files.createDirectories(DIR);
        fixtures = adjusted();
        ReportText text = ReportText.forLanguage("zh");
        VarianceReport report = fixtures.reports(text).get(0);
        rendered = RenderedReport.render(report, text, DIR, fixtures.workbookDetails());
        Path csvFile = DIR.resolve("variance.csv");
        new VarianceCsvWriter().write(csvFile, fixtures.rows());
        String content = Files.readString(csvFile, StandardCharsets.UTF_8).replace("\uFEFF", "");
        for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader(content))) {
            csv.put(record.get("project_code"), record);
        }
        Path page = DIR.resolve("variance.html");
        new HtmlReportWriter().writeVariance(report, text, Map.of(), page);
        html = Jsoup.parse(page.toFile(), "UTF-8");
    }

    @Test
    void theCsvHasTheBudgetsInForceBesideTheOriginalOnesAndTheCancelledProjectWithoutRateOrGap() {
        assertThat(csv.get(DOMESTIC).get("budget_wan")).isEqualTo("25.00");
        assertThat(csv.get(DOMESTIC).get("original_budget_wan")).isEqualTo("20.00");
        assertThat(csv.get(PUBLICITY).get("budget_wan")).isEqualTo("16.00");
        assertThat(csv.get(FAIRS).get("budget_wan")).isEqualTo("19.00");
        assertThat(csv.get(LAB).get("budget_wan")).isEqualTo("0.00");
        assertThat(csv.get(LAB).get("original_budget_wan")).isEqualTo("100.00");
        assertThat(csv.get(LAB).get("execution_rate_pct")).isEmpty();
        assertThat(csv.get(LAB).get("gap_pp")).isEmpty();
        assertThat(csv.get(LAB).get("reasons")).isEqualTo("CANCELLED;OVER_BUDGET");
    }

    @Test
    void thePdfTablePrintsTheBudgetInForceAndUnderItTheOriginalOneAsTheCsvHasThem() {
        String page1 = rendered.pages.get(0);
        assertThat(page1).contains("调整后预算");
        for (String code : List.of(DOMESTIC, PUBLICITY, FAIRS, LAB)) {
            CSVRecord row = csv.get(code);
            assertThat(page1).contains(row.get("budget_wan") + "\n年初 " + row.get("original_budget_wan"));
        }
        // The cancelled project: its own code and name, RED, 项目撤销 and over budget by all it spent.
        assertThat(page1).contains(LAB).contains("红色 项目撤销、超预算").contains("超支 " + csv.get(LAB).get("actual_wan"));
    }

    @Test
    void thePdfListsEachAdjustmentWithDateAmountDocumentNumberAndReasonATransferAsItsTwoLines() {
        String all = rendered.text();
        assertThat(all).contains("预算调整（本年度截至 2026-06-30 生效的调整，共 4 笔）");
        assertThat(all).contains("2026-04-01").contains("+5.00").contains("20.00").contains("25.00")
                .contains("沧临财预〔2026〕5号").contains("追加招商活动经费");
        assertThat(rendered.occurrences("沧临财预〔2026〕8号")).isEqualTo(2);
        assertThat(all).contains("-4.00").contains("+4.00").contains("调剂至展会相关费用").contains("由宣传经费调剂");
        assertThat(all).contains("-100.00").contains("沧临财预〔2026〕9号");
    }

    @Test
    void theAdjustmentsTableNeverLeavesItsHeadingAndColumnHeadingsAtAPageFootWithoutALine() throws IOException {
        // Projects enough that the 预算调整 section starts ever lower on page 1, one size with only its title and
        // column headings fitting there: they must then go over with its lines, not stand empty at the page foot.
        int sectionsOverTwoPages = 0;
        for (int extra = 6; extra <= 12; extra++) {
            ReportFixtures more = adjusted();
            for (int i = 1; i <= extra; i++) {
                more.project("472001", "沧州临港经济技术开发区生物医药招商局本级", String.format("13091626P9%011d", i),
                        "补充项目" + i, "10.00").paid(String.format("13091626P9%011d", i), "2026-03-20", "25000.00");
            }
            RenderedReport report = RenderedReport.render(more, "zh", DIR.resolve("adjustments-" + extra));
            for (int page = 0; page < report.pages.size(); page++) {
                String text = report.pages.get(page);
                if (text.contains("调整前预算")) {
                    assertThat(text).as("%d more projects: page %d has the adjustments' column headings, so a line", extra,
                            page + 1).contains("沧临财预〔2026〕5号");
                }
            }
            if (!report.pages.get(0).contains("沧临财预〔2026〕9号") && report.text().contains("沧临财预〔2026〕9号")) {
                sectionsOverTwoPages++;
            }
        }
        assertThat(sectionsOverTwoPages).as("at some size the section is not all on page 1").isPositive();
    }

    @Test
    void anAdjustedProjectsChartHeadingSaysItsBudgetIsTheAdjustedOneAndGivesTheOriginal() {
        // The table heads the column 调整后预算 and prints 25.00 / 年初 20.00; the chart's heading above the same
        // budget line must not call 25.00 plainly 预算, as if it were the budget the year began with.
        CSVRecord domestic = csv.get(DOMESTIC);
        String charts = rendered.pages.stream().filter(p -> p.contains("计划累计（节点间线性插值）"))
                .reduce("", String::concat);
        assertThat(charts).contains("调整后预算 " + domestic.get("budget_wan") + " 万元（年初 " + domestic.get("original_budget_wan")
                + " 万元）　实际支出 " + domestic.get("actual_wan") + " 万元");
    }

    @Test
    void theCancelledProjectThatSpentGetsItsChartAndNoRateBar() {
        // The chart's own text is drawn as outlines; the line above it is text.
        assertThat(rendered.pages.stream().filter(p -> p.contains("调整后预算 0.00 万元（年初 100.00 万元）　实际支出 40.00 万元　超支 40.00 万元")))
                .hasSize(1);
        VarianceReport report = fixtures.reports(ReportText.forLanguage("zh")).get(0);
        assertThat(report.rates()).isNotEmpty().noneMatch(point -> point.label().endsWith("·006K"));
        assertThat(report.curves()).extracting(ProjectCurve::code).contains(LAB);
    }

    @Test
    void theWorkbookHasTheOriginalBudgetColumnTheAdjustedHeadingAndAnAdjustmentsSheet() throws IOException {
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(rendered.xlsx))) {
            Sheet projects = workbook.getSheet("项目执行情况");
            List<String> headings = texts(projects.getRow(0), format);
            int code = headings.indexOf("项目编码");
            int budget = headings.indexOf("调整后预算\n（万元）");
            int original = headings.indexOf("年初预算\n（万元）");
            int reasons = headings.indexOf("原因");
            assertThat(budget).isPositive();
            assertThat(original).isEqualTo(headings.size() - 1);
            int seen = 0;
            for (Row row : projects) {
                CSVRecord line = row.getRowNum() == 0 ? null : csv.get(format.formatCellValue(row.getCell(code)));
                if (line == null) {
                    continue;
                }
                seen++;
                assertThat(row.getCell(budget).getNumericCellValue())
                        .isEqualTo(Double.parseDouble(line.get("budget_wan")));
                assertThat(row.getCell(original).getNumericCellValue())
                        .isEqualTo(Double.parseDouble(line.get("original_budget_wan")));
            }
            assertThat(seen).isEqualTo(4);
            Row lab = rowWith(projects, code, LAB, format);
            assertThat(format.formatCellValue(lab.getCell(reasons))).isEqualTo("项目撤销、超预算");

            Sheet adjustments = workbook.getSheet("预算调整");
            assertThat(texts(adjustments.getRow(0), format)).containsExactly("生效日期", "项目编码", "项目名称",
                    "调整金额\n（万元）", "调整前预算\n（万元）", "调整后预算\n（万元）", "文号", "调整原因");
            assertThat(adjustments.getRow(1).getCell(1).getStringCellValue()).isEqualTo(DOMESTIC);
            assertThat(adjustments.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(5.0);
            assertThat(adjustments.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(-4.0);
            assertThat(adjustments.getRow(3).getCell(3).getNumericCellValue()).isEqualTo(4.0);
            assertThat(adjustments.getRow(4).getCell(5).getNumericCellValue()).isEqualTo(0.0);
            assertThat(adjustments.getRow(4).getCell(7).getStringCellValue()).isEqualTo("项目撤销");
        }
    }

    @Test
    void theHtmlPageShowsBothBudgetsOfEachAdjustedProjectAndTheAdjustments() {
        for (String code : List.of(DOMESTIC, PUBLICITY, FAIRS, LAB)) {
            Element card = html.selectFirst(".card[data-code=" + code + "]");
            assertThat(card.selectFirst("[data-col=budget_wan]").text()).isEqualTo(csv.get(code).get("budget_wan"));
            assertThat(card.selectFirst("[data-col=original_budget_wan]").text())
                    .isEqualTo(csv.get(code).get("original_budget_wan"));
        }
        Element lab = html.selectFirst(".card[data-code=" + LAB + "]");
        assertThat(lab.attr("data-flag")).isEqualTo("RED");
        assertThat(lab.selectFirst("[data-col=execution_rate_pct]").text()).isEqualTo("—");
        assertThat(lab.selectFirst("[data-col=gap_pp]").text()).isEqualTo("—"); // no "— 个百分点"
        assertThat(lab.selectFirst("[data-col=reasons]").text()).isEqualTo("项目撤销、超预算");
        // Its checkpoints went with its budget: not "尚无节点" (none yet) at 06-30, after the 03-31 one.
        assertThat(lab.selectFirst("[data-col=checkpoint]").text()).isEqualTo("项目撤销，无节点计划");
        List<Element> lines = html.select(".adjustment");
        assertThat(lines).extracting(e -> e.attr("data-code")).containsExactly(DOMESTIC, PUBLICITY, FAIRS, LAB);
        assertThat(lines.get(0).selectFirst("[data-col=budget_change_wan]").text()).isEqualTo("+5.00");
        assertThat(lines.get(1).selectFirst("[data-col=document_no]").text()).isEqualTo("沧临财预〔2026〕8号");
        assertThat(lines.get(3).selectFirst("[data-col=budgets]").text()).isEqualTo("预算 100.00 → 0.00 万元");
    }

    @Test
    void aYearWithoutAdjustmentsKeepsThePlainBudgetHeadingAndHasNoAdjustmentsSection() throws IOException {
        Path plain = Files.createDirectories(DIR.resolve("plain"));
        RenderedReport report = RenderedReport.render(ReportFixtures.sample(), "zh", plain);
        // "年初 20.00" is an adjusted project's original budget; the curve charts' axis reads "年初 1月底 …".
        assertThat(report.text()).doesNotContain("调整后预算").doesNotContainPattern("年初 [0-9,]+\\.[0-9]{2}")
                .doesNotContain("预算调整（");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(report.xlsx))) {
            assertThat(workbook.getSheet("预算调整")).isNull();
            assertThat(texts(workbook.getSheet("项目执行情况").getRow(0), new DataFormatter())).contains("预算\n（万元）");
        }
    }

    private static List<String> texts(Row row, DataFormatter format) {
        List<String> texts = new java.util.ArrayList<>();
        for (Cell cell : row) {
            texts.add(format.formatCellValue(cell));
        }
        return texts;
    }

    private static Row rowWith(Sheet sheet, int column, String value, DataFormatter format) {
        for (Row row : sheet) {
            if (value.equals(format.formatCellValue(row.getCell(column)))) {
                return row;
            }
        }
        throw new AssertionError("no row with " + value);
    }
}
