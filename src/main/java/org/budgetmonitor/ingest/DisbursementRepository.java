package org.budgetmonitor.ingest;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
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

    // Portable insert-if-absent (H2 and PostgreSQL): the update count says whether it was new.
    private static final String INSERT_IF_ABSENT = """
            INSERT INTO disbursement (dedupe_key, occurrence, pay_date, project_code, amount_yuan, voucher_no, payee,
                summary, funding_source, payment_id, source_file, source_line, job_instance_id)
            SELECT CAST(? AS CHAR(64)), CAST(? AS INTEGER), CAST(? AS DATE), CAST(? AS VARCHAR(64)),
                   CAST(? AS NUMERIC(20,2)), CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(500)),
                   CAST(? AS VARCHAR(2000)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(100)),
                   CAST(? AS VARCHAR(500)), CAST(? AS BIGINT), CAST(? AS BIGINT)
            WHERE NOT EXISTS (SELECT 1 FROM disbursement WHERE dedupe_key = ? AND occurrence = ?)""";

    private static final String DAILY_TOTALS = """
            SELECT project_code, pay_date, SUM(amount_yuan) AS total
            FROM disbursement WHERE pay_date BETWEEN ? AND ?
            GROUP BY project_code, pay_date""";

    private static final String LATEST_PAY_DATE = "SELECT MAX(pay_date) FROM disbursement WHERE pay_date <= ?";

    private final JdbcTemplate jdbc;

    public DisbursementRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the payments not stored yet; returns how many were new. */
    public int insertIfAbsent(List<IngestLine.Accepted> lines, long jobInstanceId) {
        int[][] counts = jdbc.batchUpdate(INSERT_IF_ABSENT, lines, lines.size(), (ps, line) -> {
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
            ps.setString(11, line.file());
            ps.setLong(12, line.line());
            ps.setLong(13, jobInstanceId);
            ps.setString(14, line.dedupeKey());
            ps.setInt(15, line.occurrence());
        });
        int inserted = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                inserted += count;
            }
        }
        return inserted;
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
