package org.budgetmonitor.db;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import org.budgetmonitor.ingest.DedupeKey;
import org.budgetmonitor.ingest.Disbursement;
import org.budgetmonitor.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A stored payment as the migrations that change how payments are written read it, and the identity
 * it has once its code and text are written the new way.
 */
record StoredPayment(long id, String key, int occurrence, Date payDate, String code, BigDecimal amount,
        String voucher, String payee, String summary, String fundingSource, String paymentId,
        String originalVoucher, long fileId, long sourceLine) {

    /** The stored payments matching {@code where} (a condition on {@code disbursement}), in id order. */
    static List<StoredPayment> query(JdbcTemplate jdbc, String where, Object... args) {
        return jdbc.query("""
                SELECT id, dedupe_key, occurrence, pay_date, project_code, amount_yuan, voucher_no, payee, summary,
                       funding_source, payment_id, original_voucher_no, file_id, source_line
                FROM disbursement WHERE\s""" + where + " ORDER BY id", (rs, n) -> new StoredPayment(rs.getLong(1),
                rs.getString(2), rs.getInt(3), rs.getDate(4), rs.getString(5), rs.getBigDecimal(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getLong(13), rs.getLong(14)), args);
    }

    Disbursement as(String projectCode, BigDecimal yuan, UnaryOperator<String> text) {
        return new Disbursement(payDate.toLocalDate(), projectCode, Money.ofYuan(yuan), text.apply(voucher),
                text.apply(empty(payee)), text.apply(empty(summary)), text.apply(empty(fundingSource)),
                text.apply(empty(paymentId)), text.apply(empty(originalVoucher)));
    }

    /**
     * The identity under the code and text rewritten by {@code code} and {@code text}. A line's own
     * identity is recomputed; a part of a whole-voucher refund (its key derives from the refund line's
     * key, its index and its project) is found by trying the indices of the refund's parts. An identity
     * that cannot be derived is kept. Called before any payment is rewritten: a refund's parts are
     * found by their text as stored.
     */
    String newKey(JdbcTemplate jdbc, UnaryOperator<String> code, UnaryOperator<String> text) {
        if (DedupeKey.of(as(this.code, amount, UnaryOperator.identity())).equals(key)) {
            return DedupeKey.of(as(code.apply(this.code), amount, text));
        }
        if (originalVoucher == null || originalVoucher.isEmpty()) {
            return key;
        }
        // The refund line named no project and held the sum of its parts.
        List<BigDecimal> parts = jdbc.queryForList("SELECT amount_yuan FROM disbursement WHERE file_id = ?"
                + " AND source_line = ? AND voucher_no = ? AND original_voucher_no = ?", BigDecimal.class,
                fileId, sourceLine, voucher, originalVoucher);
        BigDecimal refund = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        String refundKey = DedupeKey.of(as("", refund, UnaryOperator.identity()));
        for (int i = 0; i < parts.size(); i++) {
            if (DedupeKey.part(refundKey, i, this.code).equals(key)) {
                return DedupeKey.part(DedupeKey.of(as("", refund, text)), i, code.apply(this.code));
            }
        }
        return key;
    }

    private static String empty(String s) {
        return s == null ? "" : s;
    }
}
