package org.budgetmonitor.report.html;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.budgetmonitor.report.QuarterlyFocusRow;
import org.budgetmonitor.report.QuarterlyIndicatorLine;
import org.budgetmonitor.report.QuarterlyReport;
import org.budgetmonitor.report.QuarterlyReportRow;
import org.budgetmonitor.report.QuarterlyUnitLine;
import org.budgetmonitor.report.ReportFixtures;
import org.budgetmonitor.report.Unplanned;
import org.budgetmonitor.variance.Flag;

/** Report models for the HTML page's tests: the sample unit, a long unbroken code and name, markup in a name. */
final class HtmlFixtures {

    /** No phone can fit this on one line: the page must wrap it, not scroll sideways. */
    static final String LONG_CODE = "13091626P" + "0".repeat(30) + "LONGUNBROKENPROJECTCODE" + "9".repeat(20);
    static final String LONG_NAME = "河北省药品医疗器械检验研究院沧州实验室" + "Laboratory".repeat(8) + "建设运行维护专项经费";
    static final String MARKUP_NAME = "<script>alert(1)</script> & \"招商\" <b>";
    static final String MARKUP_CODE = "13091626P000000000666";
    /** The review's note as the assembler words it: only the markup project's plan at 09-30 is interpolated. */
    static final String INTERPOLATION_NOTE = "注：9月30日不是以下 1 个项目的计划节点，其“季末计划数”按相邻计划节点之间线性插值计算："
            + MARKUP_NAME + "。";

    private HtmlFixtures() {
    }

    /** The sample unit, plus a RED project with a long code and name and a YELLOW one whose name is markup. */
    static ReportFixtures nightly() {
        String unit = "沧州临港经济技术开发区生物医药招商局本级";
        return ReportFixtures.sample()
                .project("472001", unit, LONG_CODE, LONG_NAME, "1234.50")
                .paid(LONG_CODE, "2026-02-01", "10000.00")
                .project("472001", unit, MARKUP_CODE, MARKUP_NAME, "10.00")
                .paid(MARKUP_CODE, "2026-03-01", "20000.00")
                .paid(MARKUP_CODE, "2026-05-01", "15000.00");
    }

    /** Two units, as the review prints them (figures typed here: the job test checks real ones against the CSV). */
    static QuarterlyReport quarterly() {
        String a = "沧州临港经济技术开发区生物医药招商局本级";
        String b = "沧州临港经济技术开发区财政局本级 & <i>附属</i>";
        List<QuarterlyReportRow> rows = List.of(
                row(1, "472001", a, "13091626P000177100055", "宣传", "20.00", "15.00", "4.00", "20.00", "-55.00",
                        Flag.RED, "红色 进度滞后、未完成节点计划", true),
                row(2, "472001", a, LONG_CODE, LONG_NAME, "100.00", "75.00", "60.00", "60.00", "-15.00",
                        Flag.YELLOW, "黄色 进度滞后", true),
                row(3, "472001", a, "13091626P00018210006K", "河北省药品医疗器械检验研究院沧州实验室", "15.00", "10.00", "9.00",
                        "60.00", "-6.67", Flag.GREEN, "绿色 正常", false),
                row(4, "471005", b, MARKUP_CODE, MARKUP_NAME, "30.00", "20.00", "6.00", "20.00", "-46.67", Flag.RED,
                        "红色 进度滞后", true));
        List<QuarterlyUnitLine> units = List.of(
                new QuarterlyUnitLine("472001", a, 3, d("135.00"), d("100.00"), d("73.00"), d("40.00"), d("33.00"),
                        d("54.07"), 1, 1, 1, 2, d("-20.00"), d("-20.72")),
                new QuarterlyUnitLine("471005", b, 1, d("30.00"), d("20.00"), d("6.00"), d("2.00"), d("4.00"),
                        d("20.00"), 1, 0, 0, 1, d("-46.67"), d("-54.79")));
        QuarterlyUnitLine total = new QuarterlyUnitLine("", "", 4, d("165.00"), d("120.00"), d("79.00"), d("42.00"),
                d("37.00"), d("47.88"), 2, 1, 1, 3, d("-24.85"), d("-26.91"));
        List<QuarterlyFocusRow> focus = List.of(
                new QuarterlyFocusRow(1, LONG_CODE, LONG_NAME, d("100.00"), d("60.00"), d("40.00"), d("60.00"),
                        Flag.YELLOW, "黄色 进度滞后"),
                new QuarterlyFocusRow(2, MARKUP_CODE, MARKUP_NAME, d("30.00"), d("6.00"), d("24.00"), d("20.00"),
                        Flag.RED, "红色 进度滞后"));
        List<QuarterlyIndicatorLine> indicators = List.of(
                new QuarterlyIndicatorLine("13091626P000177100055", "宣传", "产出指标", "数量指标", "宣传活动次数", "≥4次", "2次",
                        "2026-09-30", false, "4次", "IN_PROGRESS", "进行中", "有可能", "", "", ""),
                new QuarterlyIndicatorLine(MARKUP_CODE, MARKUP_NAME, "效益指标", "社会效益", "满意度 <90%> & more",
                        "≥90%", "", "", false, "", "NO_DATA", "无数据", "待填", "经费保障：资金未到位", "10月底前完成", ""),
                new QuarterlyIndicatorLine(MARKUP_CODE, MARKUP_NAME, "产出指标", "时效指标", "完成及时率", "≥90%", "72%",
                        "2026-06-30", true, "92% <预计>", "TO_CONFIRM", "待确认", "待填", "", "",
                        "问卷 <b>未回收</b> & 待补"));
        return new QuarterlyReport(LocalDate.of(2026, 9, 30), 1, LocalDateTime.of(2026, 10, 1, 7, 0),
                LocalDate.of(2026, 9, 28), LocalDateTime.of(2026, 10, 1, 7, 0), "QR-2026-09-30-V1", a + "、" + b,
                INTERPOLATION_NOTE, null, d("74.79"), d("5.00"), rows, focus, List.of(), rows.size(), indicators,
                units, total, List.of(new Unplanned("13091626P000199100001", d("0.36"))), List.of(),
                Set.of(MARKUP_CODE), 1);
    }

    private static QuarterlyReportRow row(int no, String unit, String unitName, String code, String name,
            String budget, String expected, String actual, String rate, String gap, Flag flag, String flagText,
            boolean lagging) {
        return new QuarterlyReportRow(no, unit, unitName, code, name, d(budget), d(expected), d(actual), d(rate),
                d("74.79"), d(gap), d(rate).subtract(d("74.79")), flag, flagText, d("1.00"),
                d(actual).multiply(BigDecimal.valueOf(2)), d("3.00"), lagging, flag == Flag.RED);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
