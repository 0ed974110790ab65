package org.budgetmonitor.quarterly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.budgetmonitor.quarterly.QuarterlyOutputs.number;
import static org.budgetmonitor.quarterly.QuarterlyOutputs.squeezed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetmonitor.BudgetMonitorApplication;
import org.budgetmonitor.run.ExitCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review of the year end on the sample (progress reported up to 30 September), as cron runs it:
 * the 双监控 pages, the indicators CSV and the workbook read back and held against each other.
 */
class QuarterlyYearEndReviewTest {

    static final LocalDate YEAR_END = LocalDate.of(2026, 12, 31);

    @TempDir
    static Path tmp;

    /**
     * What officers write at the year end beside the sample's lines: a verdict without a value, sentences
     * with numbers in them (dates, a range of months), a current number.
     */
    static final String YEAR_END_LINES = """
            13091626P000175100046,完成及时率,2026-12-31,,,,,,,,已达成
            13091626P000177100055,业务工作完成率（%）,2026-12-31,1-12月累计完成95%,,,,,,,
            13091626P00017610004U,综合事务完成率,2026-12-20,截至12月20日完成93%,,,,,,,
            13091626P000178100047,服务对象满意度,2026-12-31,86%,,,,,,年终问卷,
            """;

    static Path dir;
    static List<Map<String, String>> indicators;
    static List<Map<String, String>> projects;
    static String indicatorPages;
    /** The same year end with {@link #YEAR_END_LINES} added to the sample's progress. */
    static List<Map<String, String>> reported;
    static String reportedPages;

    @BeforeAll
    static void runTheYearEndReview() throws IOException {
        dir = run("sample", Path.of("sample-data/progress"));
        indicators = QuarterlyOutputs.csv(dir.resolve("quarterly-indicators-2026-12-31.csv"));
        projects = QuarterlyOutputs.csv(dir.resolve("quarterly-2026-12-31.csv"));
        indicatorPages = indicatorPages(dir);

        Path progress = Files.createDirectories(tmp.resolve("progress"));
        List<String> sample = Files.readAllLines(Path.of("sample-data/progress/indicator-progress-2026.csv"));
        List<String> lines = new java.util.ArrayList<>();
        lines.add(sample.get(0) + ",status");
        sample.stream().skip(1).map(l -> l + ",").forEach(lines::add);
        lines.addAll(YEAR_END_LINES.lines().toList());
        Files.write(progress.resolve("indicator-progress-2026.csv"), lines, StandardCharsets.UTF_8);
        Path reportedDir = run("reported", progress);
        reported = QuarterlyOutputs.csv(reportedDir.resolve("quarterly-indicators-2026-12-31.csv"));
        reportedPages = indicatorPages(reportedDir);
    }

