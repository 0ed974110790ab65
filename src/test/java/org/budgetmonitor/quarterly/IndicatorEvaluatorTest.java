package org.budgetmonitor.quarterly;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.plan.Indicator;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.VarianceRow;
import org.junit.jupiter.api.Test;

class IndicatorEvaluatorTest {

    private final IndicatorEvaluator evaluator = new IndicatorEvaluator();

    private static QuarterlyRow project(LocalDate asOf, String budgetWan, String actualWan) {
        VarianceRow variance = new VarianceRow(asOf, "P1", true, "项目", "472001", "单位", Money.ofWan(budgetWan), null,
                Money.ZERO, BigDecimal.ZERO, Money.ofWan(actualWan), BigDecimal.ZERO, BigDecimal.ZERO, Flag.GREEN, List.of(),
                null);
        return QuarterlyCalculator.review(variance, org.budgetmonitor.variance.ActualCurve.NONE);
    }

    private static Indicator indicator(String level3, String target) {
        return new Indicator("P1", 1, "产出指标", "数量指标", level3, level3, target, "依据");
    }

    private static IndicatorProgress progress(String indicator, String date, String value, String likelihood,
            String category) {
        return new IndicatorProgress("P1", indicator, LocalDate.parse(date), value, "", likelihood, category, "原因",
                "措施", "", "", "progress.csv", 2);
    }

    private static IndicatorProgress confirmed(String indicator, String date, String value, String status) {
        return new IndicatorProgress("P1", indicator, LocalDate.parse(date), value, "", "", "", "", "", "", status,
                "progress.csv", 3);
    }

    private static final LocalDate YEAR_END = LocalDate.of(2026, 12, 31);

    @Test
    void takesTheLatestValueOnOrBeforeTheReviewDate() {
        var review = evaluator.evaluate(indicator("签约个数", "≥20个"), project(LocalDate.of(2026, 6, 30), "20", "5"),
                List.of(progress("签约个数", "2026-03-31", "4个", "", ""), progress("签约个数", "2026-06-30", "9个", "", ""),
                        progress("签约个数", "2026-09-30", "13个", "", "")));

        assertThat(review.valueToDate()).isEqualTo("9个");
        assertThat(review.status()).isEqualTo(IndicatorStatus.IN_PROGRESS);
        // A count carries on at the same pace: 9 × 365 / 181.
        assertThat(review.expectedFullYear()).isEqualTo("18.1个");
    }

    @Test
    void saysNoDataWhenNothingWasReported() {
        var review = evaluator.evaluate(indicator("满意度", "≥90百分比"), project(LocalDate.of(2026, 9, 30), "20", "5"),
                List.of());

        assertThat(review.status()).isEqualTo(IndicatorStatus.NO_DATA);
        assertThat(review.likelihood()).isNull();
    }

    @Test
    void anUnmetTargetAtTheYearEndIsNotAchievedAndCannotBeMet() {
        var review = evaluator.evaluate(indicator("满意度", "≥90百分比"), project(LocalDate.of(2026, 12, 31), "20", "20"),
                List.of(progress("满意度", "2026-12-20", "85%", "", "")));

        assertThat(review.status()).isEqualTo(IndicatorStatus.NOT_ACHIEVED);
        assertThat(review.likelihood()).isEqualTo(Likelihood.IMPOSSIBLE);
    }

    @Test
    void theOfficersJudgementOverridesTheDerivedLikelihood() {
        var review = evaluator.evaluate(indicator("签约个数", "≥20个"), project(LocalDate.of(2026, 9, 30), "20", "5"),
                List.of(progress("签约个数", "2026-09-30", "5个", "完全不可能", "经费保障")));

        assertThat(review.likelihood()).isEqualTo(Likelihood.IMPOSSIBLE);
        assertThat(review.causeCategory()).isEqualTo("经费保障");
    }

    @Test
    void filesAnUnknownCauseHeadingUnderOtherAndSaysSo() {
        var review = evaluator.evaluate(indicator("签约个数", "≥20个"), project(LocalDate.of(2026, 9, 30), "20", "5"),
                List.of(progress("签约个数", "2026-09-30", "5个", "", "天气原因")));

        assertThat(review.causeCategory()).isEqualTo("其他");
        assertThat(review.note()).contains("天气原因");
    }

    @Test
    void judgesAWithinBudgetTargetFromTheSpendingAlone() {
        var onTrack = evaluator.evaluate(indicator("预算总成本", "控制在预算内"), project(LocalDate.of(2026, 9, 30), "20", "12"),
                List.of());
        var over = evaluator.evaluate(indicator("预算总成本", "控制在预算内"), project(LocalDate.of(2026, 9, 30), "20", "20.5"),
                List.of());
        var yearEnd = evaluator.evaluate(indicator("预算总成本", "控制在预算内"), project(LocalDate.of(2026, 12, 31), "20", "19"),
                List.of());

        assertThat(onTrack.status()).isEqualTo(IndicatorStatus.IN_PROGRESS);
        assertThat(onTrack.likelihood()).isEqualTo(Likelihood.CERTAIN); // 12 × 365/273 = 16.04 < 20
        assertThat(over.status()).isEqualTo(IndicatorStatus.NOT_ACHIEVED);
        assertThat(over.likelihood()).isEqualTo(Likelihood.IMPOSSIBLE);
        assertThat(yearEnd.status()).isEqualTo(IndicatorStatus.ACHIEVED);
    }

