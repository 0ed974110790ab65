package org.budgetmonitor.db;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.budgetmonitor.ingest.DedupeKey;
import org.budgetmonitor.ingest.ExportRows;
import org.budgetmonitor.support.ProjectCode;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * A cell written as Excel's text formula {@code ="000123"} is now read as its text, {@code 000123}
 * ({@link ExportRows#cells}); earlier versions stored the formula itself, as code, voucher, payee,
 * payment id or any other text. Such a payment would get a new identity when an export writing the
 * same line plain (or a copy of its own file, read again) brings it back, and be counted twice; so
 * its text is rewritten and its identity recomputed here, as V8 did for codes and V22 for line breaks.
 * Nothing counted changes: a payment whose new identity is taken already (stored twice before, once
 * from each kind of export) keeps both rows as two occurrences, as it was counted. A code's monthly
 * totals move with its payments, so they stay what the payments add up to. A waiting refund, a pending
 * line and a rejected line's project code are rewritten the same way; a rejected line's raw text and
 * every reason stay as the file and the report had them.
 */
@Component
public class V26__ExcelTextInPaymentText extends BaseJavaMigration {

    /** Stored values start where the cell did: the ingest stored them stripped. */
    private static final String EXCEL_TEXT = " LIKE '=\"%\"'";
    private static final String[] TEXT_COLUMNS = {"project_code", "voucher_no", "payee", "summary", "funding_source",
        "payment_id", "original_voucher_no"};
    private static final String[] TOTAL_COLUMNS = totalColumns();

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        moveTotals(jdbc);
        rewritePayments(jdbc);
        rewriteAwaitingRefunds(jdbc);
        for (Object[] row : read(jdbc, "SELECT id, project_code, voucher_no, payee, summary FROM pending_payment", 4)) {
            jdbc.update("UPDATE pending_payment SET project_code = ?, voucher_no = ?, payee = ?, summary = ? WHERE id = ?",
                    code((String) row[1]), required((String) row[2]), text((String) row[3]), text((String) row[4]),
                    row[0]);
        }
        for (Object[] row : read(jdbc, "SELECT id, project_code FROM rejected_row", 1)) {
            jdbc.update("UPDATE rejected_row SET project_code = ? WHERE id = ?", code((String) row[1]), row[0]);
        }
    }

    /** The text the ingest now reads from the cell the value was stored from: the formula's text, trimmed. */
    static String text(String stored) {
        String text = ExportRows.excelText(stored);
        return text == stored ? stored : text.strip();
    }

    /** A required value ="" is refused by the ingest now, so a payment stored with it keeps it: no other has it. */
    private static String required(String stored) {
        String text = text(stored);
        return text == null || text.isEmpty() ? stored : text;
    }

    private static String code(String stored) {
        String text = required(stored);
        return text == stored ? stored : ProjectCode.normalise(text);
    }

    private static void rewritePayments(JdbcTemplate jdbc) {
        List<StoredPayment> rows = StoredPayment.query(jdbc, anyColumn(TEXT_COLUMNS));
        // Every new identity first: a refund's parts are found by their text as stored.
        List<String> keys = rows.stream()
                .map(row -> row.newKey(jdbc, V26__ExcelTextInPaymentText::code, V26__ExcelTextInPaymentText::text))
                .toList();
        for (int r = 0; r < rows.size(); r++) {
            StoredPayment row = rows.get(r);
            String key = keys.get(r);
            int occurrence = StoredIdentity.move(jdbc, row.payDate(), row.key(), row.occurrence(), key);
            jdbc.update("""
                    UPDATE disbursement SET project_code = ?, dedupe_key = ?, occurrence = ?, voucher_no = ?, payee = ?,
                        summary = ?, funding_source = ?, payment_id = ?, original_voucher_no = ?
                    WHERE id = ?""", code(row.code()), key, occurrence, required(row.voucher()), text(row.payee()),
                    text(row.summary()), text(row.fundingSource()), text(row.paymentId()), text(row.originalVoucher()),
                    row.id());
        }
    }

    /**
     * A code's totals row holds exactly its payments up to the watermark, all of which take the code's
     * new form: so the row is added to that code's row (or renamed to it), and the totals stay the sums
     * of the payments without summing a year again.
     */
    private static void moveTotals(JdbcTemplate jdbc) {
        String columns = String.join(", ", TOTAL_COLUMNS);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT fiscal_year, project_code, " + columns
                + " FROM project_year_total WHERE project_code" + EXCEL_TEXT);
        for (Map<String, Object> row : rows) {
            String stored = (String) row.get("project_code");
            String code = code(stored);
            if (code.equals(stored)) {
                continue;
            }
            Object year = row.get("fiscal_year");
            Integer target = jdbc.queryForObject("SELECT COUNT(*) FROM project_year_total"
                    + " WHERE fiscal_year = ? AND project_code = ?", Integer.class, year, code);
            if (target == 0) {
                jdbc.update("UPDATE project_year_total SET project_code = ? WHERE fiscal_year = ? AND project_code = ?",
                        code, year, stored);
                continue;
            }
            List<Object> args = new ArrayList<>();
            StringBuilder set = new StringBuilder();
            for (String column : TOTAL_COLUMNS) {
                set.append(set.isEmpty() ? "" : ", ").append(column).append(" = ").append(column).append(" + ?");
                args.add(row.get(column));
            }
            args.add(year);
            args.add(code);
            jdbc.update("UPDATE project_year_total SET " + set + " WHERE fiscal_year = ? AND project_code = ?",
                    args.toArray());
            jdbc.update("DELETE FROM project_year_total WHERE fiscal_year = ? AND project_code = ?", year, stored);
        }
    }

    /** A waiting refund's identity is that of its line as read (it names no project), recomputed if it is. */
    private static void rewriteAwaitingRefunds(JdbcTemplate jdbc) {
        List<Object[]> rows = read(jdbc, """
                SELECT id, dedupe_key, pay_date, amount_yuan, voucher_no, payee, summary, funding_source, payment_id,
                       original_voucher_no
                FROM awaiting_refund""", 6);
        for (Object[] row : rows) {
            StoredPayment refund = new StoredPayment(((Number) row[0]).longValue(), (String) row[1], 1,
                    (Date) row[2], "", (BigDecimal) row[3], (String) row[4], (String) row[5], (String) row[6],
                    (String) row[7], (String) row[8], (String) row[9], 0, 0);
            boolean derived = refund.key().equals(DedupeKey.of(refund.as("", refund.amount(), UnaryOperator.identity())));
            String key = derived ? DedupeKey.of(refund.as("", refund.amount(), V26__ExcelTextInPaymentText::text))
                    : refund.key();
            jdbc.update("""
                    UPDATE awaiting_refund SET dedupe_key = ?, voucher_no = ?, payee = ?, summary = ?, funding_source = ?,
                        payment_id = ?, original_voucher_no = ?
                    WHERE id = ?""", key, required(refund.voucher()), text(refund.payee()), text(refund.summary()),
                    text(refund.fundingSource()), text(refund.paymentId()), required(refund.originalVoucher()),
                    refund.id());
        }
    }

    /**
     * The rows of {@code select} of which one of the last {@code texts} columns holds a value the
     * ingest now reads otherwise, every column as read.
     */
    private static List<Object[]> read(JdbcTemplate jdbc, String select, int texts) {
        List<Object[]> rows = new ArrayList<>();
        jdbc.query(select, rs -> {
            Object[] row = new Object[rs.getMetaData().getColumnCount()];
            boolean changes = false;
            for (int c = 0; c < row.length; c++) {
                row[c] = rs.getObject(c + 1);
                if (c >= row.length - texts && row[c] instanceof String value && !value.equals(text(value))) {
                    changes = true;
                }
            }
            if (changes) {
                rows.add(row);
            }
        });
        return rows;
    }

    private static String anyColumn(String... columns) {
        StringBuilder where = new StringBuilder();
        for (String column : columns) {
            where.append(where.isEmpty() ? "" : " OR ").append(column).append(EXCEL_TEXT);
        }
        return where.toString();
    }

    private static String[] totalColumns() {
        String[] columns = new String[24];
        for (int m = 1; m <= 12; m++) {
            columns[m - 1] = "m%02d_yuan".formatted(m);
            columns[m + 11] = "m%02d_payments".formatted(m);
        }
        return columns;
    }
}
