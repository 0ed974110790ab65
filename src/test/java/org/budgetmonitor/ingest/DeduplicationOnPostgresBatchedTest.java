package org.budgetmonitor.ingest;

import org.budgetmonitor.testing.OnPostgres;
import org.springframework.test.context.TestPropertySource;

/** The deduplication rules on PostgreSQL through the batched statements instead of COPY. */
@OnPostgres
@TestPropertySource(properties = "monitor.ingest.postgres-copy=false")
class DeduplicationOnPostgresBatchedTest extends DeduplicationTest {
}
