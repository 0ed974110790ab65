package org.budgetmonitor.db;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import org.budgetmonitor.ingest.DedupeKey;
import org.budgetmonitor.ingest.Disbursement;
import org.budgetmonitor.money.Money;
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

    private record Stored(long id, String key, int occurrence, Date payDate, String code, BigDecimal amount,
            String voucher, String payee, String summary, String fundingSource, String paymentId,
            String originalVoucher, long fileId, long sourceLine) {

        Disbursement as(String projectCode, BigDecimal yuan, UnaryOperator<String> text) {
            return new Disbursement(payDate.toLocalDate(), projectCode, Money.ofYuan(yuan), text.apply(voucher),
                    text.apply(empty(payee)), text.apply(empty(summary)), text.apply(empty(fundingSource)),
                    text.apply(empty(paymentId)), text.apply(empty(originalVoucher)));
        }
    }

    private static final UnaryOperator<String> AS_STORED = UnaryOperator.identity();

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        List<Stored> rows = jdbc.query("""
                SELECT id, dedupe_key, occurrence, pay_date, project_code, amount_yuan, voucher_no, payee, summary,
                       funding_source, payment_id, original_voucher_no, file_id, source_line
                FROM disbursement
                WHERE POSITION(CHR(13) IN CONCAT(voucher_no, payee, summary, funding_source, payment_id,
                                                 original_voucher_no)) > 0
                ORDER BY id""", (rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getDate(4),
                rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getLong(13), rs.getLong(14)));
        // Every new identity first: a refund's parts are found by their text as stored.
        List<String> keys = rows.stream().map(row -> newKey(jdbc, row)).toList();
        for (int r = 0; r < rows.size(); r++) {
            Stored row = rows.get(r);
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

    /**
     * The identity under the rewritten text. A line's own identity is recomputed; a part of a
     * whole-voucher refund (its key derives from the refund line's key, its index and its project)
     * is found by trying the indices of the refund's parts. An identity that cannot be derived is kept.
     */
    private static String newKey(JdbcTemplate jdbc, Stored row) {
        if (DedupeKey.of(row.as(row.code(), row.amount(), AS_STORED)).equals(row.key())) {
            return DedupeKey.of(row.as(row.code(), row.amount(), DedupeKey::text));
        }
        if (row.originalVoucher() == null || row.originalVoucher().isEmpty()) {
            return row.key();
        }
        // The refund line named no project and held the sum of its parts.
        List<BigDecimal> parts = jdbc.queryForList("SELECT amount_yuan FROM disbursement WHERE file_id = ?"
                + " AND source_line = ? AND voucher_no = ? AND original_voucher_no = ?", BigDecimal.class,
                row.fileId(), row.sourceLine(), row.voucher(), row.originalVoucher());
        BigDecimal refund = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        String refundKey = DedupeKey.of(row.as("", refund, AS_STORED));
        for (int i = 0; i < parts.size(); i++) {
            if (DedupeKey.part(refundKey, i, row.code()).equals(row.key())) {
                return DedupeKey.part(DedupeKey.of(row.as("", refund, DedupeKey::text)), i, row.code());
            }
        }
        return row.key();
    }

    private static String empty(String s) {
        return s == null ? "" : s;
    }
}
