package org.budgetmonitor.spending;

import org.budgetmonitor.testing.OnPostgres;

/** The flagged projects' payments read in any order, on PostgreSQL. */
@OnPostgres
class FlaggedPaymentsOnPostgresTest extends FlaggedPaymentsTest {
}
