package org.budgetmonitor.ingest;

import org.budgetmonitor.testing.OnPostgres;

/** Copies, corrections and same-name daily exports, on PostgreSQL. */
@OnPostgres
class FileIdentityOnPostgresTest extends FileIdentityTest {
}
