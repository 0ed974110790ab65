package org.budgetmonitor.spending;

import org.budgetmonitor.testing.OnPostgres;

/** Each unit's latest pay date from the monthly totals, on PostgreSQL. */
@OnPostgres
class LatestPayDatesOnPostgresTest extends LatestPayDatesTest {
}
