package org.budgetmonitor.quarterly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The quarterly review of the sample plan plus a second unit whose plan has a 09-30 checkpoint for
 * one project, run as cron runs it; what the PDF says is checked against the CSV of the same run.
 */
@JobTest
class QuarterlyTwoUnitReviewTest {

    static final String FINANCE = "沧州临港经济技术开发区财政局本级";
    /** 财政信息化运维: 30 万元 with a 09-30 checkpoint (22); 18 spent by then, YELLOW behind plan. */
    static final String WITH_CHECKPOINT = "13091626P000100000001";
    /** 预算绩效评价: 12 万元, fully spent by 09-20; at that pace 16.04 by the year end. */
    static final String FULLY_SPENT = "13091626P000100000002";
    static final String LAB = "13091626P00018210006K";
    static final String ADMIN = "13091626P00017610004U";
    static final String FAIRS = "13091626P000178100047";

    @Autowired
    NightlyJobHarness job;

    @TempDir
    Path dir;

    Path plan;
    Path inbox;

    @BeforeEach
    void twoUnits() throws IOException {
        job.clear();
        plan = Files.createDirectories(dir.resolve("plan"));
        inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.copy(Path.of("sample-data/plan/indicators.csv"), plan.resolve("indicators.csv"));
        // The sample's projects with an (empty) 09-30 column, then the second unit's two.
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("sample-data/plan/projects.csv"), StandardCharsets.UTF_8)) {
            int cut = nthComma(line, 13); // after plan_06-30
            lines.add(line.substring(0, cut) + (line.startsWith("\uFEFFfiscal_year") ? ",plan_09-30" : ",")
                    + line.substring(cut));
        }
        lines.add("2026,471005," + FINANCE + "," + WITH_CHECKPOINT + ",财政信息化运维,30.00,30.00,,运维,保障运行,WAN,"
                + "5.00,15.00,22.00,,30.00");
        lines.add("2026,471005," + FINANCE + "," + FULLY_SPENT + ",预算绩效评价,12.00,12.00,,评价,完成评价,WAN,"
                + "2.00,6.00,,9.00,12.00");
        Files.write(plan.resolve("projects.csv"), lines, StandardCharsets.UTF_8);
        for (String file : List.of("finance-2026-01-01_2026-06-30.csv", "finance-2026-01-01_2026-07-31.csv",
                "treasury-2026-08-01_2026-11-30.csv")) {
            Files.copy(Path.of("sample-data/disbursements", file), inbox.resolve(file));
        }
        Files.writeString(inbox.resolve("finance-471005-2026.csv"), String.join("\n",
                "支付日期,项目编码,项目名称,金额,凭证号,收款人,摘要,资金性质",
                "2026-02-11," + WITH_CHECKPOINT + ",财政信息化运维,50000.00,JZ-2026-0901,某科技公司,运维费,一般公共预算",
                "2026-06-11," + WITH_CHECKPOINT + ",财政信息化运维,100000.00,JZ-2026-0903,某科技公司,运维费,一般公共预算",
                "2026-09-11," + WITH_CHECKPOINT + ",财政信息化运维,30000.00,JZ-2026-0905,某科技公司,运维费,一般公共预算",
                "2026-05-11," + FULLY_SPENT + ",预算绩效评价,60000.00,JZ-2026-0902,某评估公司,评价费,一般公共预算",
                "2026-09-20," + FULLY_SPENT + ",预算绩效评价,60000.00,JZ-2026-0904,某评估公司,评价费,一般公共预算",
                ""), StandardCharsets.UTF_8);
    }

    private static int nthComma(String line, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = line.indexOf(',', at + 1);
        }
        return at;
    }

    @Test
    void atTheThirdQuarterThePdfSaysWhatTheCsvSaysAboutFocusExplanationsProjectionsAndInterpolation()
            throws Exception {
        Review review = run(LocalDate.of(2026, 9, 30));

        // The CSV: the new columns after the existing ones; the projections above the budget flagged.
        assertThat(review.header).endsWith("prev_quarter_actual_wan", "focus", "needs_explanation",
                "time_progress_gap_pp", "original_budget_wan");
        assertThat(review.row(LAB).get("projected_year_end_wan")).isEqualTo("102.95");
        assertThat(review.row(LAB).get("flag")).isEqualTo("YELLOW");
        assertThat(review.row(LAB).get("reasons")).isEqualTo("PROJECTED_OVER_BUDGET");
        assertThat(review.row(FULLY_SPENT).get("projected_year_end_wan")).isEqualTo("16.04");
        assertThat(review.row(FULLY_SPENT).get("reasons")).isEqualTo("AHEAD_OF_PLAN;PROJECTED_OVER_BUDGET");
        // 综合事务管理: RED behind plan with 3.80 left, below the 5 万元 threshold, still a focus.
        assertThat(review.row(ADMIN).get("flag")).isEqualTo("RED");
        assertThat(review.row(ADMIN).get("focus")).isEqualTo("true");

        review.assertPdfAgreesWithCsv();

        // Only the projects without a 09-30 checkpoint are named as interpolated.
        String first = review.pages.get(0);
        String note = first.substring(first.indexOf("注："), first.indexOf("执行概况"));
        assertThat(note).startsWith("注：9月30日不是以下 6 个项目的计划节点").contains("预算绩效评价", "国内招商")
                .doesNotContain("财政信息化运维");
        assertThat(first).contains("预计超预算", "超预算 2.95 万元", "超预算 4.04 万元");
    }

    @Test
    void atTheYearEndTheOverspentAndEveryRedProjectAreFociWithBoxesToFill() throws Exception {
        Review review = run(LocalDate.of(2026, 12, 31));

        // 展会相关费用: 16.00 of 15.00, RED over budget; 综合事务管理: RED with 2.90 left.
        assertThat(review.row(FAIRS).get("reasons")).isEqualTo("OVER_BUDGET");
        assertThat(review.row(FAIRS).get("focus")).isEqualTo("true");
        assertThat(review.row(FAIRS).get("needs_explanation")).isEqualTo("true");
        assertThat(review.row(ADMIN).get("focus")).isEqualTo("true");
        // Every RED row of the plan is a focus.
        for (CSVRecord row : review.planned()) {
            if (row.get("flag").equals("RED")) {
                assertThat(row.get("focus")).as(row.get("project_code")).isEqualTo("true");
            }
        }
        // On 31 Dec no date is interpolated: every project's plan ends on a checkpoint passed.
        assertThat(review.pages.get(0)).doesNotContain("不是以下").doesNotContain("线性插值");
        assertThat(review.pages.get(0)).contains("超预算 1.00 万元");

        review.assertPdfAgreesWithCsv();
    }

    @Test
    void inTheFirstHalfOnlyAProjectAheadOfItsOwnPlanIsProjectedOverBudget() throws Exception {
        // 03-31: 河北 25.00 of a 25.00 plan, the calendar pace 101.39: on its plan, no warning.
        Review march = run(LocalDate.of(2026, 3, 31));
        assertThat(march.row(LAB).get("projected_year_end_wan")).isEqualTo("101.39");
        assertThat(march.row(LAB).get("flag")).isEqualTo("GREEN");
        assertThat(march.row(LAB).get("reasons")).isEmpty();
        assertThat(march.planned()).noneMatch(r -> r.get("reasons").contains("PROJECTED_OVER_BUDGET"));
        assertThat(march.pages.get(0)).doesNotContain("预计超预算：");

        // 06-30: 财政信息化运维 15.00 of 15.00 (30.25 at the calendar pace) and 预算绩效评价 6.00 of 6.00 (12.10)
        // are on their plans; 河北 52.00 of 50.00 is ahead of it, 104.86 by the year end at that pace.
        Review june = run(LocalDate.of(2026, 6, 30));
        assertThat(june.row(WITH_CHECKPOINT).get("projected_year_end_wan")).isEqualTo("30.25");
        assertThat(june.row(FULLY_SPENT).get("projected_year_end_wan")).isEqualTo("12.10");
        assertThat(june.row(WITH_CHECKPOINT).get("reasons")).doesNotContain("PROJECTED_OVER_BUDGET");
        assertThat(june.row(FULLY_SPENT).get("reasons")).doesNotContain("PROJECTED_OVER_BUDGET");
        assertThat(june.row(LAB).get("projected_year_end_wan")).isEqualTo("104.86");
        assertThat(june.row(LAB).get("reasons")).isEqualTo("PROJECTED_OVER_BUDGET");
        assertThat(june.row(LAB).get("flag")).isEqualTo("YELLOW");
        june.assertPdfAgreesWithCsv();
    }

    private Review run(LocalDate asOf) throws Exception {
        var execution = job.runQuarterly(asOf, plan, inbox, dir.resolve("out"), Path.of("sample-data/progress"), false);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path out = dir.resolve("out").resolve(asOf.toString());
        return new Review(out.resolve("quarterly-" + asOf + ".csv"), out.resolve("quarterly-" + asOf + ".pdf"),
                out.resolve("quarterly-" + asOf + ".xlsx"));
    }

    /** One run's CSV and PDF text. */
    static final class Review {

        final List<String> header;
        final List<CSVRecord> records;
        final List<String> pages = new ArrayList<>();
        final List<java.util.Map<String, Object>> sheet;

        Review(Path csv, Path pdf, Path xlsx) throws IOException {
            sheet = QuarterlyOutputs.table(QuarterlyOutputs.sheet(xlsx, "项目执行情况"));
            try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                in.mark(1);
                if (in.read() != '\uFEFF') {
                    in.reset();
                }
                var parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(in);
                header = parser.getHeaderNames();
                records = parser.getRecords();
            }
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                PDFTextStripper stripper = new PDFTextStripper();
                for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                    stripper.setStartPage(page);
                    stripper.setEndPage(page);
                    pages.add(stripper.getText(doc));
                }
            }
        }

        CSVRecord row(String code) {
            return records.stream().filter(r -> r.get("project_code").equals(code)).findFirst().orElseThrow();
        }

        List<CSVRecord> planned() {
            return records.stream().filter(r -> !r.get("budget_wan").isEmpty()).toList();
        }

        void assertPdfAgreesWithCsv() {
            String first = pages.get(0);
            String all = String.join("\n", pages);
            List<CSVRecord> planned = planned();
            // 重点监控 on page 1: exactly the CSV's focus rows, RED first, then by balance.
            List<CSVRecord> focus = planned.stream().filter(r -> r.get("focus").equals("true"))
                    .sorted(Comparator.comparing((CSVRecord r) -> r.get("flag").equals("RED") ? 0 : 1)
                            .thenComparing(r -> new BigDecimal(r.get("budget_wan")).subtract(new BigDecimal(r.get("actual_wan"))),
                                    Comparator.reverseOrder()))
                    .toList();
            assertThat(focus).isNotEmpty();
            assertThat(first).containsSubsequence(focus.stream().map(r -> r.get("project_code")).toList());
            for (CSVRecord r : planned) {
                if (r.get("focus").equals("false")) {
                    assertThat(first).as("not a focus: " + r.get("project_code")).doesNotContain(r.get("project_code"));
                }
            }
            // 需说明: the overview's count and the unit summary's are the CSV's.
            long explain = planned.stream().filter(r -> r.get("needs_explanation").equals("true")).count();
            assertThat(first).contains("需填写偏差原因和纠偏措施的（进度滞后、未支出、超预算或预计超预算） " + explain + " 个");
            // Rows without boxes print "—" in both (so does the hint above each table); every other row has boxes.
            String tables = pages.stream().filter(p -> p.contains("项目执行情况明细")).collect(Collectors.joining("\n"));
            assertThat(count(tables, "—") - count(tables, "无需填写")).isEqualTo(2 * (planned.size() - explain));
            // Each row: budget, plan, actual, rate, time progress, gap to time progress, gap to plan, in that order.
            for (CSVRecord r : planned) {
                assertThat(tables).as(r.get("project_code")).containsSubsequence(r.get("project_code"),
                        money(r.get("budget_wan")), money(r.get("expected_wan")), money(r.get("actual_wan")),
                        r.get("execution_rate_pct"), r.get("time_progress_pct"), r.get("time_progress_gap_pp"),
                        r.get("gap_pp"), money(r.get("projected_year_end_wan")));
                if (r.get("reasons").contains("PROJECTED_OVER_BUDGET")) {
                    BigDecimal excess = new BigDecimal(r.get("projected_year_end_wan"))
                            .subtract(new BigDecimal(r.get("budget_wan")));
                    assertThat(all).contains("预计超预算 " + excess.toPlainString() + " 万元");
                    assertThat(first).contains(r.get("project_name").substring(0, 4));
                }
            }
            assertThat(tables).contains("较序时", "较计划");
            assertSubtotalsHaveTheirGaps(tables);
        }

        /**
         * Each unit's 小计 and the 合计 of the workbook carry both gaps, from their own rates (within a
         * cent of the figures as printed, which are rounded), and each 单位小计 of the PDF prints the same.
         */
        private void assertSubtotalsHaveTheirGaps(String tables) {
            List<java.util.Map<String, Object>> totals = sheet.stream().filter(r -> r.get("单位编码") instanceof String c
                    && (c.startsWith("小计") || c.equals("合计"))).toList();
            assertThat(totals).hasSize(3);
            for (var t : totals) {
                BigDecimal budget = (BigDecimal) t.get("预算（万元）");
                BigDecimal expected = (BigDecimal) t.get("季末计划（万元）");
                BigDecimal actual = (BigDecimal) t.get("实际支出（万元）");
                BigDecimal rate = (BigDecimal) t.get("执行率（%）");
                BigDecimal time = (BigDecimal) t.get("序时进度（%）");
                BigDecimal timeGap = (BigDecimal) t.get("较序时进度偏差（百分点）");
                BigDecimal planGap = (BigDecimal) t.get("偏差（较计划）（百分点）");
                assertThat(timeGap).as(t.get("单位编码") + " 较序时进度偏差").isNotNull();
                assertThat(planGap).as(t.get("单位编码") + " 较计划偏差").isNotNull();
                assertThat(timeGap.subtract(rate.subtract(time)).abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
                BigDecimal gap = actual.subtract(expected).multiply(BigDecimal.valueOf(100))
                        .divide(budget, 4, java.math.RoundingMode.HALF_UP);
                assertThat(planGap.subtract(gap).abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
                if (!t.get("单位编码").equals("合计")) {
                    // The PDF's 单位小计: budget, plan, actual, rate, time progress, then the two gaps.
                    String budgetText = money(budget.toPlainString());
                    assertThat(tables.lines().filter(l -> l.contains("单位小计") && l.contains(budgetText)))
                            .as("单位小计 of " + t.get("单位编码")).singleElement()
                            .satisfies(line -> assertThat(line).containsSubsequence("单位小计", budgetText,
                                    money(expected.toPlainString()), money(actual.toPlainString()),
                                    rate.toPlainString(), time.toPlainString(), timeGap.toPlainString(),
                                    planGap.toPlainString()));
                }
            }
        }

        private static String money(String wan) {
            return String.format("%,.2f", new BigDecimal(wan));
        }

        private static int count(String text, String s) {
            int n = 0;
            for (int i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
                n++;
            }
            return n;
        }
    }
}
