package org.budgetmonitor.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.budgetmonitor.report.QuarterlyReport;
import org.budgetmonitor.report.QuarterlyText;
import org.budgetmonitor.report.ReportText;
import org.budgetmonitor.report.VarianceReport;
import org.budgetmonitor.variance.FlagRun;
import org.budgetmonitor.variance.Reason;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The HTML page's content, order, escaping and self-containment, from the report models. */
class HtmlReportTest {

    private static final HtmlReportWriter WRITER = new HtmlReportWriter();
    private static final ReportText ZH = ReportText.forLanguage("zh");

    private static Document variance(String language) {
        ReportText text = ReportText.forLanguage(language);
        return Jsoup.parse(WRITER.renderVariance(HtmlFixtures.nightly().reports(text).get(0), text));
    }

    private static String quarterlyHtml(String language, String unit) {
        return WRITER.renderQuarterly(HtmlFixtures.quarterly(), QuarterlyText.forLanguage(language), unit);
    }

    @Test
    void aProjectNameWithMarkupOrAnAmpersandIsShownAsTextNotRunOrParsed() {
        String html = WRITER.renderVariance(HtmlFixtures.nightly().reports(ZH).get(0), ZH);
        Document doc = Jsoup.parse(html);

        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("b:not([data-col])").stream().map(Element::text)).doesNotContain("");
        assertThat(html).doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;招商&quot; &lt;b&gt;");
        assertThat(card(doc, HtmlFixtures.MARKUP_CODE).selectFirst("[data-col=project_name]").text())
                .isEqualTo(HtmlFixtures.MARKUP_NAME);
    }

    @Test
    void markupInTheQuarterlyReviewsNamesIsShownAsText() {
        String html = quarterlyHtml("zh", null);
        Document doc = Jsoup.parse(html);

        assertThat(doc.select("script, i")).isEmpty();
        assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<i>附属</i>")
                .contains("&lt;i&gt;附属&lt;/i&gt;").contains("满意度 &lt;90%&gt; &amp; more");
        assertThat(card(doc, HtmlFixtures.MARKUP_CODE).selectFirst("[data-col=project_name]").text())
                .isEqualTo(HtmlFixtures.MARKUP_NAME);
    }

    @Test
    void thePageIsSelfContainedWithAViewportAndNoScriptOrRemoteResource() {
        for (String html : List.of(variance("zh").outerHtml(), quarterlyHtml("zh", null), quarterlyHtml("en", "472001"))) {
            Document doc = Jsoup.parse(html);
            assertThat(doc.selectFirst("meta[name=viewport]").attr("content")).isEqualTo("width=device-width, initial-scale=1");
            assertThat(doc.select("script, link, img, iframe, object, embed")).isEmpty();
            assertThat(doc.select("[src], [href]")).isEmpty();
            assertThat(html).doesNotContainPattern("(?i)url\\(|@import|https?://(?!www\\.w3\\.org/2000/svg)");
            assertThat(doc.select("svg")).isNotEmpty();
        }
    }

    @Test
    void chineseByDefaultAndEnglishWithTheEnglishLocale() {
        Document zh = variance("zh");
        Document en = variance("en");

        assertThat(zh.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(zh.text()).contains("预算执行进度监控报告", "截至日期", "序时进度", "红色预警项目（3 个）", "红 RED");
        assertThat(en.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(en.text()).contains("Budget Execution Progress Report", "As of", "Time progress", "RED projects (3)")
                .doesNotContain("截至日期", "序时进度");
        assertThat(Jsoup.parse(quarterlyHtml("en", null)).text()).contains("Quarterly", "Focus list", "Reason: ")
                .doesNotContain("偏差原因");
    }

    @Test
    void redAndYellowProjectsComeFirstThenGreenEachFlagInWordsAsWellAsColour() {
        Document doc = variance("zh");

        List<String> flags = doc.select(".card").eachAttr("data-flag");
        assertThat(flags).isSortedAccordingTo(java.util.Comparator.comparing(org.budgetmonitor.variance.Flag::valueOf));
        assertThat(flags).contains("RED", "YELLOW", "GREEN");
        for (Element card : doc.select(".card")) {
            String word = switch (card.attr("data-flag")) {
                case "RED" -> "红 RED";
                case "YELLOW" -> "黄 YELLOW";
                default -> "绿 GREEN";
            };
            assertThat(card.selectFirst(".badge").text()).isEqualTo(word);
        }
        // The reason in words beside the badge, not the flag word again.
        assertThat(card(doc, "13091626P000178100047").selectFirst("[data-col=reasons]").text())
                .isEqualTo("进度滞后（节点计划未完成）");
    }

    @Test
    void eachIndicatorShowsItsValuesDateMarkedOldWhenEarlierItsFullYearEstimateAndItsNoteAsText() {
        String html = quarterlyHtml("zh", null);
        Document doc = Jsoup.parse(html);
        List<Element> lines = doc.select(".indicator");

        assertThat(lines).hasSize(3);
        Element current = lines.get(0);
        assertThat(current.selectFirst("[data-col=value_date]").text()).isEqualTo("2026-09-30");
        assertThat(current.select(".old")).isEmpty();
        assertThat(current.selectFirst("[data-col=expected_full_year]").text()).isEqualTo("4次");
        assertThat(current.select("[data-col=note]")).isEmpty();
        Element noValue = lines.get(1);
        assertThat(noValue.select("[data-col=value_date], [data-col=expected_full_year]")).isEmpty();
        Element old = lines.get(2);
        assertThat(old.selectFirst("[data-col=value_to_date]").text()).isEqualTo("72%");
        assertThat(old.selectFirst("[data-col=value_date]").text()).isEqualTo("2026-06-30");
        assertThat(old.selectFirst(".old").text()).isEqualTo("旧值");
        assertThat(old.selectFirst("[data-col=expected_full_year]").text()).isEqualTo("92% <预计>");
        assertThat(old.selectFirst("[data-col=note]").text()).isEqualTo("问卷 <b>未回收</b> & 待补");
        assertThat(old.text()).contains("数值日期", "全年预计", "备注");
        assertThat(html).contains("问卷 &lt;b&gt;未回收&lt;/b&gt; &amp; 待补");
        assertThat(Jsoup.parse(quarterlyHtml("en", null)).select(".indicator .old").text()).isEqualTo("old value");
    }

    @Test
    void thePageNamesTheProjectsWhosePlanAtTheDateIsInterpolatedAndAUnitsPageOnlyItsOwn() {
        Document all = Jsoup.parse(quarterlyHtml("zh", null));
        Document owner = Jsoup.parse(quarterlyHtml("zh", "471005"));
        Document other = Jsoup.parse(quarterlyHtml("zh", "472001"));

        assertThat(all.selectFirst("[data-note=interpolated]").text()).isEqualTo(HtmlFixtures.INTERPOLATION_NOTE);
        assertThat(owner.selectFirst("[data-note=interpolated]").text()).contains("1 个项目", HtmlFixtures.MARKUP_NAME);
        assertThat(other.select("[data-note=interpolated]")).isEmpty();
        assertThat(Jsoup.parse(quarterlyHtml("en", "471005")).selectFirst("[data-note=interpolated]").text())
                .startsWith("Note: 9/30 is not a plan checkpoint of these 1 projects");
    }

    @Test
    void theUnitsPageOfTheReviewHoldsOnlyThatUnitsProjectsFocusAndTotals() {
        Document unit = Jsoup.parse(quarterlyHtml("zh", "471005"));
        Document all = Jsoup.parse(quarterlyHtml("zh", null));

        assertThat(unit.select(".card").eachAttr("data-code")).containsExactly(HtmlFixtures.MARKUP_CODE);
        assertThat(unit.select(".focus").eachAttr("data-code")).containsExactly(HtmlFixtures.MARKUP_CODE);
        assertThat(unit.selectFirst("[data-fact=unit_code]").text()).isEqualTo("471005");
        assertThat(unit.selectFirst("[data-count=red]").text()).isEqualTo("1");
        assertThat(unit.selectFirst("[data-col=budget_wan]").text()).isEqualTo("30.00");
        assertThat(unit.select(".unplanned")).isEmpty(); // unplanned codes belong to no unit
        assertThat(all.select(".card")).hasSize(4);
        assertThat(all.selectFirst("[data-count=red]").text()).isEqualTo("2");
        assertThat(all.select("[data-unit]").eachAttr("data-unit")).containsExactly("472001", "471005");
        assertThat(all.select(".unplanned").eachAttr("data-code")).containsExactly("13091626P000199100001");
    }

    @Test
    void aUnitsVariancePageNamesItsUnitAndTheCombinedOneNamesEachProjectsUnit() {
        var fixtures = HtmlFixtures.nightly().project("471005", "沧州临港经济技术开发区财政局本级", "13091626P000100000001",
                "财政信息化运维", "30.00");
        List<VarianceReport> reports = fixtures.reports(ZH);
        Document combined = Jsoup.parse(WRITER.renderVariance(reports.get(0), ZH));
        Document finance = Jsoup.parse(WRITER.renderVariance(reports.stream()
                .filter(r -> "471005".equals(r.unitCode())).findFirst().orElseThrow(), ZH));

        assertThat(finance.selectFirst("[data-fact=unit_code]").text()).isEqualTo("471005");
        assertThat(finance.select(".card").eachAttr("data-code")).containsExactly("13091626P000100000001");
        assertThat(combined.select("[data-fact=unit_code]")).isEmpty();
        assertThat(card(combined, "13091626P000100000001").text()).contains("471005 沧州临港经济技术开发区财政局本级");
    }

    @Test
    void theOverviewOfManyUnitsListsTheUnitsAndLeavesTheProjectsToTheUnitsPagesThePdfAndTheXlsx() {
        var fixtures = HtmlFixtures.nightly().project("471005", "沧州临港经济技术开发区财政局本级", "13091626P000100000001",
                "财政信息化运维", "30.00");
        VarianceReport overview = fixtures.reports(ZH, 3).get(0);
        assertThat(overview.overview()).isTrue();
        Document doc = Jsoup.parse(WRITER.renderVariance(overview, ZH));

        assertThat(doc.select("[data-unit]").eachAttr("data-unit")).containsExactly("472001", "471005");
        assertThat(doc.select(".card")).isEmpty();
        assertThat(doc.selectFirst("[data-count=red]").text()).isEqualTo(String.valueOf(overview.summary().red()));
        assertThat(doc.text()).contains("明细见同名 PDF、XLSX 和各单位的页面");
    }

    @Test
    void eachFlaggedCardSaysSinceWhenItIsFlaggedAndSinceWhenRedWhenItTurnedRedLater() {
        VarianceReport report = HtmlFixtures.nightly().reports(ZH).get(0);
        Map<String, FlagRun> since = Map.of(
                "13091626P000175100046", new FlagRun(LocalDate.of(2026, 5, 31), LocalDate.of(2026, 6, 30)),
                "13091626P000178100047", new FlagRun(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 4, 30)),
                "13091626P00018210006K", new FlagRun(LocalDate.of(2026, 6, 30), null));
        Document zh = Jsoup.parse(WRITER.renderVariance(report, ZH, since));
        ReportText en = ReportText.forLanguage("en");
        Document english = Jsoup.parse(WRITER.renderVariance(HtmlFixtures.nightly().reports(en).get(0), en, since));

        assertThat(card(zh, "13091626P000175100046").selectFirst("[data-col=flagged_since]").text())
                .isEqualTo("自 2026-05-31 起预警，红色自 2026-06-30 起");
        assertThat(card(zh, "13091626P000178100047").selectFirst("[data-col=flagged_since]").text())
                .isEqualTo("自 2026-04-30 起预警");
        assertThat(card(zh, "13091626P00018210006K").selectFirst("[data-col=flagged_since]").text())
                .isEqualTo("自 2026-06-30 起预警");
        assertThat(card(english, "13091626P000175100046").selectFirst("[data-col=flagged_since]").text())
                .isEqualTo("Flagged since 2026-05-31, RED since 2026-06-30");
        // A card the history does not know (no stored night) says nothing rather than a wrong date.
        assertThat(card(zh, HtmlFixtures.LONG_CODE).select("[data-col=flagged_since]")).isEmpty();
    }

    @Test
    void theProgressBlockStatesTheUnitsGapToTimeProgressAsThePdfSummaryDoes() {
        VarianceReport report = HtmlFixtures.nightly().reports(ZH).get(0);
        Document doc = Jsoup.parse(WRITER.renderVariance(report, ZH));
        java.math.BigDecimal gap = report.summary().timeProgressGapPp();

        assertThat(doc.selectFirst("[data-fact=progress] [data-col=time_progress_gap_pp]").text())
                .isEqualTo(gap.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " 个百分点");
        assertThat(ZH.format("summary.progress", report.summary().executionRatePct(), report.summary().timeProgressPct(),
                1, 1, gap)).contains("较序时进度 " + gap.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
    }

    @Test
    void theFlagRulesInForceCloseThePageInThePdfsWordsAndAGreenProjectThatMissedItsCheckpointCarriesTheNote() {
        var thresholds = new org.budgetmonitor.variance.VarianceThresholds(new java.math.BigDecimal("-25"),
                new java.math.BigDecimal("-8"), new java.math.BigDecimal("15"));
        VarianceReport report = HtmlFixtures.nightly().thresholds(thresholds).reports(ZH).get(0);
        Document doc = Jsoup.parse(WRITER.renderVariance(report, ZH));

        Element legend = doc.selectFirst("[data-fact=legend]");
        assertThat(legend.text()).startsWith("预警规则（现行阈值）")
                .contains("较计划偏差 ≤ -25 个百分点", "较计划偏差 ≤ -8 个百分点", "较计划偏差 ≥ +15 个百分点",
                        "如“绿色（节点计划未完成）”");
        for (Element green : doc.select(".card[data-flag=GREEN]")) {
            ReportRowCheck.ofCard(report, green.attr("data-code")).ifPresent(missed ->
                    assertThat(green.selectFirst("[data-col=reasons]").text()).isEqualTo("（节点计划未完成）"));
        }
    }

    @Test
    void aUnitsPageWordsTheRejectsAndItsFilesAsTheUnitsPdfDoesAndTheCombinedOneSaysWhatTheRejectFileHolds() {
        var fixtures = HtmlFixtures.nightly().project("471005", "沧州临港经济技术开发区财政局本级", "13091626P000100000001",
                "财政信息化运维", "30.00");
        List<VarianceReport> reports = fixtures.reports(ZH);
        VarianceReport unitReport = reports.stream().filter(r -> "471005".equals(r.unitCode())).findFirst().orElseThrow();
        Document unit = Jsoup.parse(WRITER.renderVariance(unitReport, ZH));
        Document combined = Jsoup.parse(WRITER.renderVariance(reports.get(0), ZH));

        // A unit's page counts only the rejected lines naming its projects (none here) and says where the rest are.
        assertThat(unit.selectFirst("[data-fact=rejects]").text()).startsWith(ZH.get("rejects.unitNone"))
                .doesNotContain("rejected-");
        assertThat(unit.text()).doesNotContain("CSV 出自同一次运行").contains("本页与同名 PDF、XLSX 出自同一次运行");
        assertThat(combined.selectFirst("[data-fact=rejects]").text())
                .isEqualTo("拒收文件 rejected-2026-06-30.csv 共 1 行（含以前各次导入已拒收、支付文件尚未更正的行）。");
    }

    @Test
    void anUnplannedCodeWearsItsOwnBadgeNeverRed() {
        Document zh = variance("zh");
        Document en = variance("en");

        assertThat(zh.select(".unplanned .badge").eachText()).containsOnly("计划外 UNPLANNED");
        assertThat(en.select(".unplanned .badge").eachText()).containsOnly("UNPLANNED");
        assertThat(zh.selectFirst(".unplanned .badge").attr("style")).doesNotContain("#c62828");
    }

    @Test
    void withinRedAndWithinYellowTheWorstComesFirstOverBudgetBeforeTheLargestGapBehind() {
        var fixtures = HtmlFixtures.nightly()
                .project("472001", "单位", "13091626P000100000009", "超支项目", "1.00")
                .paid("13091626P000100000009", "2026-02-01", "20000.00");
        VarianceReport report = fixtures.reports(ZH).get(0);
        Document doc = Jsoup.parse(WRITER.renderVariance(report, ZH));

        for (String flag : List.of("RED", "YELLOW")) {
            List<String> codes = doc.select(".card[data-flag=" + flag + "]").eachAttr("data-code");
            List<org.budgetmonitor.report.ReportRow> rows = codes.stream()
                    .map(c -> report.rows().stream().filter(r -> r.code().equals(c)).findFirst().orElseThrow()).toList();
            assertThat(rows).isSortedAccordingTo(java.util.Comparator
                    .comparing((org.budgetmonitor.report.ReportRow r) -> r.overBudgetWan().negate())
                    .thenComparing(r -> r.gapPp() == null ? java.math.BigDecimal.valueOf(Long.MAX_VALUE) : r.gapPp()));
        }
        assertThat(doc.select(".card[data-flag=RED]").first().attr("data-code")).isEqualTo("13091626P000100000009");
    }

    @Test
    void aTilesLabelWrapsBetweenWordsNotWithinOne() {
        Document en = variance("en");

        for (Element tile : en.select(".tile")) {
            assertThat(tile.child(0).attr("style")).doesNotContain("anywhere");
        }
    }

    @Test
    void theQuarterlyHeaderWarnsAsItsPdfDoesWhenTheLatestPaymentIsOlderThanTheStaleLimit() {
        QuarterlyText text = QuarterlyText.forLanguage("zh");
        // The fixture's latest payment is 2026-09-28, two days before its 2026-09-30.
        Document stale = Jsoup.parse(WRITER.renderQuarterly(HtmlFixtures.quarterly(), text, null, 1));
        Document fresh = Jsoup.parse(WRITER.renderQuarterly(HtmlFixtures.quarterly(), text, "472001", 3));

        Element warning = stale.selectFirst("[data-fact=data_warning]");
        assertThat(warning.text()).isEqualTo("数据可能不完整：最近一笔支付距截至日期 2 天（超过 1 天），可能尚有支付未导入，使用本报告数字前请核实。");
        assertThat(warning.attr("style")).contains("#c62828");
        assertThat(fresh.selectFirst("[data-fact=data_warning]").text())
                .isEqualTo("数据截止 2026-09-28，距截至日期 2 天（未超过 3 天的提示界限）。");
    }

    @Test
    void theQuarterlyProgressBlockStatesTheGapToTimeProgressOfTheFiguresItShows() {
        QuarterlyReport report = HtmlFixtures.quarterly();
        Document doc = Jsoup.parse(quarterlyHtml("zh", "472001"));
        var line = report.units().stream().filter(u -> u.unitCode().equals("472001")).findFirst().orElseThrow();
        java.math.BigDecimal gap = line.ratePct().subtract(report.timeProgressPct());

        assertThat(doc.selectFirst("[data-fact=progress] [data-col=time_progress_gap_pp]").text())
                .isEqualTo((gap.signum() > 0 ? "+" : "") + gap.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " 个百分点");
    }

    private static Element card(Document doc, String code) {
        Element card = doc.selectFirst(".card[data-code=" + code + "]");
        assertThat(card).as("card of %s", code).isNotNull();
        return card;
    }

    /** Whether the report's row of a code missed its checkpoint with nothing else to say. */
    private static final class ReportRowCheck {
        static Optional<Boolean> ofCard(VarianceReport report, String code) {
            return report.rows().stream().filter(r -> r.code().equals(code))
                    .filter(r -> r.flagText().equals("绿色（节点计划未完成）")).findFirst().map(r -> true);
        }
    }
}
