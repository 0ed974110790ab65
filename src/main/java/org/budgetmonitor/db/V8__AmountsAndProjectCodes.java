package org.budgetmonitor.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Issue 13. Sums of money get the room their terms can reach: a payment line is bounded by
 * {@code monitor.ingest.max-amount-yuan} (10^12 元), the monthly totals hold up to 10^22 元
 * ({@code NUMERIC(24,2)}), and the actuals stored with a variance or a quarterly review now hold as
 * much as the totals they come from (they held 10^18 元: a project's year of 10^7 lines at the bound
 * would not have fitted, nor rows above the bound stored by an earlier version). Rates and gaps,
 * actual over a budget as small as 1 元, and the year-end projection get 30 digits before the point.
 */
@Component
public class V8__AmountsAndProjectCodes extends BaseJavaMigration {

    private static final String[] WIDENINGS = {
        "variance_result.actual_yuan NUMERIC(24,2)",
        "variance_result.execution_rate_pct NUMERIC(40,10)",
        "variance_result.gap_pp NUMERIC(40,10)",
        "quarterly_review_row.actual_yuan NUMERIC(24,2)",
        "quarterly_review_row.prev_quarter_actual_yuan NUMERIC(24,2)",
        "quarterly_review_row.execution_rate_pct NUMERIC(40,10)",
        "quarterly_review_row.gap_pp NUMERIC(40,10)",
        "quarterly_review_row.projected_year_end_yuan NUMERIC(40,10)",
        "quarterly_review_row.required_monthly_yuan NUMERIC(40,10)",
    };

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        widen(connection);
    }

    private static void widen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String widening : WIDENINGS) {
                String[] parts = widening.split("[. ]", 3);
                // SET DATA TYPE keeps the column's NOT NULL and default on H2 and PostgreSQL alike.
                statement.execute("ALTER TABLE " + parts[0] + " ALTER COLUMN " + parts[1] + " SET DATA TYPE " + parts[2]);
            }
        }
    }
}
