package org.budgetmonitor.ingest;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Accepted payments, stored once each. */
@Repository
public class DisbursementRepository {

    // Portable insert-if-absent (H2 and PostgreSQL): the update count says whether it was new. The
    // NOT EXISTS refers to the VALUES row so that no database may reuse a cached answer for it.
    private static final String INSERT_IF_ABSENT = """
            INSERT INTO disbursement (dedupe_key, occurrence, pay_date, project_code, amount_yuan, voucher_no, payee,
                summary, funding_source, payment_id, original_voucher_no, original_known, source_file, source_line,
                job_instance_id)
            SELECT v.* FROM (VALUES (CAST(? AS CHAR(64)), CAST(? AS INTEGER), CAST(? AS DATE), CAST(? AS VARCHAR(64)),
                   CAST(? AS NUMERIC(20,2)), CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(500)),
                   CAST(? AS VARCHAR(2000)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(100)),
                   CAST(? AS VARCHAR(100)), CAST(? AS BOOLEAN),
                   CAST(? AS VARCHAR(500)), CAST(? AS BIGINT), CAST(? AS BIGINT)))
                AS v (k, o, pd, pc, a, vn, pe, s, fs, pid, ovn, ok, sf, sl, ji)
            WHERE NOT EXISTS (SELECT 1 FROM disbursement d WHERE d.dedupe_key = v.k AND d.occurrence = v.o)""";

    private static final String INSERT_MEMBER_IF_ABSENT = """
            INSERT INTO file_payment (file_id, dedupe_key, occurrence)
            SELECT v.f, v.k, v.o FROM (VALUES (CAST(? AS BIGINT), CAST(? AS CHAR(64)), CAST(? AS INTEGER))) AS v (f, k, o)
            WHERE NOT EXISTS (SELECT 1 FROM file_payment m
                              WHERE m.file_id = v.f AND m.dedupe_key = v.k AND m.occurrence = v.o)""";

    private static final String VOUCHER_LINES = """
            SELECT project_code, amount_yuan FROM disbursement
            WHERE voucher_no = ? AND amount_yuan > 0 ORDER BY project_code, id""";

    private static final String INSERT_PENDING = """
            INSERT INTO pending_payment (file_id, source_file, line_no, request_date, project_code, amount_yuan,
                voucher_no, payee, summary)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String UNCONFIRMED = """
            SELECT p.source_file, p.line_no, p.request_date, p.project_code, p.amount_yuan, p.voucher_no, p.payee,
                   p.summary
            FROM pending_payment p JOIN ingested_file f ON f.id = p.file_id AND f.status = 'LOADED'
            WHERE p.request_date <= ?
              AND NOT EXISTS (SELECT 1 FROM disbursement d WHERE d.voucher_no = p.voucher_no
                              AND d.project_code = p.project_code)
            ORDER BY p.request_date, p.voucher_no, p.line_no""";

    private static final String UNMATCHED_REFUNDS = """
            SELECT DISTINCT original_voucher_no FROM disbursement
            WHERE job_instance_id = ? AND original_known = FALSE ORDER BY original_voucher_no""";

    private static final String DAILY_TOTALS = """
            SELECT project_code, pay_date, SUM(amount_yuan) AS total
            FROM disbursement WHERE pay_date BETWEEN ? AND ?
            GROUP BY project_code, pay_date""";

    private static final String LATEST_PAY_DATE = "SELECT MAX(pay_date) FROM disbursement WHERE pay_date <= ?";

    private final JdbcTemplate jdbc;

    public DisbursementRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    /** Inserts the payments not stored yet and records which file holds each; returns how many were new. */
    public int store(List<PaymentRow> rows, long jobInstanceId) {
        Map<String, PaymentRow> distinct = new LinkedHashMap<>();
        Map<String, PaymentRow> members = new LinkedHashMap<>();
        for (PaymentRow row : rows) {
            IngestLine.Accepted line = row.line();
            distinct.putIfAbsent(line.dedupeKey() + "#" + line.occurrence(), row);
            members.putIfAbsent(line.fileId() + "#" + line.dedupeKey() + "#" + line.occurrence(), row);
        }
        // Each statement of a batch checks the table, so a key may appear only once per batch.
        int inserted = insertIfAbsent(List.copyOf(distinct.values()), jobInstanceId);
        addMembers(List.copyOf(members.values()));
        return inserted;
    }

    private int insertIfAbsent(List<PaymentRow> rows, long jobInstanceId) {
        int[][] counts = jdbc.batchUpdate(INSERT_IF_ABSENT, rows, rows.size(), (ps, row) -> {
            IngestLine.Accepted line = row.line();
            Disbursement d = line.disbursement();
            ps.setString(1, line.dedupeKey());
            ps.setInt(2, line.occurrence());
            ps.setDate(3, Date.valueOf(d.payDate()));
            ps.setString(4, d.projectCode());
            ps.setBigDecimal(5, d.amount().yuan());
            ps.setString(6, d.voucherNo());
            ps.setString(7, d.payee());
            ps.setString(8, d.summary());
            ps.setString(9, d.fundingSource());
            ps.setString(10, d.paymentId());
            ps.setString(11, d.originalVoucherNo());
            ps.setObject(12, row.originalKnown());
            ps.setString(13, line.file());
            ps.setLong(14, line.line());
            ps.setLong(15, jobInstanceId);
        });
        int inserted = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                inserted += count;
            }
        }
        return inserted;
    }

    private void addMembers(List<PaymentRow> rows) {
        jdbc.batchUpdate(INSERT_MEMBER_IF_ABSENT, rows, rows.size(), (ps, row) -> {
            IngestLine.Accepted line = row.line();
            ps.setLong(1, line.fileId());
            ps.setString(2, line.dedupeKey());
            ps.setInt(3, line.occurrence());
        });
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

    /** Original vouchers of refunds stored by the run that were not found among the payments. */
    public List<String> findUnmatchedRefunds(long jobInstanceId) {
        return jdbc.queryForList(UNMATCHED_REFUNDS, String.class, jobInstanceId);
    }

    /** Net amount per project per day in [from, to]: the actual curve of every project. */
    public Map<String, NavigableMap<LocalDate, BigDecimal>> dailyTotals(LocalDate from, LocalDate to) {
        Map<String, NavigableMap<LocalDate, BigDecimal>> result = new HashMap<>();
        jdbc.query(DAILY_TOTALS, rs -> {
            result.computeIfAbsent(rs.getString("project_code"), k -> new TreeMap<>())
                    .put(rs.getDate("pay_date").toLocalDate(), rs.getBigDecimal("total"));
        }, Date.valueOf(from), Date.valueOf(to));
        return result;
    }

    /** The latest payment date on or before the given day: the data cut-off a report shows. */
    public Optional<LocalDate> latestPayDate(LocalDate notAfter) {
        Date date = jdbc.queryForObject(LATEST_PAY_DATE, Date.class, Date.valueOf(notAfter));
        return Optional.ofNullable(date).map(Date::toLocalDate);
    }
}
