package org.budgetmonitor.variance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Since when" a RED or YELLOW project is flagged, from the stored nights: the first as-of date of its
 * current unbroken run of RED or YELLOW nights, and of RED nights when it turned red later.
 */
@JobTest
class FlaggedSinceTest {

    static final LocalDate APR = LocalDate.of(2026, 4, 30);
    static final LocalDate MAY = LocalDate.of(2026, 5, 31);
    static final LocalDate JUN = LocalDate.of(2026, 6, 30);

    @Autowired
    NightlyJobHarness job;

    @Autowired
    VarianceRepository variances;

    @BeforeEach
    void setUp() {
        job.clear();
    }

    @Test
    void aProjectYellowOneNightAndRedTheNextIsFlaggedSinceTheFirstAndRedSinceTheSecond() {
        variances.replace(MAY, List.of(row(MAY, "P1", Flag.YELLOW)));
        variances.replace(JUN, List.of(row(JUN, "P1", Flag.RED)));

        assertThat(variances.flaggedSince(JUN)).containsExactlyEntriesOf(Map.of("P1", new FlagRun(MAY, JUN)));
    }

    @Test
    void aGreenNightInBetweenStartsTheRunAgain() {
        variances.replace(APR, List.of(row(APR, "P2", Flag.RED)));
        variances.replace(MAY, List.of(row(MAY, "P2", Flag.GREEN)));
        variances.replace(JUN, List.of(row(JUN, "P2", Flag.YELLOW)));

        assertThat(variances.flaggedSince(JUN)).containsExactlyEntriesOf(Map.of("P2", new FlagRun(JUN, null)));
    }

    @Test
    void aYellowNightBetweenRedOnesKeepsTheFlaggedRunButStartsTheRedOneAgain() {
        variances.replace(APR, List.of(row(APR, "P3", Flag.RED)));
        variances.replace(MAY, List.of(row(MAY, "P3", Flag.YELLOW)));
        variances.replace(JUN, List.of(row(JUN, "P3", Flag.RED)));

        assertThat(variances.flaggedSince(JUN)).containsExactlyEntriesOf(Map.of("P3", new FlagRun(APR, JUN)));
    }

    @Test
    void aFirstNightIsItsOwnStartAndGreenProjectsAndUnplannedCodesAreLeftOut() {
        variances.replace(JUN, List.of(row(JUN, "P4", Flag.RED), row(JUN, "P5", Flag.GREEN),
                unplanned(JUN, "X9")));

        assertThat(variances.flaggedSince(JUN)).containsExactlyEntriesOf(Map.of("P4", new FlagRun(JUN, JUN)));
    }

    @Test
    void aPastDateRunAgainLooksOnlyAtTheNightsUpToItAndOnlyWithinItsFiscalYear() {
        LocalDate lastYear = LocalDate.of(2025, 12, 31);
        variances.replace(lastYear, List.of(row(lastYear, "P6", Flag.RED)));
        variances.replace(MAY, List.of(row(MAY, "P6", Flag.YELLOW)));
        variances.replace(JUN, List.of(row(JUN, "P6", Flag.GREEN)));

        assertThat(variances.flaggedSince(MAY)).containsExactlyEntriesOf(Map.of("P6", new FlagRun(MAY, null)));
        assertThat(variances.flaggedSince(JUN)).isEmpty();
    }

    static VarianceRow row(LocalDate asOf, String code, Flag flag) {
        Money budget = Money.ofYuan(new BigDecimal("100000.00"));
        return new VarianceRow(asOf, code, true, "项目 " + code, "472001", "单位", budget, null, null,
                BigDecimal.ZERO, Money.ofYuan(BigDecimal.ZERO), BigDecimal.ZERO, BigDecimal.ZERO, flag,
                flag == Flag.GREEN ? List.of() : List.of(Reason.BEHIND_PLAN), budget);
    }

    private static VarianceRow unplanned(LocalDate asOf, String code) {
        return new VarianceRow(asOf, code, false, null, null, null, null, null, null, null,
                Money.ofYuan(new BigDecimal("3600.00")), null, null, Flag.RED, List.of(Reason.UNPLANNED), null);
    }
}
