package org.budgetmonitor.variance;

import org.budgetmonitor.testing.OnPostgres;

/** The compact flag history, the pruning of full rows and the migration's backfill, on PostgreSQL. */
@OnPostgres
class VarianceHistoryOnPostgresTest extends VarianceHistoryTest {
}
