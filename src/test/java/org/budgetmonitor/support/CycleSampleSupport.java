package org.budgetmonitor.support;

import org.budgetmonitor.money.CycleSampleMoney;

/** With {@link CycleSampleMoney}, a package cycle on purpose, so ArchitectureTest shows its rule can fail. */
public class CycleSampleSupport {

    CycleSampleMoney other;
}
