package org.budgetmonitor.quarterly;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.budgetmonitor.plan.Indicator;
import org.budgetmonitor.plan.PlanCsvReader;
import org.junit.jupiter.api.Test;

class IndicatorTargetTest {

    @Test
    void readsCountsAndPercentagesWithTheirOperator() {
        assertThat(IndicatorTarget.parse("≥20个")).isEqualTo(
                new IndicatorTarget("≥20个", IndicatorTarget.Kind.NUMERIC, "≥", new BigDecimal("20"), "个"));
        assertThat(IndicatorTarget.parse("≥90百分比").unit()).isEqualTo("%");
        assertThat(IndicatorTarget.parse("≤5%").operator()).isEqualTo("≤");
        assertThat(IndicatorTarget.parse("=100%").number()).isEqualByComparingTo("100");
        assertThat(IndicatorTarget.parse("＞＝９５％").operator()).isEqualTo("≥");
        assertThat(IndicatorTarget.parse("不低于3次").number()).isEqualByComparingTo("3");
    }

    @Test
    void readsABudgetCeilingAsAMoneyCheck() {
        assertThat(IndicatorTarget.parse("控制在预算内").kind()).isEqualTo(IndicatorTarget.Kind.WITHIN_BUDGET);
    }

    @Test
    void keepsEverythingElseQualitative() {
        assertThat(IndicatorTarget.parse("按时完成").kind()).isEqualTo(IndicatorTarget.Kind.QUALITATIVE);
        assertThat(IndicatorTarget.parse("引进高精尖企业，促进开发区发展。").kind()).isEqualTo(IndicatorTarget.Kind.QUALITATIVE);
    }

    @Test
    void comparesValuesWithTheOperator() {
        assertThat(IndicatorTarget.parse("≥20个").isMetBy(new BigDecimal("20"))).isTrue();
        assertThat(IndicatorTarget.parse("≥20个").isMetBy(new BigDecimal("19.9"))).isFalse();
        assertThat(IndicatorTarget.parse("≤5%").isMetBy(new BigDecimal("5.1"))).isFalse();
        assertThat(IndicatorTarget.parse("≥20个").accumulates()).isTrue();
        assertThat(IndicatorTarget.parse("≥90百分比").accumulates()).isFalse();
    }

    @Test
    void readsEveryTargetOfTheSeedPlan() {
        var plan = new PlanCsvReader().read(Path.of("sample-data/plan"));

        assertThat(plan.indicators()).extracting(Indicator::target).allSatisfy(text -> {
            IndicatorTarget target = IndicatorTarget.parse(text);
            if (text.startsWith("≥")) {
                assertThat(target.kind()).isEqualTo(IndicatorTarget.Kind.NUMERIC);
            } else if (text.equals("控制在预算内")) {
                assertThat(target.kind()).isEqualTo(IndicatorTarget.Kind.WITHIN_BUDGET);
            } else {
                assertThat(target.kind()).isEqualTo(IndicatorTarget.Kind.QUALITATIVE);
            }
        });
        assertThat(plan.indicators()).extracting(i -> IndicatorTarget.parse(i.target()).kind())
                .contains(IndicatorTarget.Kind.NUMERIC, IndicatorTarget.Kind.WITHIN_BUDGET, IndicatorTarget.Kind.QUALITATIVE);
    }
}
