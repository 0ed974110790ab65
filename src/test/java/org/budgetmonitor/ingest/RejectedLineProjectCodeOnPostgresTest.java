package org.budgetmonitor.ingest;

import org.budgetmonitor.testing.OnPostgres;

/** A rejected line's project code, on PostgreSQL. */
@OnPostgres
class RejectedLineProjectCodeOnPostgresTest extends RejectedLineProjectCodeTest {
}
