package org.budgetmonitor.money;

import org.budgetmonitor.support.CycleSampleSupport;

/** With {@link CycleSampleSupport}, a package cycle on purpose, so ArchitectureTest shows its rule can fail. */
public class CycleSampleMoney {

    CycleSampleSupport other;
}
