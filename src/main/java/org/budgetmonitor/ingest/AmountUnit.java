package org.budgetmonitor.ingest;

import java.math.BigDecimal;

/** The unit an export states its amounts in. Exports are usually in 元; some say 万元. */
public enum AmountUnit {
    YUAN(BigDecimal.ONE),
    WAN(BigDecimal.valueOf(10_000));

    private final BigDecimal yuanPerUnit;

    AmountUnit(BigDecimal yuanPerUnit) {
        this.yuanPerUnit = yuanPerUnit;
    }

    public BigDecimal toYuan(BigDecimal amount) {
        return amount.multiply(yuanPerUnit);
    }
}
