package org.budgetmonitor.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MoneyTest {

    @Test
    void theFigureShownIsInWanRoundedHalfUpToTheHundredth() {
        assertThat(Money.ofYuan(new BigDecimal("12345.67")).wanForDisplay()).isEqualByComparingTo("1.23");
        assertThat(Money.ofYuan(new BigDecimal("50")).wanForDisplay()).isEqualTo(new BigDecimal("0.01"));
        assertThat(Money.ofYuan(new BigDecimal("49.99")).wanForDisplay()).isEqualTo(new BigDecimal("0.00"));
        assertThat(Money.ofYuan(new BigDecimal("-50")).wanForDisplay()).isEqualTo(new BigDecimal("-0.01"));
        assertThat(Money.ofYuan(new BigDecimal("165000")).wanForDisplay()).isEqualTo(new BigDecimal("16.50"));
        assertThat(Money.ofYuan(new BigDecimal("1000000000000")).wanForDisplay().toPlainString()).isEqualTo("100000000.00");
    }

    @Property
    void theFigureShownIsTheExactWanFigureRoundedHalfUp(@ForAll("yuan") BigDecimal yuan) {
        BigDecimal exact = yuan.divide(new BigDecimal(10_000));
        assertThat(Money.ofYuan(yuan).wanForDisplay()).isEqualTo(exact.setScale(2, RoundingMode.HALF_UP));
    }

    @Provide
    Arbitrary<BigDecimal> yuan() {
        // 分 up to 10^12 元 either sign, with the .5 boundaries of 0.01 万元 (50 元) often among them.
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("-1000000000000"), new BigDecimal("1000000000000"))
                        .ofScale(2),
                Arbitraries.longs().between(-20_000_000L, 20_000_000L).map(n -> new BigDecimal(n * 100 + 50)),
                Arbitraries.integers().between(0, 2).flatMap(scale -> Arbitraries.longs().between(-1_000_000, 1_000_000)
                        .map(n -> BigDecimal.valueOf(n, scale))));
    }
}
