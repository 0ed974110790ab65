package org.budgetmonitor.ingest;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.ConnectionCallback;
import org.budgetmonitor.support.PostgresCopy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Accepted payments, stored once each. */
@Repository
public class DisbursementRepository {

    // A payment is inserted unless its identity (pay date, key, occurrence) is stored already: one
    // statement per line, batched, whose update count says whether the line was new. The identity
    // index leads with the pay date, so a night's lines look up and insert among their own days'
    // entries. Casts: PostgreSQL types a SELECT list's parameters from them, not from the columns.
    private static final String INSERT_NEW = """
            INSERT INTO disbursement (dedupe_key, occurrence, pay_date, project_code, amount_yuan, voucher_no, payee,
                summary, funding_source, payment_id, original_voucher_no, original_known, source_file, source_line,
                job_instance_id, file_id)
            SELECT CAST(? AS VARCHAR(64)), CAST(? AS INTEGER), CAST(? AS DATE), CAST(? AS VARCHAR(64)),
                CAST(? AS NUMERIC(20,2)), CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(500)), CAST(? AS VARCHAR(2000)),
                CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(100)), CAST(? AS BOOLEAN),
                CAST(? AS VARCHAR(500)), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT)
            WHERE NOT EXISTS (SELECT 1 FROM disbursement d WHERE d.pay_date = ? AND d.dedupe_key = ? AND d.occurrence = ?)""";

    // A payment already stored is also held by this file, unless the file owns it or holds it already.
    private static final String INSERT_HOLDING = """
            INSERT INTO file_payment (file_id, pay_date, dedupe_key, occurrence, line_no)
            SELECT CAST(? AS BIGINT), CAST(? AS DATE), CAST(? AS VARCHAR(64)), CAST(? AS INTEGER), CAST(? AS BIGINT)
            WHERE NOT EXISTS (SELECT 1 FROM disbursement d WHERE d.pay_date = ? AND d.dedupe_key = ?
                              AND d.occurrence = ? AND d.file_id = ?)
              AND NOT EXISTS (SELECT 1 FROM file_payment f WHERE f.file_id = ? AND f.pay_date = ? AND f.dedupe_key = ?
                              AND f.occurrence = ?)""";
    private static final int BATCH = 1000;

    private static final String VOUCHER_LINES = """
            SELECT project_code, amount_yuan FROM disbursement
            WHERE voucher_no = ? AND amount_yuan > 0 ORDER BY project_code, id""";

