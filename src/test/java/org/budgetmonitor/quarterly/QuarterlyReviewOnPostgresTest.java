package org.budgetmonitor.quarterly;

import org.budgetmonitor.testing.OnPostgres;

/** The quarterly review and its snapshots, on PostgreSQL. */
@OnPostgres
class QuarterlyReviewOnPostgresTest extends QuarterlyReviewJobTest {
}
