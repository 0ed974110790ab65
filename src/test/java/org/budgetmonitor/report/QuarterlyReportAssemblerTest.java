package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.budgetmonitor.quarterly.QuarterlyFixtures.DOMESTIC_PLAN;
import static org.budgetmonitor.quarterly.QuarterlyFixtures.FAIRS_PLAN;
import static org.budgetmonitor.quarterly.QuarterlyFixtures.LAB_PLAN;
import static org.budgetmonitor.quarterly.QuarterlyFixtures.PUBLICITY_PLAN;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.quarterly.QuarterlyFixtures;
import org.budgetmonitor.quarterly.QuarterlyReview;
import org.junit.jupiter.api.Test;

/** What the quarterly report says, from rows made by the job's own rules. */
class QuarterlyReportAssemblerTest {

    private static final LocalDate Q3 = LocalDate.of(2026, 9, 30);
    private static final QuarterlyReportAssembler ASSEMBLER = new QuarterlyReportAssembler(QuarterlyText.forLanguage("zh"));

    private static QuarterlyReport assemble(QuarterlyReview review) {
        return ASSEMBLER.assemble(review, Money.ofWan("5"), LocalDateTime.of(2026, 10, 1, 3, 0));
    }

    private static QuarterlyReportRow row(QuarterlyReport report, String code) {
        return report.rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void interpolationNoteNamesOnlyProjectsWithoutTheCheckpoint() {
        QuarterlyReview review = new QuarterlyFixtures(Q3)
                .project("471005", "F1", "财政信息化运维", "30", List.of("03-31=5", "06-30=15", "09-30=20", "12-31=30"),
                        "2026-09-01=20")
                .project("472001", "P1", "国内招商", "20", DOMESTIC_PLAN,
                        "2026-09-01=11")
                .project("472001", "P2", "宣传", "20", PUBLICITY_PLAN,
                        "2026-09-01=8")
                .review();

        String note = assemble(review).interpolationNote();

        assertThat(note).startsWith("注：9月30日不是以下 2 个项目的计划节点").contains("国内招商", "宣传")
                .contains("线性插值").doesNotContain("财政信息化运维");

        QuarterlyReview onTheCheckpoint = new QuarterlyFixtures(Q3)
                .project("471005", "F1", "财政信息化运维", "30", List.of("03-31=5", "06-30=15", "09-30=20", "12-31=30"),
                        "2026-09-01=20")
                .review();
        assertThat(assemble(onTheCheckpoint).interpolationNote()).isNull();
    }

    @Test
    void aLongListOfInterpolatedProjectsIsCutWithTheirNumber() {
        QuarterlyFixtures fixtures = new QuarterlyFixtures(Q3);
        for (int i = 1; i <= 14; i++) {
            fixtures.project("472001", "P" + i, "项目" + i, "20", DOMESTIC_PLAN, "2026-09-01=11");
        }

        String note = assemble(fixtures.review()).interpolationNote();

        assertThat(note).contains("以下 14 个项目", "项目1、", "项目10等 14 个项目").doesNotContain("项目11");
    }

    @Test
    void aProjectionAboveTheBudgetIsSaidInTheRowAndOnPageOne() {
        QuarterlyReview review = new QuarterlyFixtures(Q3)
                .project("472001", "P5", "实验室", "100", LAB_PLAN,
                        "2026-03-20=25", "2026-06-20=27", "2026-09-10=25")
                .project("471005", "F2", "预算绩效评价", "12", List.of("03-31=2", "06-30=6", "10-31=9", "12-31=12"),
                        "2026-05-11=6", "2026-09-20=6")
                .project("472001", "P4", "展会相关费用", "15", FAIRS_PLAN,
                        "2026-06-20=9")
                .review();

        QuarterlyReport report = assemble(review);

        assertThat(row(report, "P5").flagText()).isEqualTo("黄色 预计超预算 2.95 万元");
        assertThat(row(report, "P5").projectedWan()).isEqualByComparingTo("102.95");
        assertThat(row(report, "F2").flagText()).isEqualTo("黄色 超进度、预计超预算 4.04 万元");
        assertThat(row(report, "P4").flagText()).isEqualTo("绿色 正常");
        assertThat(report.projectionNote())
                .contains("2 个项目", "实验室 预计 102.95 万元（预算 100.00 万元，已支出 77.00 万元），超预算 2.95 万元",
                        "预算绩效评价 预算 12.00 万元已用完（已支出 12.00 万元），若按当前进度继续支出，年末将达 16.04 万元，超预算 4.04 万元")
                .doesNotContain("展会相关费用");
        assertThat(report.focus()).extracting(QuarterlyFocusRow::name).containsExactly("实验室", "预算绩效评价");
    }

    @Test
    void theGapToTimeProgressIsTheRateLessTheTimeProgressAsTheyArePrinted() {
        // 09-30 is 74.7945… % of the year, printed 74.79; 199,959 元 of 100 万元 is 19.9959 %, printed 20.00. The
        // exact gap −54.7986 would print −54.80 beside 20.00 and 74.79, whose difference is −54.79.
        QuarterlyReview review = new QuarterlyFixtures(Q3)
                .project("472001", "P1", "国内招商", "100", DOMESTIC_PLAN, "2026-09-01=19.9959")
                .review();

        QuarterlyReport report = assemble(review);

        QuarterlyReportRow row = row(report, "P1");
        assertThat(row.ratePct()).isEqualByComparingTo("20.00");
        assertThat(row.timeProgressPct()).isEqualByComparingTo("74.79");
        assertThat(row.timeProgressGapPp()).isEqualByComparingTo("-54.79");
        assertThat(report.units().get(0).timeProgressGapPp()).isEqualByComparingTo("-54.79");
        assertThat(review.rows().get(0).timeProgressGapPp()).isEqualByComparingTo("-54.79"); // the CSV's figure
    }

    @Test
    void inEnglishPageOnesProjectionNoteStatesItsUnit() {
        QuarterlyReview review = new QuarterlyFixtures(Q3)
                .project("472001", "P5", "实验室", "100", LAB_PLAN,
                        "2026-03-20=25", "2026-06-20=27", "2026-09-10=25")
                .project("471005", "F2", "预算绩效评价", "12", List.of("03-31=2", "06-30=6", "10-31=9", "12-31=12"),
                        "2026-05-11=6", "2026-09-20=6")
                .review();

        String note = new QuarterlyReportAssembler(QuarterlyText.forLanguage("en"))
                .assemble(review, Money.ofWan("5"), LocalDateTime.of(2026, 10, 1, 3, 0)).projectionNote();

        // The Chinese note says 万元 after every figure; 102.95 alone would read as yuan.
        assertThat(note).contains("实验室 projected 102.95 (budget 100.00, spent 77.00), 2.95 over budget (10k CNY)",
                "预算绩效评价: budget 12.00 used up (spent 12.00); spending on at this pace would reach 16.04, 4.04 over budget (10k CNY)");
    }

    @Test
    void overBudgetRowsGetTheWriteInBoxesAndAreCountedAsNeedingExplanation() {
        QuarterlyReview review = new QuarterlyFixtures(LocalDate.of(2026, 12, 31))
                .project("472001", "P4", "展会相关费用", "15", FAIRS_PLAN,
                        "2026-01-12=5", "2026-06-20=4", "2026-11-10=7")
                .project("472001", "P5", "实验室", "100", LAB_PLAN,
                        "2026-03-20=25", "2026-06-20=25", "2026-09-10=25", "2026-12-20=25")
                .review();

        QuarterlyReport report = assemble(review);

        QuarterlyReportRow over = row(report, "P4");
        assertThat(over.needsExplanation()).isTrue();
        assertThat(over.focus()).isTrue();
        assertThat(over.flagText()).isEqualTo("红色 超预算 1.00 万元");
        assertThat(row(report, "P5").needsExplanation()).isFalse();
        assertThat(report.units()).singleElement().extracting(QuarterlyUnitLine::needsExplanation).isEqualTo(1);
        assertThat(report.focus()).extracting(QuarterlyFocusRow::name).containsExactly("展会相关费用");
        // At the year end the projection is the actual: over budget is said as such, not as a projection.
        assertThat(report.projectionNote()).isNull();
    }

    @Test
    void theRowCarriesTheGapToTimeProgressBesideTheGapToPlan() {
        QuarterlyReview review = new QuarterlyFixtures(Q3)
                .project("472001", "P1", "国内招商", "20", DOMESTIC_PLAN, "2026-05-10=7.5",
                        "2026-07-14=2", "2026-09-18=1.5")
                .review();

        QuarterlyReportRow row = row(assemble(review), "P1");

        assertThat(row.timeProgressGapPp()).isEqualByComparingTo("-19.79");
        assertThat(row.gapPp()).isEqualByComparingTo("-13.70");
    }

    @Test
    void theUnitSubtotalsAndTheTotalCarryBothGapsFromTheirOwnRates() {
        QuarterlyReview review = new QuarterlyFixtures(LocalDate.of(2026, 6, 30))
                .project("472001", "P1", "国内招商", "20", DOMESTIC_PLAN, "2026-05-10=7.5")
                .project("472001", "P5", "实验室", "100", LAB_PLAN, "2026-03-20=25", "2026-06-20=27")
                .project("471005", "F1", "财政信息化运维", "30", List.of("03-31=5", "06-30=15", "09-30=20", "12-31=30"),
                        "2026-06-01=12")
                .review();

        QuarterlyReport report = assemble(review);

        // 472001: 59.50 of 120.00 against a plan of 60.00, time progress 181 / 365 = 49.589 %.
        QuarterlyUnitLine biomed = report.units().stream().filter(u -> u.unitCode().equals("472001")).findFirst()
                .orElseThrow();
        assertThat(biomed.ratePct()).isEqualByComparingTo("49.58");
        assertThat(biomed.gapPp()).isEqualByComparingTo("-0.42"); // (59.50 − 60.00) / 120.00
        assertThat(biomed.timeProgressGapPp()).isEqualByComparingTo("-0.01"); // 49.583 − 49.589
        QuarterlyUnitLine finance = report.units().stream().filter(u -> u.unitCode().equals("471005")).findFirst()
                .orElseThrow();
        assertThat(finance.gapPp()).isEqualByComparingTo("-10.00"); // (12 − 15) / 30
        assertThat(finance.timeProgressGapPp()).isEqualByComparingTo("-9.59");
        // 合计: 71.50 of 150.00 against 75.00, not a sum of the units' gaps.
        assertThat(report.total().gapPp()).isEqualByComparingTo("-2.33");
        assertThat(report.total().timeProgressGapPp()).isEqualByComparingTo("-1.92");
    }
}
