package org.budgetmonitor.ingest;

import java.sql.Date;
import java.util.List;

import org.budgetmonitor.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Refunds naming no project whose original voucher was not stored when they were read: each is
 * also a rejected line (with its reason) until a night has stored its original and counts it.
 */
@Repository
public class AwaitingRefundRepository {

    /** A waiting refund as read, and the run that read it. */
    public record Awaiting(long id, long jobInstanceId, String reason, IngestLine.Accepted refund) {
    }

    private static final String INSERT = """
            INSERT INTO awaiting_refund (job_instance_id, file_id, source_file, line_no, dedupe_key, occurrence,
                pay_date, amount_yuan, voucher_no, payee, summary, funding_source, payment_id, original_voucher_no,
                reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    // Only those whose original is stored by now: most nights, none (the table is empty or waits on).
    private static final String PLACEABLE = """
            SELECT a.id, a.job_instance_id, a.reason, a.file_id, a.source_file, a.line_no, a.dedupe_key, a.occurrence,
                   a.pay_date, a.amount_yuan, a.voucher_no, a.payee, a.summary, a.funding_source, a.payment_id,
                   a.original_voucher_no
            FROM awaiting_refund a
            WHERE EXISTS (SELECT 1 FROM disbursement d WHERE d.voucher_no = a.original_voucher_no AND d.amount_yuan > 0)
            ORDER BY a.id""";
    private static final String DELETE = "DELETE FROM awaiting_refund WHERE id = ?";

    private final JdbcTemplate jdbc;

    public AwaitingRefundRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(IngestLine.Accepted refund, String reason, long jobInstanceId) {
        Disbursement d = refund.disbursement();
        jdbc.update(INSERT, jobInstanceId, refund.fileId(), refund.file(), refund.line(), refund.dedupeKey(),
                refund.occurrence(), Date.valueOf(d.payDate()), d.amount().yuan(), d.voucherNo(), d.payee(),
                d.summary(), d.fundingSource(), d.paymentId(), d.originalVoucherNo(), reason);
    }

    /** The waiting refunds whose original voucher is stored now. */
    public List<Awaiting> findPlaceable() {
        return jdbc.query(PLACEABLE, (rs, n) -> new Awaiting(rs.getLong("id"), rs.getLong("job_instance_id"),
                rs.getString("reason"), new IngestLine.Accepted(rs.getString("source_file"), rs.getLong("file_id"),
                        rs.getLong("line_no"), new Disbursement(rs.getDate("pay_date").toLocalDate(), "",
                                Money.ofYuan(rs.getBigDecimal("amount_yuan")), rs.getString("voucher_no"),
                                rs.getString("payee"), rs.getString("summary"), rs.getString("funding_source"),
                                rs.getString("payment_id"), rs.getString("original_voucher_no")),
                        rs.getString("dedupe_key"), rs.getInt("occurrence"))));
    }

    public void delete(long id) {
        jdbc.update(DELETE, id);
    }
}
