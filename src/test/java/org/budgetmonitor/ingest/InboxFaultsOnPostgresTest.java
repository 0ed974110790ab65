package org.budgetmonitor.ingest;

import org.budgetmonitor.testing.OnPostgres;

/** Faults of one file never stop the night, on PostgreSQL. */
@OnPostgres
class InboxFaultsOnPostgresTest extends InboxFaultsTest {
}
