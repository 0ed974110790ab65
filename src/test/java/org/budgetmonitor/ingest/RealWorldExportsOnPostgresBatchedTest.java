package org.budgetmonitor.ingest;

import org.budgetmonitor.testing.OnPostgres;
import org.springframework.test.context.TestPropertySource;

/** Real-world exports on PostgreSQL through the batched statements instead of COPY. */
@OnPostgres
@TestPropertySource(properties = "monitor.ingest.postgres-copy=false")
class RealWorldExportsOnPostgresBatchedTest extends RealWorldExportsTest {
}
