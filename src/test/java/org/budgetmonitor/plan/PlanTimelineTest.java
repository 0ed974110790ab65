package org.budgetmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.budgetmonitor.money.Money;
import org.junit.jupiter.api.Test;

class PlanTimelineTest {

    private static final Money TEN_THOUSAND = Money.ofYuan(new java.math.BigDecimal("10000"));

    @Test
    void thePlanOnADateIsWorkedOutOnceForTheStepsThatAskForIt() {
        // The plan step, the variance and the report each ask for the plan on the night's date: at 50,000
        // projects working it out is a tenth of a second each time.
        BudgetProject project = new BudgetProject(2026, "472001", "招商局", "P1", "实验室", TEN_THOUSAND, TEN_THOUSAND,
                Money.ZERO, "", "", PlanUnit.WAN, "", List.of(new PlanCheckpoint(LocalDate.of(2026, 12, 31), TEN_THOUSAND)));
        Adjustment added = new Adjustment("P1", LocalDate.of(2026, 7, 1), TEN_THOUSAND, TEN_THOUSAND, Money.ZERO,
                "财预〔2026〕1号", "追加", new java.util.TreeMap<>(), 2);
        PlanTimeline timeline = new PlanTimeline(2026, List.of(new PlanVersion(1, 2026, LocalDate.of(2026, 1, 1),
                PlanVersion.PLAN_FILE, null, Map.of("P1", project), Set.of())), List.of(added), 2);

        PlanTimeline.State june = timeline.on(LocalDate.of(2026, 6, 30));

        assertThat(timeline.on(LocalDate.of(2026, 6, 30))).isSameAs(june);
        assertThat(june.projects().get(0).project().budget()).isEqualTo(TEN_THOUSAND);
        assertThat(timeline.on(LocalDate.of(2026, 7, 1)).projects().get(0).project().budget().yuan())
                .isEqualByComparingTo("20000");
        assertThat(timeline.on(LocalDate.of(2026, 6, 30))).isSameAs(june);
    }
}