    private static final String INSERT_PENDING = """
            INSERT INTO pending_payment (file_id, source_file, line_no, request_date, project_code, amount_yuan,
                voucher_no, payee, summary)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    // A file and its identical copies hold the same lines: each is listed once, under the first name.
    private static final String UNCONFIRMED = """
            SELECT MIN(p.source_file), p.line_no, p.request_date, p.project_code, p.amount_yuan, p.voucher_no, p.payee,
                   p.summary
            FROM pending_payment p JOIN ingested_file f ON f.id = p.file_id AND f.status = 'LOADED'
            WHERE p.request_date <= ?
              AND NOT EXISTS (SELECT 1 FROM disbursement d WHERE d.voucher_no = p.voucher_no
                              AND d.project_code = p.project_code)
            GROUP BY f.sha256, p.line_no, p.request_date, p.project_code, p.amount_yuan, p.voucher_no, p.payee, p.summary
            ORDER BY p.request_date, p.voucher_no, p.line_no""";

    // Newest first along the identity index: one entry read, however many payments are stored.
    private static final String LATEST_PAY_DATE =
            "SELECT pay_date FROM disbursement WHERE pay_date <= ? ORDER BY pay_date DESC LIMIT 1";

    private final JdbcTemplate jdbc;
    private final PostgresPaymentCopy copy;

    public DisbursementRepository(JdbcTemplate jdbc, IngestProperties properties) {
        this.jdbc = jdbc;
        this.copy = properties.postgresCopy() && PostgresCopy.isPostgres(jdbc) ? new PostgresPaymentCopy(jdbc) : null;
    }

    /** A payment line to store, with whether a refund's original voucher was found (null: not a refund). */
    public record PaymentRow(IngestLine.Accepted line, Boolean originalKnown) {
    }

    /** One line of a stored voucher: what a refund without a project code is matched against. */
    public record VoucherLine(String projectCode, BigDecimal amountYuan) {
    }

    /** A requested payment the bank has not confirmed, as listed for the officers. */
    public record PendingRow(String file, long line, LocalDate requestDate, String projectCode, BigDecimal amountYuan,
            String voucherNo, String payee, String summary) {
    }

    /**
     * Inserts the payments not stored yet, owned by the file that brings them, and records that the
     * file also holds the ones other files brought; returns how many were new.
     */
    public int store(List<PaymentRow> rows, long jobInstanceId) {
        // COPY's staging table lives for the transaction; outside one, the statements below do the same.
        if (copy != null && TransactionSynchronizationManager.isActualTransactionActive()) {
            return copy.store(rows, jobInstanceId);
        }
        Map<String, PaymentRow> distinct = new LinkedHashMap<>();
        List<PaymentRow> repeats = new ArrayList<>();
        for (PaymentRow row : rows) {
            if (distinct.putIfAbsent(identity(row.line()), row) != null) {
                repeats.add(row);
            }
        }
        List<PaymentRow> candidates = new ArrayList<>(distinct.values());
        int fresh = 0;
        int index = 0;
        for (int[] counts : jdbc.batchUpdate(INSERT_NEW, candidates, BATCH, (ps, row) -> bindNew(ps, row, jobInstanceId))) {
            for (int count : counts) {
                if (count > 0) {
                    fresh++;
                } else {
                    repeats.add(candidates.get(index));
                }
                index++;
            }
        }
        if (!repeats.isEmpty()) {
            jdbc.batchUpdate(INSERT_HOLDING, repeats, BATCH, (ps, row) -> {
                IngestLine.Accepted line = row.line();
                Date day = Date.valueOf(line.disbursement().payDate());
                Object[] values = {line.fileId(), day, line.dedupeKey(), line.occurrence(), line.line(),
                        day, line.dedupeKey(), line.occurrence(), line.fileId(),
                        line.fileId(), day, line.dedupeKey(), line.occurrence()};
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
            });
        }
        return fresh;
    }

    private static String identity(IngestLine.Accepted line) {
        return line.disbursement().payDate() + "#" + line.dedupeKey() + "#" + line.occurrence();
    }

    private static void bindNew(PreparedStatement ps, PaymentRow row, long jobInstanceId) throws SQLException {
        IngestLine.Accepted line = row.line();
        Disbursement d = line.disbursement();
        Date day = Date.valueOf(d.payDate());
        ps.setString(1, line.dedupeKey());
        ps.setInt(2, line.occurrence());
        ps.setDate(3, day);
        ps.setString(4, d.projectCode());
        ps.setBigDecimal(5, d.amount().yuan());
        ps.setString(6, d.voucherNo());
        ps.setString(7, d.payee());
        ps.setString(8, d.summary());
        ps.setString(9, d.fundingSource());
        ps.setString(10, d.paymentId());
        ps.setString(11, d.originalVoucherNo());
        ps.setObject(12, row.originalKnown(), java.sql.Types.BOOLEAN);
        ps.setString(13, line.file());
        ps.setLong(14, line.line());
        ps.setLong(15, jobInstanceId);
        ps.setLong(16, line.fileId());
        ps.setDate(17, day);
        ps.setString(18, line.dedupeKey());
        ps.setInt(19, line.occurrence());
    }

    public List<VoucherLine> findVoucherLines(String voucherNo) {
        return jdbc.query(VOUCHER_LINES, (rs, n) -> new VoucherLine(rs.getString(1), rs.getBigDecimal(2)), voucherNo);
    }

    public void insertPending(List<IngestLine.Pending> lines) {
        jdbc.batchUpdate(INSERT_PENDING, lines, lines.size(), (ps, line) -> {
            ParsedRow.Pending p = line.row();
            ps.setLong(1, line.fileId());
            ps.setString(2, line.file());
            ps.setLong(3, line.line());
            ps.setDate(4, Date.valueOf(p.requestDate()));
            ps.setString(5, p.projectCode());
            ps.setBigDecimal(6, p.requestedAmount().yuan());
            ps.setString(7, p.voucherNo());
            ps.setString(8, p.payee());
            ps.setString(9, p.summary());
        });
    }

    /** Requests up to the date that no later export has confirmed yet. */
    public List<PendingRow> findUnconfirmed(LocalDate notAfter) {
        return jdbc.query(UNCONFIRMED, (rs, n) -> new PendingRow(rs.getString(1), rs.getLong(2),
                rs.getDate(3).toLocalDate(), rs.getString(4), rs.getBigDecimal(5), rs.getString(6), rs.getString(7),
                rs.getString(8)), Date.valueOf(notAfter));
    }

    /** The latest payment date on or before the given day: the data cut-off a report shows. */
    public Optional<LocalDate> latestPayDate(LocalDate notAfter) {
        return jdbc.queryForList(LATEST_PAY_DATE, Date.class, Date.valueOf(notAfter)).stream().findFirst()
                .map(Date::toLocalDate);
    }
}
