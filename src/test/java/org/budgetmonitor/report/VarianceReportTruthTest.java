package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

import org.budgetmonitor.variance.VarianceCsvWriter;
import org.budgetmonitor.variance.VarianceRow;
import org.budgetmonitor.variance.VarianceThresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, the nightly PDF: what page 1 and the rows say must be true and explained. */
class VarianceReportTruthTest {

    @TempDir
    Path dir;

    private static ReportFixtures oneUnit() {
        return new ReportFixtures()
                .project("472001", "某单位", "P1", "超支项目", "10.00").paid("P1", "2026-02-10", "110000.00")
                .project("472001", "某单位", "P2", "落后项目", "20.00").paid("P2", "2026-03-10", "10000.00")
                // GREEN, having missed its checkpoint: 24 of 25 at 03-31, 48 of 50 expected by 06-30.
                .project("472001", "某单位", "P3", "节点未完成项目", "100.00").paid("P3", "2026-03-20", "240000.00")
                .paid("P3", "2026-06-20", "240000.00");
    }

    @Test
    void page1StatesTheDataCutOffAndItsDistanceFromTheAsOfDate() throws IOException {
        RenderedReport report = RenderedReport.render(oneUnit().cutOff(LocalDate.of(2026, 6, 28), 3), "zh",
                dir.resolve("recent"));
        assertThat(report.pages.get(0)).contains("数据截止 2026-06-28，距截至日期 2 天").doesNotContain("数据可能不完整");
    }

    @Test
    void beyondTheStaleLimitPage1SaysPlainlyTheFiguresMayBeIncomplete() throws IOException {
        RenderedReport report = RenderedReport.render(oneUnit().cutOff(LocalDate.of(2026, 5, 20), 3), "zh",
                dir.resolve("stale"));
        assertThat(report.pages.get(0)).contains("数据截止 2026-05-20，距截至日期 41 天",
                "数据可能不完整：最近一笔支付距截至日期 41 天（超过 3 天）");
        // The limit is configuration: 41 days within a limit of 60 are not stale.
        RenderedReport lenient = RenderedReport.render(oneUnit().cutOff(LocalDate.of(2026, 5, 20), 60), "zh",
                dir.resolve("lenient"));
        assertThat(lenient.pages.get(0)).contains("距截至日期 41 天").doesNotContain("数据可能不完整");
    }

    @Test
    void withoutAnyPaymentPage1SaysSoAndThatTheFiguresMayBeIncomplete() throws IOException {
        ReportFixtures nothingPaid = new ReportFixtures().project("472001", "某单位", "P1", "项目一", "10.00")
                .cutOff(null, 3);
        RenderedReport report = RenderedReport.render(nothingPaid, "zh", dir.resolve("none"));
        assertThat(report.pages.get(0)).contains("截至日期：2026-06-30　　数据截止：尚无截至该日的支付数据",
                "数据可能不完整：截至该日尚无任何支付数据");
    }

    @Test
    void anOverBudgetProjectShowsItsOverspendInItsRowAndInTheSummary() throws IOException {
        VarianceReport report = oneUnit().reports(ReportText.forLanguage("zh")).get(0);
        ReportRow over = report.rows().get(0);
        assertThat(over.overBudgetWan()).isEqualByComparingTo("1.00");
        assertThat(over.balanceWan()).isEqualByComparingTo("0.00");
        assertThat(report.summary().overBudgetProjects()).isEqualTo(1);
        assertThat(report.summary().overBudgetWan()).isEqualByComparingTo("1.00");

        RenderedReport pdf = RenderedReport.render(report, ReportText.forLanguage("zh"), dir.resolve("over"));
        String page1 = pdf.pages.get(0);
        assertThat(page1).contains("超预算项目 1 个，超支合计 1.00 万元", "超支项目（超预算，超支 1.00 万元）");
        assertThat(rowLine(page1, "P1")).contains("超支 1.00").doesNotContain("-1.00");
    }

    @Test
    void inEnglishTheRedListStatesTheUnitOfAnOverspend() throws IOException {
        RenderedReport report = RenderedReport.render(oneUnit(), "en", dir.resolve("over-en"));
        // As the Chinese 超支 1.00 万元: a bare "by 1.00" on its own line would read as yuan.
        assertThat(report.pages.get(0).replace("\n", " ")).contains("超支项目 (over budget, by 1.00 10k CNY)");
    }

    @Test
    void everyBalanceIsTheBudgetLessTheActualAsTheyArePrinted() throws IOException {
        // 国内招商 spends 12,050 元: 1.205 万元, printed 1.21, so its balance reads 20.00 − 1.21 = 18.79 (the exact
        // 18.795 rounds to 18.80); the totals 155.00 − 53.61 = 101.39 (the exact 101.395 to 101.40).
        ReportFixtures fixtures = ReportFixtures.sample().paid("13091626P000175100046", "2026-02-16", "50.00");
        VarianceReport report = fixtures.reports(ReportText.forLanguage("zh")).get(0);
        ReportRow tie = report.rows().stream().filter(r -> r.code().equals("13091626P000175100046")).findFirst()
                .orElseThrow();
        assertThat(tie.actualWan()).isEqualByComparingTo("1.21");
        assertThat(tie.balanceWan()).isEqualByComparingTo("18.79");
        assertThat(report.summary().actualWan()).isEqualByComparingTo("53.61");
        assertThat(report.summary().balanceWan()).isEqualByComparingTo("101.39");

        RenderedReport pdf = RenderedReport.render(report, ReportText.forLanguage("zh"), dir.resolve("ties"));
        assertThat(pdf.pages.get(0)).contains("实际支出 53.61 万元；余额 101.39 万元");
    }

