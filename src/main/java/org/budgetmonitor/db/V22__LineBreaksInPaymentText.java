package org.budgetmonitor.db;

import java.util.List;
import java.util.function.UnaryOperator;

import org.budgetmonitor.ingest.DedupeKey;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * A line break inside a field is now stored and identified as LF ({@link DedupeKey#text}), whether
 * the export wrote CRLF, LF or CR. Payments stored before with a CR in their text would otherwise get
 * a new identity when a copy or an overlapping export brings them again, and be counted twice; so
 * their text is rewritten and their identities recomputed here, as V8 did for project codes. Nothing
 * counted changes: a payment whose new identity is taken already (stored twice before, once from
 * each kind of file) keeps both rows, as two occurrences, as it was counted.
 */
@Component
public class V22__LineBreaksInPaymentText extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        List<StoredPayment> rows = StoredPayment.query(jdbc, """
                POSITION(CHR(13) IN CONCAT(voucher_no, payee, summary, funding_source, payment_id,
                                           original_voucher_no)) > 0""");
        // Every new identity first: a refund's parts are found by their text as stored.
        List<String> keys = rows.stream()
                .map(row -> row.newKey(jdbc, UnaryOperator.identity(), DedupeKey::text)).toList();
        for (int r = 0; r < rows.size(); r++) {
            StoredPayment row = rows.get(r);
            String key = keys.get(r);
            int occurrence = StoredIdentity.move(jdbc, row.payDate(), row.key(), row.occurrence(), key);
            jdbc.update("""
                    UPDATE disbursement SET dedupe_key = ?, occurrence = ?, voucher_no = ?, payee = ?, summary = ?,
                        funding_source = ?, payment_id = ?, original_voucher_no = ?
                    WHERE id = ?""", key, occurrence, DedupeKey.text(row.voucher()), DedupeKey.text(row.payee()),
                    DedupeKey.text(row.summary()), DedupeKey.text(row.fundingSource()),
                    DedupeKey.text(row.paymentId()), DedupeKey.text(row.originalVoucher()), row.id());
        }
        jdbc.update("""
                UPDATE pending_payment SET voucher_no = REPLACE(REPLACE(voucher_no, CHR(13) || CHR(10), CHR(10)), CHR(13), CHR(10)),
                    payee = REPLACE(REPLACE(payee, CHR(13) || CHR(10), CHR(10)), CHR(13), CHR(10)),
                    summary = REPLACE(REPLACE(summary, CHR(13) || CHR(10), CHR(10)), CHR(13), CHR(10))
                WHERE POSITION(CHR(13) IN CONCAT(voucher_no, payee, summary)) > 0""");
    }
}
