package org.budgetmonitor.ingest;

import org.budgetmonitor.testing.OnPostgres;

/** The messy exports, corrections and refunds, on PostgreSQL. */
@OnPostgres
class RealWorldExportsOnPostgresTest extends RealWorldExportsTest {
}
