package org.budgetmonitor.variance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** 序时进度: day of year / days in the year × 100, the same however often and in whichever order dates are asked. */
class TimeProgressTest {

    private static BigDecimal exact(LocalDate date) {
        return BigDecimal.valueOf(date.getDayOfYear() * 100L).divide(BigDecimal.valueOf(date.lengthOfYear()),
                MathContext.DECIMAL128);
    }

    @Test
    void everyDayOfACommonAndALeapYearWhetherAskedOnceOrAgainAfterOtherDates() {
        for (LocalDate day = LocalDate.of(2027, 1, 1); day.isBefore(LocalDate.of(2029, 1, 1)); day = day.plusDays(1)) {
            assertThat(TimeProgress.pct(day)).isEqualTo(exact(day));
            assertThat(TimeProgress.pct(day)).isEqualTo(exact(day)); // the date asked last
            LocalDate other = day.minusDays(200);
            assertThat(TimeProgress.pct(other)).isEqualTo(exact(other));
            assertThat(TimeProgress.pct(day)).isEqualTo(exact(day));
        }
        assertThat(TimeProgress.pct(LocalDate.of(2028, 12, 31))).isEqualByComparingTo("100");
        assertThat(TimeProgress.pct(LocalDate.of(2028, 2, 29))).isEqualTo(exact(LocalDate.of(2028, 2, 29)));
    }
}