    @Test
    void aTotalThatIsNotTheSumOfItsPrintedRowsIsExplainedOnThePage() throws IOException {
        // Two projects each spend 50 元, 0.005 万元: each row prints 0.01, their total of 100 元 prints 0.01.
        ReportFixtures halves = new ReportFixtures().project("472001", "某单位", "P1", "项目一", "10.00")
                .paid("P1", "2026-03-10", "50.00").project("472001", "某单位", "P2", "项目二", "10.00")
                .paid("P2", "2026-03-10", "50.00");
        VarianceReport report = halves.reports(ReportText.forLanguage("zh")).get(0);
        assertThat(report.rows()).extracting(ReportRow::actualWan)
                .allSatisfy(wan -> assertThat(wan).isEqualByComparingTo("0.01"));
        assertThat(report.summary().actualWan()).isEqualByComparingTo("0.01");

        RenderedReport pdf = RenderedReport.render(report, ReportText.forLanguage("zh"), dir.resolve("halves"));
        assertThat(pdf.text().replaceAll("\\s+", ""))
                .contains("合计按元汇总后一次舍入，可能与所列各行之和相差0.01万元（尾差）");
    }

    @Test
    void eachRowGivesTheGapToTimeProgressBesideTheGapToPlanAndTheBalance() throws IOException {
        VarianceReport report = oneUnit().reports(ReportText.forLanguage("zh")).get(0);
        ReportRow behind = report.rows().get(1);
        // 06-30 is day 181 of 365: 49.59 %. P2 spent 1 of 20 (5.00 %): 10 expected, gap to plan −45.00.
        assertThat(behind.timeProgressPct()).isEqualByComparingTo("49.59");
        assertThat(behind.timeProgressGapPp()).isEqualByComparingTo("-44.59");
        assertThat(behind.gapPp()).isEqualByComparingTo("-45.00");
        assertThat(behind.balanceWan()).isEqualByComparingTo("19.00");

        RenderedReport pdf = RenderedReport.render(report, ReportText.forLanguage("zh"), dir.resolve("rows"));
        assertThat(pdf.pages.get(0)).contains("较计划偏差", "较序时进度", "余额", "序时进度 49.59%");
        assertThat(rowLine(pdf.pages.get(0), "P2")).contains("5.00 -45.00 -44.59 19.00");
    }

    @Test
    void theGapToTimeProgressIsTheRateLessTheTimeProgressAsTheyArePrinted() throws IOException {
        // 200,045 元 of 100 万元 is 20.0045 %, printed 20.00; 06-30's 序时进度 49.589… is printed 49.59. The legend
        // says 较序时进度 = 执行率 − 序时进度: 20.00 − 49.59 = −29.59, where the exact −29.5845 rounds to −29.58.
        ReportFixtures fixtures = new ReportFixtures().project("472001", "某单位", "P1", "项目一", "100.00")
                .paid("P1", "2026-03-10", "200045.00");
        VarianceRow row = fixtures.rows().get(0);
        assertThat(row.timeProgressGapPp()).isEqualByComparingTo("-29.59");
        Path csv = dir.resolve("gap.csv");
        new VarianceCsvWriter().write(csv, fixtures.rows());
        assertThat(java.nio.file.Files.readAllLines(csv).get(1)).contains(",20.00,", ",49.59,-29.59,");

        VarianceReport report = fixtures.reports(ReportText.forLanguage("zh")).get(0);
        RenderedReport pdf = RenderedReport.render(report, ReportText.forLanguage("zh"), dir.resolve("gap"));
        assertThat(rowLine(pdf.pages.get(0), "P1")).contains("20.00 -30.00 -29.59"); // rate, gap to plan, to 序时进度
        // Page 1's overall figures alike: 执行率 20.00%; 序时进度 49.59%, 较序时进度 −29.59.
        assertThat(pdf.pages.get(0)).contains("总体执行率 20.00%；序时进度 49.59%", "执行率较序时进度 -29.59 个百分点");
    }

    @Test
    void theLegendGivesTheFlagRulesWithTheThresholdsInForce() throws IOException {
        VarianceThresholds configured = new VarianceThresholds(BigDecimal.valueOf(-25), BigDecimal.valueOf(-12),
                BigDecimal.valueOf(30));
        RenderedReport report = RenderedReport.render(oneUnit().thresholds(configured), "zh", dir.resolve("legend"));
        String text = report.text().replace("\n", "");
        assertThat(text).contains("预警规则（现行阈值）", "进度滞后（较计划偏差 ≤ -25 个百分点）",
                "进度滞后（较计划偏差 ≤ -12 个百分点）", "超进度（较计划偏差 ≥ +30 个百分点）");
        assertThat(text).doesNotContain("≤ -20 个百分点");
    }

    @Test
    void aGreenProjectThatMissedItsCheckpointReadsAsANoteNotAContradiction() throws IOException {
        VarianceReport report = oneUnit().reports(ReportText.forLanguage("zh")).get(0);
        ReportRow green = report.rows().get(2);
        assertThat(green.flagText()).isEqualTo("绿色（节点计划未完成）");
        RenderedReport pdf = RenderedReport.render(report, ReportText.forLanguage("zh"), dir.resolve("green"));
        assertThat(pdf.text()).contains("绿色（节点计划未完成）").doesNotContain("绿色 未完成节点计划");
        assertThat(ReportText.forLanguage("en").flagAndReasons(green.flag(),
                java.util.List.of(org.budgetmonitor.variance.Reason.MISSED_CHECKPOINT))).isEqualTo("GREEN (checkpoint missed)");
    }

    /** The text line of a project's table row. */
    static String rowLine(String page, String code) {
        return page.lines().filter(l -> l.contains(" " + code + " ")).findFirst().orElseThrow();
    }
}