    @Test
    void aQualitativeTargetIsAchievedWhenReportedDone() {
        var review = evaluator.evaluate(indicator("完成及时率", "按时完成"), project(LocalDate.of(2026, 9, 30), "20", "5"),
                List.of(progress("完成及时率", "2026-09-30", "已完成", "", "")));

        assertThat(review.status()).isEqualTo(IndicatorStatus.ACHIEVED);
    }

    @Test
    void atYearEndNotAchievedMeansCertainlyNot() {
        // The officer wrote 有可能 in September; at the year end the target is missed and that is decided.
        var review = evaluator.evaluate(indicator("签约个数", "≥20个"), project(YEAR_END, "20", "20"),
                List.of(progress("签约个数", "2026-09-30", "13个", "有可能", "经费保障")));

        assertThat(review.status()).isEqualTo(IndicatorStatus.NOT_ACHIEVED);
        assertThat(review.likelihood()).isEqualTo(Likelihood.IMPOSSIBLE);
    }

    @Test
    void atYearEndAchievedMeansCertainlyEvenWhenTheOfficerWroteOtherwiseEarlier() {
        var review = evaluator.evaluate(indicator("满意度", "≥90百分比"), project(YEAR_END, "20", "20"),
                List.of(progress("满意度", "2026-12-20", "93%", "有可能", "")));

        assertThat(review.status()).isEqualTo(IndicatorStatus.ACHIEVED);
        assertThat(review.likelihood()).isEqualTo(Likelihood.CERTAIN);
    }

    @Test
    void qualitativeTargetIsLeftForTheOfficerToConfirm() {
        for (LocalDate asOf : List.of(LocalDate.of(2026, 9, 30), YEAR_END)) {
            var review = evaluator.evaluate(indicator("参加展会的级别", "参加全国各省市及协会等组织的有影响力的展会。"),
                    project(asOf, "20", "5"), List.of(progress("参加展会的级别", "2026-06-30", "已参加CMEF、CPHI两个全国性展会", "", "")));

            assertThat(review.status()).as("as of " + asOf).isEqualTo(IndicatorStatus.TO_CONFIRM);
            assertThat(review.likelihood()).as("as of " + asOf).isNull(); // 待填
        }
    }

    @Test
    void aNumericTargetWithAValueThatHoldsNoNumberIsLeftForTheOfficerToConfirm() {
        var review = evaluator.evaluate(indicator("完成率", "≥90百分比"), project(YEAR_END, "20", "5"),
                List.of(progress("完成率", "2026-09-30", "按计划推进", "", "")));

        assertThat(review.status()).isEqualTo(IndicatorStatus.TO_CONFIRM);
        assertThat(review.likelihood()).isNull();
    }

    @Test
    void theOfficerConfirmsAQualitativeTargetInTheProgressFile() {
        var done = evaluator.evaluate(indicator("完成及时率", "按时完成"), project(YEAR_END, "20", "5"),
                List.of(confirmed("完成及时率", "2026-12-31", "按计划推进", "已达成")));
        var missed = evaluator.evaluate(indicator("完成及时率", "按时完成"), project(YEAR_END, "20", "5"),
                List.of(confirmed("完成及时率", "2026-12-31", "部分延期", "未达成")));

        assertThat(done.status()).isEqualTo(IndicatorStatus.ACHIEVED);
        assertThat(done.likelihood()).isEqualTo(Likelihood.CERTAIN);
        assertThat(missed.status()).isEqualTo(IndicatorStatus.NOT_ACHIEVED);
        assertThat(missed.likelihood()).isEqualTo(Likelihood.IMPOSSIBLE);
    }

    @Test
    void valueOlderThanTheReviewIsMarkedWithItsDate() {
        var review = evaluator.evaluate(indicator("签约个数", "≥20个"), project(YEAR_END, "20", "20"),
                List.of(progress("签约个数", "2026-09-30", "13个", "", "")));
        var cost = evaluator.evaluate(indicator("预算总成本", "控制在预算内"), project(YEAR_END, "20", "19"), List.of());

        assertThat(review.valueDate()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(cost.valueDate()).as("the spending is as of the review date").isEqualTo(YEAR_END);
    }

    @Test
    void aCountIsCarriedToTheYearEndAtThePaceOfItsOwnDate() {
        // 13 by 30 September: 13 × 365 / 273 = 17.4, whatever the review date.
        var review = evaluator.evaluate(indicator("签约个数", "≥20个"), project(LocalDate.of(2026, 11, 30), "20", "5"),
                List.of(progress("签约个数", "2026-09-30", "13个", "", "")));

        assertThat(review.expectedFullYear()).isEqualTo("17.4个");
    }

    @Test
    void aValueOfAnEarlierYearDoesNotCount() {
        var review = evaluator.evaluate(indicator("满意度", "≥90百分比"), project(LocalDate.of(2026, 3, 31), "20", "5"),
                List.of(progress("满意度", "2025-12-31", "95%", "", "")));

        assertThat(review.status()).isEqualTo(IndicatorStatus.NO_DATA);
        assertThat(review.valueDate()).isNull();
    }

    @Test
    void noDataLeavesTheLikelihoodToFill() {
        var review = evaluator.evaluate(indicator("满意度", "≥90百分比"), project(YEAR_END, "20", "5"), List.of());

        assertThat(review.status()).isEqualTo(IndicatorStatus.NO_DATA);
        assertThat(review.likelihood()).isNull();
    }
}
