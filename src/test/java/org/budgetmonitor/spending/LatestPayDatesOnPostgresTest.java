package org.budgetmonitor.spending;

import org.budgetmonitor.testing.OnPostgres;

/** Each project's latest pay date from the monthly totals, on PostgreSQL. */
@OnPostgres
class LatestPayDatesOnPostgresTest extends LatestPayDatesTest {
}
