package org.budgetmonitor.quarterly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class QuarterEndsTest {

    @Test
    void knowsTheFourQuarterEnds() {
        assertThat(QuarterEnds.isQuarterEnd(LocalDate.of(2026, 3, 31))).isTrue();
        assertThat(QuarterEnds.isQuarterEnd(LocalDate.of(2026, 9, 30))).isTrue();
        assertThat(QuarterEnds.isQuarterEnd(LocalDate.of(2026, 10, 31))).isFalse();
    }

    @Test
    void thePreviousQuarterEndIsStrictlyBeforeTheDate() {
        assertThat(QuarterEnds.previous(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(QuarterEnds.previous(LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(QuarterEnds.previous(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void beforeTheFirstQuarterEndThePreviousOneIsNewYearsEve() {
        assertThat(QuarterEnds.previous(LocalDate.of(2026, 3, 31))).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(QuarterEnds.previous(LocalDate.of(2026, 2, 10))).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void countsTheWholeMonthsLeftInTheYear() {
        assertThat(QuarterEnds.wholeMonthsLeft(LocalDate.of(2026, 9, 30))).isEqualTo(3);
        assertThat(QuarterEnds.wholeMonthsLeft(LocalDate.of(2026, 3, 31))).isEqualTo(9);
        assertThat(QuarterEnds.wholeMonthsLeft(LocalDate.of(2026, 12, 31))).isZero();
    }
}
