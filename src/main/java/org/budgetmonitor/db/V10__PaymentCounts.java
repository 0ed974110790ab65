package org.budgetmonitor.db;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Issue 14. The monthly totals also count the payments of each month ({@code m01_payments} …
 * {@code m12_payments}): a code not in the plan is unplanned spending as of a date only when it has
 * payments dated up to that date, and a month's amount alone cannot say so (a payment and its reversal
 * add up to 0; a row of totals exists for a code whose only payment comes later in the year).
 *
 * <p>The counts of the payments already in the totals (those up to the watermark) are filled in
 * from the stored payments in one grouped read, so nothing has to be summed again.
 */
@Component
public class V10__PaymentCounts extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        for (int m = 1; m <= 12; m++) {
            jdbc.execute("ALTER TABLE project_year_total ADD COLUMN m%02d_payments INTEGER DEFAULT 0 NOT NULL"
                    .formatted(m));
        }
        Long watermark = jdbc.queryForObject("SELECT through_payment_id FROM totals_watermark WHERE id = 1", Long.class);
        Map<String, int[]> counts = new HashMap<>(); // "year project" → payments per month
        jdbc.query("""
                SELECT project_code, EXTRACT(YEAR FROM pay_date), EXTRACT(MONTH FROM pay_date), COUNT(*)
                FROM disbursement WHERE id <= ?
                GROUP BY project_code, EXTRACT(YEAR FROM pay_date), EXTRACT(MONTH FROM pay_date)""", rs -> {
            counts.computeIfAbsent(rs.getInt(2) + " " + rs.getString(1), k -> new int[12])[rs.getInt(3) - 1] =
                    rs.getInt(4);
        }, watermark == null ? 0L : watermark);
        StringBuilder set = new StringBuilder();
        for (int m = 1; m <= 12; m++) {
            set.append(m == 1 ? "" : ", ").append("m%02d_payments = ?".formatted(m));
        }
        List<Map.Entry<String, int[]>> rows = new ArrayList<>(counts.entrySet());
        jdbc.batchUpdate("UPDATE project_year_total SET " + set + " WHERE fiscal_year = ? AND project_code = ?", rows,
                1000, (ps, e) -> {
                    for (int m = 0; m < 12; m++) {
                        ps.setInt(m + 1, e.getValue()[m]);
                    }
                    int space = e.getKey().indexOf(' ');
                    ps.setInt(13, Integer.parseInt(e.getKey().substring(0, space)));
                    ps.setString(14, e.getKey().substring(space + 1));
                });
    }
}
