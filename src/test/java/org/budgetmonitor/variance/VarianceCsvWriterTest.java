package org.budgetmonitor.variance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.plan.BudgetProject;
import org.budgetmonitor.plan.PlanCheckpoint;
import org.budgetmonitor.plan.PlanUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly CSV: the contract's columns as before, then overspend, 序时进度, the gap to it and the balance. */
class VarianceCsvWriterTest {

    @TempDir
    Path dir;

    static BudgetProject project(String code, String budgetWan) {
        Money budget = Money.ofWan(budgetWan);
        return new BudgetProject(2026, "472001", "某单位", code, "项目" + code, budget, budget, Money.ZERO, "", "",
                PlanUnit.WAN, "", List.of(new PlanCheckpoint(LocalDate.of(2026, 12, 31), budget)));
    }

    static VarianceRow row(BudgetProject project, LocalDate asOf, String paidYuan) {
        TreeMap<LocalDate, BigDecimal> daily = new TreeMap<>();
        daily.put(LocalDate.of(2026, 3, 1), new BigDecimal(paidYuan));
        return new VarianceCalculator(VarianceThresholds.DEFAULTS).evaluate(project, asOf, new ActualCurve(daily));
    }

    @Test
    void theNightlyCsvKeepsItsColumnsAndAddsOverspendTimeProgressAndBalanceAtTheEnd() throws Exception {
        LocalDate nov30 = LocalDate.of(2026, 11, 30);
        VarianceRow over = row(project("P1", "15.00"), nov30, "160000.00");
        VarianceRow under = row(project("P2", "20.00"), nov30, "75000.00");
        Path file = dir.resolve("v.csv");
        new VarianceCsvWriter().write(file, List.of(over, under, VarianceRow.unplanned(nov30, "X9", Money.ofYuan("3600"))));

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFFproject_code,project_name,unit_code,budget_wan,checkpoint_date,"
                + "checkpoint_plan_wan,expected_wan,actual_wan,execution_rate_pct,gap_pp,flag,reasons,"
                + "over_budget_wan,time_progress_pct,time_progress_gap_pp,balance_wan,original_budget_wan");
        // 11-30 is day 334 of 365: 91.5068… %. P1 spent 16 of 15 (106.67 %): 1.00 over, no balance left.
        assertThat(lines.get(1)).endsWith(",RED,OVER_BUDGET,1.00,91.51,15.16,0.00,15.00");
        // P2 spent 7.5 of 20 (37.50 %): 54.01 pp behind the calendar (and its straight-line plan), 12.50 unspent.
        assertThat(lines.get(2)).endsWith(",RED,BEHIND_PLAN,0.00,91.51,-54.01,12.50,20.00");
        assertThat(lines.get(3)).isEqualTo("X9,,,,,,,0.36,,,UNPLANNED,UNPLANNED,,,,,");
    }

    @Test
    void anUnplannedCodeIsFlaggedUnplannedNotRedSoThatCountingRedRowsGivesTheReportsRedCount() throws Exception {
        LocalDate nov30 = LocalDate.of(2026, 11, 30);
        VarianceRow red = row(project("P2", "20.00"), nov30, "75000.00");
        Path file = dir.resolve("v.csv");
        new VarianceCsvWriter().write(file, List.of(red, VarianceRow.unplanned(nov30, "X9", Money.ofYuan("3600"))));

        List<String> flags = Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1)
                .map(line -> line.split(",", -1)[10]).toList();
        assertThat(flags).containsExactly("RED", "UNPLANNED");
    }

    @Test
    void theQuarterlyCsvsShareOfTheNightlyColumnsStaysTheContractsTwelve() {
        // QuarterlyCsvWriter appends its own columns to these: the nightly additions must not come between.
        assertThat(VarianceCsvWriter.COLUMNS).hasSize(12).endsWith("flag", "reasons");
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        assertThat(VarianceCsvWriter.values(row(project("P1", "10.00"), asOf, "1.00"))).hasSize(12);
        assertThat(VarianceCsvWriter.nightlyValues(row(project("P1", "10.00"), asOf, "1.00")))
                .hasSameSizeAs(VarianceCsvWriter.NIGHTLY_COLUMNS);
    }

    @Test
    void timeProgressIsOneDefinitionWithTheQuarterlyReviews() {
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.isBefore(LocalDate.of(2029, 1, 1)); day = day.plusDays(1)) {
            assertThat(TimeProgress.pct(day)).as("%s", day)
                    .isEqualByComparingTo(org.budgetmonitor.quarterly.QuarterlyCalculator.timeProgressPct(day));
        }
        assertThat(TimeProgress.pct(LocalDate.of(2026, 12, 31))).isEqualByComparingTo("100");
        assertThat(TimeProgress.pct(LocalDate.of(2028, 2, 29)).setScale(2, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("16.39"); // day 60 of 366
    }
}
