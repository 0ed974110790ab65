package org.budgetmonitor.spending;

import org.budgetmonitor.testing.OnPostgres;

/** The monthly totals, on PostgreSQL. */
@OnPostgres
class SpendingTotalsOnPostgresTest extends SpendingTotalsTest {
}
