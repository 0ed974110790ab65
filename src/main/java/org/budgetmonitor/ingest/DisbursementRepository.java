package org.budgetmonitor.ingest;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
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

    // Which of a chunk's payments are stored already: one indexed lookup per chunk, then plain batch
    // inserts of the new ones, which run at the speed of a bare JDBC batch. One writer at a time (the
    // run lock), so nothing can slip in between the lookup and the insert.
    private static final String INSERT = """
            INSERT INTO disbursement (dedupe_key, occurrence, pay_date, project_code, amount_yuan, voucher_no, payee,
                summary, funding_source, payment_id, original_voucher_no, original_known, source_file, source_line,
                job_instance_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String EXISTING = "SELECT dedupe_key, occurrence FROM disbursement WHERE dedupe_key IN (%s)";

    private static final String INSERT_MEMBER = "INSERT INTO file_payment (file_id, dedupe_key, occurrence) VALUES (?, ?, ?)";
    // By key only, so that the (dedupe_key, occurrence) index answers it; the file is checked in Java.
    private static final String EXISTING_MEMBERS =
            "SELECT dedupe_key, occurrence, file_id FROM file_payment WHERE dedupe_key IN (%s)";
    private static final int LOOKUP_BATCH = 500;

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
        Map<Long, Map<String, PaymentRow>> membersByFile = new LinkedHashMap<>();
        for (PaymentRow row : rows) {
            IngestLine.Accepted line = row.line();
            String identity = line.dedupeKey() + "#" + line.occurrence();
            distinct.putIfAbsent(identity, row);
            membersByFile.computeIfAbsent(line.fileId(), f -> new LinkedHashMap<>()).putIfAbsent(identity, row);
        }
        Set<String> stored = existing(EXISTING, null, distinct.values());
        List<PaymentRow> fresh = distinct.entrySet().stream().filter(e -> !stored.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
        insert(fresh, jobInstanceId);
        for (var file : membersByFile.entrySet()) {
            // A line key occurs once per occurrence number in its file, so only a payment id repeated
            // in the file can already be held by it.
            List<PaymentRow> byId = file.getValue().values().stream()
                    .filter(r -> r.line().disbursement().hasPaymentId()).toList();
            Set<String> held = byId.isEmpty() ? Set.of() : existing(EXISTING_MEMBERS, file.getKey(), byId);
            List<PaymentRow> members = file.getValue().entrySet().stream().filter(e -> !held.contains(e.getKey()))
                    .map(Map.Entry::getValue).toList();
            jdbc.batchUpdate(INSERT_MEMBER, members, 1000, (ps, row) -> {
                ps.setLong(1, row.line().fileId());
                ps.setString(2, row.line().dedupeKey());
                ps.setInt(3, row.line().occurrence());
            });
        }
        return fresh.size();
    }

    /** The identities (key#occurrence) among these rows that the table holds already. */
    private Set<String> existing(String sql, Long fileId, Collection<PaymentRow> rows) {
        Set<String> found = new HashSet<>();
        List<String> keys = rows.stream().map(r -> r.line().dedupeKey()).distinct().toList();
        for (int from = 0; from < keys.size(); from += LOOKUP_BATCH) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + LOOKUP_BATCH));
            String query = String.format(sql, String.join(",", Collections.nCopies(batch.size(), "?")));
            jdbc.query(query, rs -> {
                if (fileId == null || rs.getLong(3) == fileId) {
                    found.add(rs.getString(1) + "#" + rs.getInt(2));
                }
            }, batch.toArray());
        }
        return found;
    }

    private void insert(List<PaymentRow> rows, long jobInstanceId) {
        jdbc.batchUpdate(INSERT, rows, 1000, (ps, row) -> {
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
            ps.setObject(12, row.originalKnown(), java.sql.Types.BOOLEAN);
            ps.setString(13, line.file());
            ps.setLong(14, line.line());
            ps.setLong(15, jobInstanceId);
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
