package org.budgetmonitor.ingest;

import org.budgetmonitor.testing.OnPostgres;

/** The deduplication rules, on PostgreSQL. */
@OnPostgres
class DeduplicationOnPostgresTest extends DeduplicationTest {
}