    private static Path run(String name, Path progressDir) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        int code;
        try {
            code = BudgetMonitorApplication.run("--job=quarterly", "--as-of=" + YEAR_END, "--progress-dir=" + progressDir,
                    "--output-dir=" + tmp.resolve(name).resolve("out"), "--data-dir=" + tmp.resolve(name).resolve("data"));
        } finally {
            System.setOut(original);
        }
        assertThat(code).isEqualTo(ExitCodes.SUCCESS);
        return tmp.resolve(name).resolve("out").resolve(YEAR_END.toString());
    }

    /** The 双监控 pages, without the legend (which names every status and likelihood once). */
    private static String indicatorPages(Path dir) throws IOException {
        String legend = "完成值为截至日期前最新一次填报的数值";
        String pages = squeezed(String.join("\n", QuarterlyOutputs.pages(dir.resolve("quarterly-2026-12-31.pdf"))
                .stream().filter(p -> p.contains("三级指标")).toList()));
        int start = pages.indexOf(legend);
        int end = pages.indexOf("“完全不可能”。", start);
        assertThat(start).as("the legend").isNotNegative();
        return pages.substring(0, start) + pages.substring(end + "“完全不可能”。".length());
    }

    @Test
    void pageOneSaysPlainlyThatTheFiguresMayBeIncompleteWhenTheLatestPaymentIsWeeksOld() throws IOException {
        // The sample's latest payment is dated 2026-11-20: 41 days before the review date.
        String pageOne = squeezed(QuarterlyOutputs.pages(dir.resolve("quarterly-2026-12-31.pdf")).get(0));
        assertThat(pageOne).contains(squeezed("数据可能不完整：最近一笔支付距截至日期 41 天（超过 3 天）"));
    }

    @Test
    void theIndicatorsCsvGainsProjectNameUnitAndValueDateAfterItsColumns() throws IOException {
        assertThat(QuarterlyOutputs.header(dir.resolve("quarterly-indicators-2026-12-31.csv"))).containsExactly(
                "project_code", "level1", "level2", "level3", "target", "value_to_date", "expected_full_year", "status",
                "likelihood", "cause_category", "cause", "measure", "note", "project_name", "unit_code", "value_date");
        assertThat(indicators).hasSize(25).allSatisfy(i -> assertThat(i.get("unit_code")).isEqualTo("472001"));
        assertThat(indicators).filteredOn(i -> i.get("level3").equals("促成签约项目个数")).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("project_name", "国内招商").containsEntry("value_date", "2026-09-30"));
    }

    @Test
    void atYearEndNotAchievedMeansCertainlyNot() {
        // The sample's unmet values are all of 30 September: only the run with year-end lines has a 未达成.
        for (List<Map<String, String>> run : List.of(indicators, reported)) {
            assertThat(run).filteredOn(i -> i.get("status").equals("未达成"))
                    .allSatisfy(i -> assertThat(i.get("likelihood")).isEqualTo("完全不可能"));
            assertThat(run).filteredOn(i -> i.get("status").equals("已达成")).isNotEmpty()
                    .allSatisfy(i -> assertThat(i.get("likelihood")).isEqualTo("确定能"));
            // Nothing is still "possible" or "in progress" once the year is over.
            assertThat(run).noneMatch(i -> i.get("likelihood").equals("有可能") || i.get("status").equals("进行中"));
        }
        assertThat(reported).filteredOn(i -> i.get("status").equals("未达成")).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("level3", "服务对象满意度").containsEntry("value_to_date", "86%")
                        .containsEntry("value_date", "2026-12-31"));
        assertThat(indicatorPages).doesNotContain("有可能", "进行中");
        assertThat(reportedPages).doesNotContain("有可能", "进行中");
    }

    @Test
    void atYearEndAnUnmetValueOfSeptemberIsForTheOfficerNotDeclaredImpossible() {
        // 72% of 30 September with 全年预计 92% says nothing certain of 31 December.
        assertThat(indicators).filteredOn(i -> List.of("13个", "60%", "72%", "88%").contains(i.get("value_to_date")))
                .hasSize(4).allSatisfy(i -> assertThat(i).containsEntry("status", "待确认").containsEntry("likelihood", "")
                        .containsEntry("value_date", "2026-09-30"));
        assertThat(indicatorPages).contains("72%2026-09-30旧值92%待确认待填", "13个2026-09-30旧值19个待确认待填");
    }

    @Test
    void qualitativeTargetIsLeftForTheOfficerToConfirm() {
        // "按计划推进" against 按时完成 and "已参加CMEF、CPHI两个全国性展会" are for the officer to judge (and,
        // since the stale-value rule, the numbers of September that miss their target).
        assertThat(indicators).filteredOn(i -> i.get("status").equals("待确认"))
                .extracting(i -> i.get("value_to_date"))
                .containsExactly("13个", "按计划推进", "60%", "72%", "已参加CMEF、CPHI两个全国性展会", "88%");
        assertThat(indicators).filteredOn(i -> i.get("status").equals("待确认"))
                .allSatisfy(i -> assertThat(i.get("likelihood")).isEmpty());
        assertThat(indicatorPages).contains("按计划推进2026-09-30旧值待确认待填",
                "已参加CMEF、CPHI两个全国性展会2026-06-30旧值待确认待填");
    }

    @Test
    void aSentenceWithNumbersInItIsForTheOfficerNotReadAsItsFirstNumber() {
        assertThat(reported).filteredOn(i -> i.get("value_to_date").equals("1-12月累计完成95%")).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("status", "待确认").containsEntry("likelihood", "")
                        .containsEntry("value_date", "2026-12-31"));
        assertThat(reported).filteredOn(i -> i.get("value_to_date").equals("截至12月20日完成93%")).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("status", "待确认").containsEntry("likelihood", "")
                        .containsEntry("value_date", "2026-12-20"));
        assertThat(reportedPages).contains("1-12月累计完成95%2026-12-31", "截至12月20日完成93%2026-12-20旧值");
        assertThat(reportedPages).doesNotContain("截至12月20日完成93%2026-12-20旧值12%");
    }

    @Test
    void aStatusOnlyLineKeepsTheEarlierValueAndTakesTheOfficersVerdict() {
        assertThat(reported).filteredOn(i -> i.get("project_code").equals("13091626P000175100046")
                && i.get("level3").equals("完成及时率")).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("value_to_date", "按计划推进").containsEntry("value_date", "2026-09-30")
                        .containsEntry("status", "已达成").containsEntry("likelihood", "确定能"));
        assertThat(reportedPages).contains("按计划推进2026-09-30旧值已达成确定能");
    }

    @Test
    void valueOlderThanTheReviewIsMarkedWithItsDate() {
        long old = indicators.stream().filter(i -> !i.get("value_date").isEmpty()
                && LocalDate.parse(i.get("value_date")).isBefore(YEAR_END)).count();
        assertThat(old).isEqualTo(11); // 13 progress lines, two of them superseded by later ones
        assertThat(occurrences(indicatorPages, "旧值")).isEqualTo(old);
        // September's measure is not shown as December's.
        assertThat(indicatorPages).contains("〔9月30日填报〕增加外协人员，10月底前完成");
    }

    @Test
    void everyIndicatorRowOfThePdfHoldsTheCsvValuesWithTheirDatesLikelihoodAndNote() {
        rowsOfThePdfHoldTheCsv(indicators, indicatorPages);
        rowsOfThePdfHoldTheCsv(reported, reportedPages);
    }

    private static void rowsOfThePdfHoldTheCsv(List<Map<String, String>> indicators, String indicatorPages) {
        for (Map<String, String> i : indicators) {
            String date = i.get("value_date");
            boolean old = !date.isEmpty() && LocalDate.parse(date).isBefore(YEAR_END);
            String reported = old ? "〔" + LocalDate.parse(date).getMonthValue() + "月"
                    + LocalDate.parse(date).getDayOfMonth() + "日填报〕" : "";
            String cause = i.get("cause_category").isEmpty() ? i.get("cause")
                    : i.get("cause").isEmpty() ? i.get("cause_category") : i.get("cause_category") + "：" + i.get("cause");
            String row = String.join("", i.get("level1"), i.get("level2"), i.get("level3"), i.get("target"),
                    i.get("value_to_date"), date, old ? "旧值" : "", i.get("expected_full_year"), i.get("status"),
                    i.get("likelihood").isEmpty() ? "待填" : i.get("likelihood"), cause.isEmpty() ? "" : reported + cause,
                    i.get("measure").isEmpty() ? "" : reported + i.get("measure"), i.get("note"));
            assertThat(indicatorPages).as(i.get("project_code") + " " + i.get("level3")).contains(squeezed(row));
        }
    }

    @Test
    void quarterlyXlsxSumsEqualTheCsv() throws IOException {
        Path xlsx = dir.resolve("quarterly-2026-12-31.xlsx");
        List<Map<String, Object>> sheet = QuarterlyOutputs.table(QuarterlyOutputs.sheet(xlsx, "项目执行情况"));
        Map<String, String> columns = Map.ofEntries(Map.entry("budget_wan", "调整后预算（万元）"),
                Map.entry("checkpoint_plan_wan", "节点计划（万元）"), Map.entry("expected_wan", "季末计划（万元）"),
                Map.entry("actual_wan", "实际支出（万元）"), Map.entry("execution_rate_pct", "执行率（%）"),
                Map.entry("gap_pp", "偏差（较计划）（百分点）"), Map.entry("time_progress_pct", "序时进度（%）"),
                Map.entry("time_progress_gap_pp", "较序时进度偏差（百分点）"),
                Map.entry("projected_year_end_wan", "年末预计按当前进度（万元）"),
                Map.entry("required_monthly_wan", "今后月均需支出（万元）"),
                Map.entry("prev_quarter_actual_wan", "上季末实际（万元）"));
        List<Map<String, String>> planned = projects.stream().filter(p -> !p.get("budget_wan").isEmpty()).toList();
        assertThat(planned).hasSize(5);
        for (Map<String, String> p : planned) {
            Map<String, Object> row = QuarterlyOutputs.rowWith(sheet, "项目编码", p.get("project_code")).orElseThrow();
            assertThat(row).containsEntry("项目名称", p.get("project_name")).containsEntry("单位编码", p.get("unit_code"))
                    .containsEntry("节点日期", p.get("checkpoint_date"))
                    .containsEntry("重点监控", Boolean.parseBoolean(p.get("focus")) ? "是" : "否")
                    .containsEntry("需说明", Boolean.parseBoolean(p.get("needs_explanation")) ? "是" : "否");
            columns.forEach((csv, xls) -> assertThat(row.get(xls)).as(p.get("project_code") + " " + csv)
                    .isEqualTo(number(p.get(csv))));
        }
        Map<String, Object> total = QuarterlyOutputs.rowWith(sheet, "单位编码", "合计").orElseThrow();
        for (String csv : List.of("budget_wan", "expected_wan", "actual_wan", "projected_year_end_wan",
                "prev_quarter_actual_wan")) {
            BigDecimal sum = planned.stream().map(p -> number(p.get(csv))).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(total.get(columns.get(csv))).as("合计 " + csv).isEqualTo(sum);
        }
        assertThat(total.get("执行率（%）")).isEqualTo(new BigDecimal("79.70")); // 131.50 / 165.00 (国内招商 +5.00 from 07-01)
        // The unplanned code is listed under the table with its actual, not summed into it.
        assertThat(QuarterlyOutputs.rowWith(sheet, "项目编码", "13091626P000199100001").orElseThrow())
                .containsEntry("实际支出（万元）", new BigDecimal("0.36"));

        List<Map<String, Object>> ind = QuarterlyOutputs.table(QuarterlyOutputs.sheet(xlsx, "绩效指标"));
        Map<String, String> text = Map.ofEntries(Map.entry("project_code", "项目编码"), Map.entry("project_name", "项目名称"),
                Map.entry("unit_code", "单位编码"), Map.entry("level3", "三级指标"), Map.entry("target", "指标值"),
                Map.entry("value_to_date", "完成值（截至目前）"), Map.entry("value_date", "数值日期"),
                Map.entry("expected_full_year", "全年预计完成情况"), Map.entry("status", "完成情况"),
                Map.entry("cause_category", "偏差原因类别"), Map.entry("cause", "偏差原因"), Map.entry("measure", "纠偏措施"),
                Map.entry("note", "备注"));
        for (int n = 0; n < indicators.size(); n++) {
            Map<String, String> i = indicators.get(n);
            Map<String, Object> row = ind.get(n);
            text.forEach((csv, xls) -> assertThat(Objects.toString(row.get(xls), "")).as(i.get("level3") + " " + csv)
                    .isEqualTo(i.get(csv)));
            assertThat(row.get("完成目标可能性")).isEqualTo(i.get("likelihood").isEmpty() ? "待填" : i.get("likelihood"));
        }
        assertThat(ind.get(indicators.size())).containsEntry("单位编码", "合计")
                .containsEntry("序号", new BigDecimal("25.00"));
    }

    @Test
    void theWorkbookIsFilterableTablesReadyToPrintNotAPageDump() throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("quarterly-2026-12-31.xlsx"));
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            // The sample's year has one adjustment, so the 预算调整 table follows the two of every review.
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            assertThat(book.getSheetName(0)).isEqualTo("项目执行情况");
            assertThat(book.getSheetName(1)).isEqualTo("绩效指标");
            assertThat(book.getSheetName(2)).isEqualTo("预算调整");
            for (Sheet sheet : book) {
                XSSFSheet s = (XSSFSheet) sheet;
                assertThat(s.getPaneInformation().isFreezePane()).isTrue();
                assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3); // below the header
                assertThat(s.getCTWorksheet().getAutoFilter().getRef()).startsWith("A3:");
                // The two title lines and, under the totals, the notes on unplanned spending, rejected lines
                // and rounding.
                assertThat(s.getNumMergedRegions()).isLessThanOrEqualTo(5);
                assertThat(s.getPrintSetup().getLandscape()).isTrue();
                assertThat(s.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
                assertThat(s.getPrintSetup().getFitHeight()).isZero();
                assertThat(s.getFitToPage()).isTrue();
                assertThat(s.getRepeatingRows().formatAsString()).isEqualTo("3:3");
                assertThat(s.getFooter().getLeft()).contains("QR-2026-12-31-V1");
                List<String> header = new java.util.ArrayList<>();
                s.getRow(2).forEach(c -> header.add(c.getStringCellValue()));
                assertThat(header).contains("序号", "项目编码", "项目名称");
                if (!s.getSheetName().equals("预算调整")) {
                    assertThat(header).contains("备注");
                }
            }
        }
    }

    private static long occurrences(String text, String s) {
        long n = 0;
        for (int i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
            n++;
        }
        return n;
    }
}
