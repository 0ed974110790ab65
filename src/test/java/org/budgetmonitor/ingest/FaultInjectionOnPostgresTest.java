package org.budgetmonitor.ingest;

import org.budgetmonitor.testing.OnPostgres;

/** The fault-injection suite on PostgreSQL. */
@OnPostgres
class FaultInjectionOnPostgresTest extends FaultInjectionTest {
}
