package org.budgetmonitor.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount of money held in 元 (yuan). Plans are written in 万元 and payment exports in 元,
 * so every conversion goes through the two named factories and the unit is never implicit.
 */
public record Money(BigDecimal yuan) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);
    private static final BigDecimal YUAN_PER_WAN = BigDecimal.valueOf(10_000);

    public Money {
        Objects.requireNonNull(yuan, "yuan");
    }

    public static Money ofYuan(BigDecimal yuan) {
        return new Money(yuan);
    }

    public static Money ofYuan(String yuan) {
        return new Money(new BigDecimal(yuan));
    }

    public static Money ofWan(BigDecimal wan) {
        return new Money(wan.multiply(YUAN_PER_WAN));
    }

    public static Money ofWan(String wan) {
        return ofWan(new BigDecimal(wan));
    }

    /** The exact figure in 万元 (no rounding). */
    public BigDecimal wan() {
        return yuan.divide(YUAN_PER_WAN);
    }

    /** The figure shown to people: 万元, HALF_UP to 0.01 万元. */
    /**
     * This amount less another, in 万元 as the two are displayed (each rounded first): a difference
     * printed beside its terms then reads as their difference (160.00 − 77.51 = 82.49, where rounding
     * the exact 82.495 would print 82.50).
     */
    public BigDecimal wanLessForDisplay(Money other) {
        return wanForDisplay().subtract(other.wanForDisplay());
    }

    public BigDecimal wanForDisplay() {
        // 元 → 万元 is an exact shift of the decimal point; a division costs far more (50,000 rows × 6 figures a night).
        return yuan.movePointLeft(4).setScale(2, RoundingMode.HALF_UP);
    }

    public Money plus(Money other) {
        return new Money(yuan.add(other.yuan));
    }

    public Money minus(Money other) {
        return new Money(yuan.subtract(other.yuan));
    }

    public boolean isZero() {
        return yuan.signum() == 0;
    }

    public boolean isPositive() {
        return yuan.signum() > 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Money other) {
        return yuan.compareTo(other.yuan);
    }

    /** Equal amounts are equal whatever their scale: 1.0 元 equals 1.00 元. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && yuan.compareTo(m.yuan) == 0;
    }

    @Override
    public int hashCode() {
        return yuan.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return yuan.toPlainString() + " 元";
    }
}
