package org.budgetmonitor.ingest;

import org.budgetmonitor.testing.OnPostgres;

/** Project codes matched in their normal form, on PostgreSQL. */
@OnPostgres
class ProjectCodeMatchingOnPostgresTest extends ProjectCodeMatchingTest {
}
