package org.budgetmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class PlanUnitResolverTest {

    private static List<BigDecimal> figures(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void readsAutoAsWanWhenTheLastCheckpointEqualsTheBudget() {
        var resolution = PlanUnitResolver.resolve(PlanUnit.AUTO, new BigDecimal("20.00"), figures("3", "10", "15", "20.00"));

        assertThat(resolution.unit()).isEqualTo(PlanUnit.WAN);
        assertThat(resolution.note()).contains("equals the budget");
    }

    @Test
    void readsAutoAsPercentWhenTheLastCheckpointIsOneHundred() {
        var resolution = PlanUnitResolver.resolve(PlanUnit.AUTO, new BigDecimal("40"), figures("25", "50", "100"));

        assertThat(resolution.unit()).isEqualTo(PlanUnit.PCT);
    }

    @Test
    void acceptsAutoWhenBudgetAndPercentReadingsAgree() {
        var resolution = PlanUnitResolver.resolve(PlanUnit.AUTO, new BigDecimal("100.00"), figures("25", "50", "75", "100"));

        assertThat(resolution.unit()).isEqualTo(PlanUnit.WAN);
        assertThat(resolution.note()).contains("agree");
    }

    @Test
    void rejectsAutoWhenTheLastCheckpointIsNeitherBudgetNorHundred() {
        assertThatThrownBy(() -> PlanUnitResolver.resolve(PlanUnit.AUTO, new BigDecimal("20"), figures("5", "18")))
                .hasMessageContaining("cannot tell")
                .hasMessageContaining("18")
                .hasMessageContaining("WAN or PCT");
    }

    @Test
    void takesADeclaredUnitAsWrittenButRejectsFiguresAboveItsCeiling() {
        assertThat(PlanUnitResolver.resolve(PlanUnit.PCT, new BigDecimal("20"), figures("30", "60")).unit())
                .isEqualTo(PlanUnit.PCT);
        assertThatThrownBy(() -> PlanUnitResolver.resolve(PlanUnit.WAN, new BigDecimal("20"), figures("10", "25")))
                .hasMessageContaining("exceeds the budget");
        assertThatThrownBy(() -> PlanUnitResolver.resolve(PlanUnit.PCT, new BigDecimal("20"), figures("10", "120")))
                .hasMessageContaining("exceeds 100%");
    }
}
