package org.budgetmonitor.plan;

import org.budgetmonitor.testing.OnPostgres;

/** Budget adjustments and the revision history, on PostgreSQL. */
@OnPostgres
class BudgetAdjustmentsOnPostgresTest extends BudgetAdjustmentsTest {
}
