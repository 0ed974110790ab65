package org.budgetmonitor.spending;

import org.budgetmonitor.testing.OnPostgres;

/** Implausible amounts, on PostgreSQL. */
@OnPostgres
class ImplausibleAmountsOnPostgresTest extends ImplausibleAmountsTest {
}
