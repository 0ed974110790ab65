package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlanCurveTest {

    @Test
    void drawsTheActualAsALineThroughTheCumulativeAmountAtEachPeriodEndUpToTheAsOfDate() {
        Map<LocalDate, BigDecimal> periods = Map.of(
                LocalDate.of(2026, 1, 31), new BigDecimal("10000.00"),
                LocalDate.of(2026, 2, 28), new BigDecimal("25000.00"),
                LocalDate.of(2026, 3, 10), new BigDecimal("-5000.00"));

        List<CurvePoint> points = PlanCurve.actual(periods, 2026, LocalDate.of(2026, 3, 10), "实际");

        assertThat(points).extracting(p -> p.day() + " " + p.wan().toPlainString()).containsExactly(
                "2025-12-31 0", "2026-01-31 1.00", "2026-02-28 3.50", "2026-03-10 3.00");
    }

    @Test
    void drawsThePlanFromZeroAtTheYearsStartThroughEachCheckpointOnItsOwnDate() {
        var plan = ReportFixtures.sample().inputs().projectsByCode().get("13091626P000175100046");

        List<CurvePoint> points = PlanCurve.planned(plan, "计划");

        assertThat(points).extracting(p -> p.day() + " " + p.wan().toPlainString()).containsExactly(
                "2025-12-31 0", "2026-03-31 5.00", "2026-06-30 10.00", "2026-09-30 15.00", "2026-12-31 20.00");
    }
}
