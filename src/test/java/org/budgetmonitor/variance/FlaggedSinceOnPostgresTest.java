package org.budgetmonitor.variance;

import org.budgetmonitor.testing.OnPostgres;

/** Since when a project is flagged, read from the stored nights on PostgreSQL. */
@OnPostgres
class FlaggedSinceOnPostgresTest extends FlaggedSinceTest {
}
