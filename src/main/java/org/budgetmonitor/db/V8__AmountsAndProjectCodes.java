package org.budgetmonitor.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.budgetmonitor.ingest.DedupeKey;
import org.budgetmonitor.support.ProjectCode;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Issue 13. Sums of money get the room their terms can reach: a payment line is bounded by
 * {@code monitor.ingest.max-amount-yuan} (10^12 元), the monthly totals hold up to 10^22 元
 * ({@code NUMERIC(24,2)}), and the actuals stored with a variance or a quarterly review now hold as
 * much as the totals they come from (they held 10^18 元: a project's year of 10^7 lines at the bound
 * would not have fitted, nor rows above the bound stored by an earlier version). Rates and gaps,
 * actual over a budget as small as 1 元, and the year-end projection get 30 digits before the point.
 *
 * <p>Project codes are now stored in their normal form ({@link ProjectCode}), and a payment's
 * identity ({@link DedupeKey}) is computed from it. Payments stored by an earlier version under a
 * code not in that form would otherwise get a new identity when an overlapping export brings them
 * again, and be counted twice; so their codes are normalised and their identities recomputed here
 * (see {@link #normaliseStoredCodes}). Nothing counted changes: a payment whose new identity is
 * already taken (the same payment stored twice before, once under each spelling) keeps both rows as
 * two occurrences, as it was counted. The monthly totals are then rebuilt by the next night, and the
 * plan is read again so that its codes are normalised too.
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
        normaliseStoredCodes(connection);
    }

    /**
     * Normalises the project codes of the stored payments and pending lines, with the payments'
     * identities, and lets the totals and the plan be rebuilt. Returns how many payments changed.
     */
    public static int normaliseStoredCodes(Connection connection) throws SQLException {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        List<String> codes = new ArrayList<>();
        for (String table : List.of("disbursement", "pending_payment")) {
            jdbc.query("SELECT DISTINCT project_code FROM " + table, rs -> {
                String code = rs.getString(1);
                if (!code.equals(ProjectCode.normalise(code)) && !codes.contains(code)) {
                    codes.add(code);
                }
            });
        }
        if (codes.isEmpty()) {
            return 0;
        }
        int changed = 0;
        for (String code : codes) {
            String normal = ProjectCode.normalise(code);
            jdbc.update("UPDATE pending_payment SET project_code = ? WHERE project_code = ?", normal, code);
            List<StoredPayment> rows = StoredPayment.query(jdbc, "project_code = ?", code);
            for (StoredPayment row : rows) {
                String key = row.newKey(jdbc, ProjectCode::normalise, UnaryOperator.identity());
                int occurrence = StoredIdentity.move(jdbc, row.payDate(), row.key(), row.occurrence(), key);
                jdbc.update("UPDATE disbursement SET project_code = ?, dedupe_key = ?, occurrence = ? WHERE id = ?",
                        normal, key, occurrence, row.id());
                changed++;
            }
        }
        // The totals are summed afresh from the payments by the next night (their rows were per code),
        // and the plan is read again even if its files are unchanged.
        jdbc.update("DELETE FROM project_year_total");
        jdbc.update("UPDATE totals_watermark SET through_payment_id = 0");
        jdbc.update("DELETE FROM plan_load");
        return changed;
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
