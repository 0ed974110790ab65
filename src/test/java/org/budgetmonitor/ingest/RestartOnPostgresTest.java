package org.budgetmonitor.ingest;

import org.budgetmonitor.testing.OnPostgres;

/** Restarting failed and killed runs, with the job repository on PostgreSQL. */
@OnPostgres
class RestartOnPostgresTest extends RestartTest {
}
