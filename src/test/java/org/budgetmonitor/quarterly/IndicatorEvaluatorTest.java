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
                Money.ZERO, BigDecimal.ZERO, Money.ofWan(actualWan), BigDecimal.ZERO, BigDecimal.ZERO, Flag.GREEN, List.of());
        return QuarterlyCalculator.review(variance, org.budgetmonitor.variance.ActualCurve.NONE);
    }

    private static Indicator indicator(String level3, String target) {
        return new Indicator("P1", 1, "产出指标", "数量指标", level3, level3, target, "依据");
    }

    private static IndicatorProgress progress(String indicator, String date, String value, String likelihood,
            String category) {
        return new IndicatorProgress("P1", indicator, LocalDate.parse(date), value, "", likelihood, category, "原因",
                "措施", "", "progress.csv", 2);
    }

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
}
