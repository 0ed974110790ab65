package org.budgetmonitor.ingest;

import org.budgetmonitor.testing.OnPostgres;

/** Refunds waiting for their original voucher, on PostgreSQL. */
@OnPostgres
class AwaitingRefundOnPostgresTest extends AwaitingRefundTest {
}
