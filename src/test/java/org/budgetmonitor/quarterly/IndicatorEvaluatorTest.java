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
                List.of(progress("满意度", "2026-12-31", "85%", "", "")));

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
        // The officer still writes 有可能 on 31 December; the target is missed and that is decided.
        var review = evaluator.evaluate(indicator("签约个数", "≥20个"), project(YEAR_END, "20", "20"),
                List.of(progress("签约个数", "2026-12-31", "13个", "有可能", "经费保障")));

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

    @Test
    void aSentenceWithADateInItIsLeftForTheOfficerNotReadAsItsFirstNumber() {
        // "截至12月20日完成93%" once read as 12 against ≥90%: 未达成, 完全不可能.
        for (LocalDate asOf : List.of(LocalDate.of(2026, 12, 20), YEAR_END)) {
            var review = evaluator.evaluate(indicator("综合事务完成率", "≥90百分比"), project(asOf, "20", "5"),
                    List.of(progress("综合事务完成率", "2026-12-20", "截至12月20日完成93%", "", "")));

            assertThat(review.status()).as("as of " + asOf).isEqualTo(IndicatorStatus.TO_CONFIRM);
            assertThat(review.likelihood()).as("as of " + asOf).isNull();
            assertThat(review.expectedFullYear()).as("no estimate made up from a number of the sentence").isEmpty();
            assertThat(review.valueToDate()).isEqualTo("截至12月20日完成93%");
        }
    }

    @Test
    void aValueWithMoreThanANumberAndItsUnitIsNeverJudged() {
        List<String> sentences = List.of("1-12月累计完成95%", "截至12月20日完成93%", "12月20日93%", "90-95%", "90%～95%",
                "90至95%", "签约13个，在谈5个", "13个（另有5个在谈）", "完成93%", "93%（问卷调查）", "95%以上", "约13个左右",
                "2026年完成95%", "第4季度95%", "93%，较上季度提高3%", "95/100");
        for (String value : sentences) {
            for (var target : List.of(indicator("完成率", "≥90百分比"), indicator("完成率", "≥20个"))) {
                var review = evaluator.evaluate(target, project(YEAR_END, "20", "5"),
                        List.of(progress("完成率", "2026-12-31", value, "", "")));

                assertThat(review.status()).as(value + " against " + target.target()).isEqualTo(IndicatorStatus.TO_CONFIRM);
                assertThat(review.likelihood()).as(value + " against " + target.target()).isNull();
            }
        }
    }

    @Test
    void aBareNumberWithAtMostItsUnitIsJudgedHoweverItIsWritten() {
        for (String value : List.of("93%", "93", "93 %", " 93％ ", "９３％", "93百分比", "93.0%", "约93%", "≥93%", "93%。")) {
            var review = evaluator.evaluate(indicator("满意度", "≥90百分比"), project(YEAR_END, "20", "5"),
                    List.of(progress("满意度", "2026-12-31", value, "", "")));

            assertThat(review.status()).as(value).isEqualTo(IndicatorStatus.ACHIEVED);
        }
        for (String value : List.of("85%", "８５％", "85 百分比", "约85%")) {
            var review = evaluator.evaluate(indicator("满意度", "≥90百分比"), project(YEAR_END, "20", "5"),
                    List.of(progress("满意度", "2026-12-31", value, "", "")));

            assertThat(review.status()).as(value).isEqualTo(IndicatorStatus.NOT_ACHIEVED);
        }
        var count = evaluator.evaluate(indicator("签约个数", "≥20个"), project(YEAR_END, "20", "5"),
                List.of(progress("签约个数", "2026-12-31", "２１ 个", "", "")));
        var amount = evaluator.evaluate(indicator("招商金额", "≥1000万元"), project(YEAR_END, "20", "5"),
                List.of(progress("招商金额", "2026-12-31", "1,200万元", "", "")));
        assertThat(count.status()).isEqualTo(IndicatorStatus.ACHIEVED);
        assertThat(amount.status()).isEqualTo(IndicatorStatus.ACHIEVED);
    }

    @Test
    void aNumberInAnotherUnitThanTheTargetsIsLeftForTheOfficer() {
        // 20 家 is not 20 个, and 1200 元 is not 1200 万元: the program does not guess the conversion.
        var count = evaluator.evaluate(indicator("签约个数", "≥20个"), project(YEAR_END, "20", "5"),
                List.of(progress("签约个数", "2026-12-31", "20家", "", "")));
        var amount = evaluator.evaluate(indicator("招商金额", "≥1000万元"), project(YEAR_END, "20", "5"),
                List.of(progress("招商金额", "2026-12-31", "1200元", "", "")));
        var rate = evaluator.evaluate(indicator("满意度", "≥90百分比"), project(YEAR_END, "20", "5"),
                List.of(progress("满意度", "2026-12-31", "93个", "", "")));

        assertThat(List.of(count.status(), amount.status(), rate.status())).containsOnly(IndicatorStatus.TO_CONFIRM);
    }

    @Test
    void aLowerBoundIsJudgedOnlyWhenItMeetsTheTargetByItself() {
        // "≥85%" may be 85 or 99: not enough to say the target of 90 is missed.
        var unknown = evaluator.evaluate(indicator("满意度", "≥90百分比"), project(YEAR_END, "20", "5"),
                List.of(progress("满意度", "2026-12-31", "≥85%", "", "")));
        var ceiling = evaluator.evaluate(indicator("差错率", "≤5%"), project(YEAR_END, "20", "5"),
                List.of(progress("差错率", "2026-12-31", "≥3%", "", "")));

        assertThat(unknown.status()).isEqualTo(IndicatorStatus.TO_CONFIRM);
        assertThat(ceiling.status()).isEqualTo(IndicatorStatus.TO_CONFIRM);
    }

    private static IndicatorProgress line(String indicator, String date, String value, String expected,
            String likelihood, String cause, String measure, String note, String status, long line) {
        return new IndicatorProgress("P1", indicator, LocalDate.parse(date), value, expected, likelihood,
                cause.isEmpty() ? "" : "人员保障", cause, measure, note, status, "progress.csv", line);
    }

    @Test
    void aStatusOnlyLineKeepsTheEarlierValueAndTakesTheOfficersVerdict() {
        var review = evaluator.evaluate(indicator("完成及时率", "按时完成"), project(YEAR_END, "20", "5"),
                List.of(line("完成及时率", "2026-09-30", "按计划推进", "", "", "", "", "", "", 2),
                        line("完成及时率", "2026-12-31", "", "", "", "", "", "", "已达成", 3)));

        assertThat(review.status()).isEqualTo(IndicatorStatus.ACHIEVED);
        assertThat(review.likelihood()).isEqualTo(Likelihood.CERTAIN);
        assertThat(review.valueToDate()).isEqualTo("按计划推进");
        assertThat(review.valueDate()).as("the value's own date: an old value").isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(review.valueIsOlderThan(YEAR_END)).isTrue();
    }

    @Test
    void aStatusOnlyLineDecidesANumericTargetAndTheValueKeepsItsCauseAndMeasure() {
        var review = evaluator.evaluate(indicator("业务工作完成率", "≥90百分比"), project(YEAR_END, "20", "5"),
                List.of(line("业务工作完成率", "2026-09-30", "72%", "92%", "有可能", "人员不足", "10月底前完成", "", "", 2),
                        line("业务工作完成率", "2026-12-31", "", "", "", "", "", "年底核实", "未达成", 3)));

        assertThat(review.status()).isEqualTo(IndicatorStatus.NOT_ACHIEVED);
        assertThat(review.likelihood()).isEqualTo(Likelihood.IMPOSSIBLE);
        assertThat(review.valueToDate()).isEqualTo("72%");
        assertThat(review.valueDate()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(review.expectedFullYear()).isEqualTo("92%");
        // The cause and measure explain the value and keep its date (〔9月30日填报〕 on the page).
        assertThat(review.cause()).isEqualTo("人员不足");
        assertThat(review.measure()).isEqualTo("10月底前完成");
        assertThat(review.note()).isEqualTo("年底核实");
    }

    @Test
    void aStatusOnlyLineWithoutAnyEarlierValueIsStillTheOfficersVerdict() {
        var review = evaluator.evaluate(indicator("完成及时率", "按时完成"), project(YEAR_END, "20", "5"),
                List.of(line("完成及时率", "2026-12-31", "", "", "", "", "", "", "已达成", 3)));

        assertThat(review.status()).isEqualTo(IndicatorStatus.ACHIEVED);
        assertThat(review.valueToDate()).isEmpty();
        assertThat(review.valueDate()).isNull();
    }

    @Test
    void aStatusGivenForAnOlderValueDoesNotJudgeANewerOne() {
        var review = evaluator.evaluate(indicator("完成及时率", "按时完成"), project(YEAR_END, "20", "5"),
                List.of(line("完成及时率", "2026-09-30", "按计划推进", "", "", "", "", "", "已达成", 2),
                        line("完成及时率", "2026-12-31", "部分延期", "", "", "", "", "", "", 3)));

        assertThat(review.status()).isEqualTo(IndicatorStatus.TO_CONFIRM);
        assertThat(review.valueToDate()).isEqualTo("部分延期");
    }

    @Test
    void aBlankLineWithoutAStatusLeavesTheEarlierValueAsItWas() {
        var review = evaluator.evaluate(indicator("签约个数", "≥20个"), project(LocalDate.of(2026, 9, 30), "20", "5"),
                List.of(line("签约个数", "2026-06-30", "9个", "", "", "", "", "", "", 2),
                        line("签约个数", "2026-09-30", "", "", "", "", "", "", "", 3)));

        assertThat(review.status()).isEqualTo(IndicatorStatus.IN_PROGRESS);
        assertThat(review.valueToDate()).isEqualTo("9个");
        assertThat(review.valueDate()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void aCauseWrittenOnAStatusOnlyLineIsKeptInTheNoteWithItsOwnDate() {
        // The page dates the cause and measure by the value (〔9月30日填报〕): December's words go to the note.
        var review = evaluator.evaluate(indicator("业务工作完成率", "≥90百分比"), project(YEAR_END, "20", "5"),
                List.of(line("业务工作完成率", "2026-09-30", "72%", "", "", "人员不足", "10月底前完成", "问卷", "", 2),
                        line("业务工作完成率", "2026-12-31", "", "", "", "外协延期", "明年一季度补拍", "", "未达成", 3)));

        assertThat(review.cause()).isEqualTo("人员不足");
        assertThat(review.note()).isEqualTo("问卷；〔12月31日填报〕偏差原因（人员保障）：外协延期；纠偏措施：明年一季度补拍");
    }

    @Test
    void atYearEndAnUnmetValueOlderThanTheReviewIsForTheOfficerNotDeclaredImpossible() {
        // 72% of 30 September next to 全年预计 92%: the year's outcome is not known from it.
        var rate = evaluator.evaluate(indicator("业务工作完成率", "≥90百分比"), project(YEAR_END, "20", "5"),
                List.of(line("业务工作完成率", "2026-09-30", "72%", "92%", "有可能", "人员不足", "10月底前完成", "", "", 2)));
        var count = evaluator.evaluate(indicator("签约个数", "≥20个"), project(YEAR_END, "20", "5"),
                List.of(progress("签约个数", "2026-09-30", "13个", "", "")));
        var december = evaluator.evaluate(indicator("满意度", "≥90百分比"), project(YEAR_END, "20", "5"),
                List.of(progress("满意度", "2026-12-20", "85%", "", "")));

        for (var review : List.of(rate, count, december)) {
            assertThat(review.status()).as(review.valueToDate()).isEqualTo(IndicatorStatus.TO_CONFIRM);
            assertThat(review.likelihood()).as(review.valueToDate()).isNull(); // 待填
            assertThat(review.valueIsOlderThan(YEAR_END)).isTrue();
        }
        assertThat(rate.valueToDate()).isEqualTo("72%");
        assertThat(rate.valueDate()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(rate.expectedFullYear()).isEqualTo("92%");
        assertThat(count.expectedFullYear()).isEqualTo("17.4个");
    }

    @Test
    void atYearEndTheOfficerDecidesAnOldUnmetValue() {
        var review = evaluator.evaluate(indicator("签约个数", "≥20个"), project(YEAR_END, "20", "5"),
                List.of(line("签约个数", "2026-09-30", "13个", "", "", "", "", "", "", 2),
                        line("签约个数", "2026-12-31", "", "", "", "", "", "", "未达成", 3)));

        assertThat(review.status()).isEqualTo(IndicatorStatus.NOT_ACHIEVED);
        assertThat(review.likelihood()).isEqualTo(Likelihood.IMPOSSIBLE);
    }

    @Test
    void beforeTheYearEndAnOldUnmetValueIsStillInProgress() {
        var review = evaluator.evaluate(indicator("签约个数", "≥20个"), project(LocalDate.of(2026, 11, 30), "20", "5"),
                List.of(progress("签约个数", "2026-09-30", "13个", "", "")));

        assertThat(review.status()).isEqualTo(IndicatorStatus.IN_PROGRESS);
        assertThat(review.likelihood()).isEqualTo(Likelihood.POSSIBLE);
    }
}
