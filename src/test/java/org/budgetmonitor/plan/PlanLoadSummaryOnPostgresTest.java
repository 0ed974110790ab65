package org.budgetmonitor.plan;

import org.budgetmonitor.testing.OnPostgres;

/** The plan load's recorded summary (migration V27), on PostgreSQL. */
@OnPostgres
class PlanLoadSummaryOnPostgresTest extends PlanLoadSummaryTest {
}
