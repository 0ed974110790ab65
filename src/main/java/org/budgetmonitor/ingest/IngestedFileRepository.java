package org.budgetmonitor.ingest;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.budgetmonitor.spending.SpendingTotals;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The record of every export file read, and the versioning of a file's rows. */
@Repository
public class IngestedFileRepository {

    public enum Status {
        LOADING, LOADED, REJECTED, REPLACED
    }

    public record IngestedFile(long id, String name, long size, String sha256, Status status, long jobInstanceId,
            PayDateRange payDates) {
    }

    private static final String INSERT = """
            INSERT INTO ingested_file (file_name, size_bytes, sha256, format, status, reason, job_instance_id, started_at,
                first_pay_date, last_pay_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String SELECT = "SELECT id, file_name, size_bytes, sha256, status, job_instance_id, "
            + "first_pay_date, last_pay_date FROM ingested_file ";
    private static final String FIND_BY_NAME = SELECT + "WHERE file_name = ? AND status IN ('LOADING', 'LOADED') ORDER BY id";
    private static final String FIND_LOADED_BY_SHA = SELECT + "WHERE sha256 = ? AND status = 'LOADED' ORDER BY id";
    private static final String FIND_BY_ID = SELECT + "WHERE id = ?";
    private static final String FIND_LOADED_BY_INSTANCE = SELECT
            + "WHERE job_instance_id = ? AND status = 'LOADED' ORDER BY id";
    private static final String FIND_READ_BY_RUN = SELECT + """
            WHERE file_name = ? AND sha256 = ? AND status IN ('LOADED', 'REJECTED')
              AND id IN (SELECT r.file_id FROM run_file r WHERE r.job_instance_id = ?)""";
    private static final String FIND_LOADING_BY_INSTANCE = SELECT
            + "WHERE job_instance_id = ? AND status = 'LOADING' ORDER BY id";
    private static final String MARK = "UPDATE ingested_file SET status = ?, finished_at = ? WHERE id = ?";
    private static final String MARK_REJECTED = "UPDATE ingested_file SET status = 'REJECTED', reason = ?, finished_at = ? "
            + "WHERE id = ?";

    // An identical copy under another name holds what the original holds, so that a later
    // correction of the original does not take out payments the copy still has. Run twice for a copy
    // (when it is met, and after its chunk is stored), so each adds only what the copy lacks.
    private static final String COPY_HOLDINGS = """
            INSERT INTO file_payment (file_id, pay_date, dedupe_key, occurrence, line_no)
            SELECT CAST(? AS BIGINT), x.pay_date, x.dedupe_key, x.occurrence, MIN(x.line_no)
            FROM (SELECT d.pay_date, d.dedupe_key, d.occurrence, d.source_line AS line_no
                  FROM disbursement d WHERE d.file_id = ?
                  UNION ALL
                  SELECT f.pay_date, f.dedupe_key, f.occurrence, f.line_no
                  FROM file_payment f WHERE f.file_id = ?) x
            WHERE NOT EXISTS (SELECT 1 FROM file_payment h WHERE h.file_id = ? AND h.pay_date = x.pay_date
                              AND h.dedupe_key = x.dedupe_key AND h.occurrence = x.occurrence)
            GROUP BY x.pay_date, x.dedupe_key, x.occurrence""";
    private static final String COPY_REJECTS = """
            INSERT INTO rejected_row (job_instance_id, file_id, source_file, line_no, reason, raw_line, project_code)
            SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(500)), r.line_no, r.reason, r.raw_line,
                r.project_code
            FROM rejected_row r WHERE r.file_id = ?
              AND NOT EXISTS (SELECT 1 FROM rejected_row c WHERE c.file_id = ? AND c.line_no = r.line_no
                              AND c.reason = r.reason)""";

    // …and its lines awaiting the bank's confirmation, so they stay listed when the original is corrected.
    private static final String COPY_PENDING = """
            INSERT INTO pending_payment (file_id, source_file, line_no, request_date, project_code, amount_yuan,
                voucher_no, payee, summary)
            SELECT CAST(? AS BIGINT), CAST(? AS VARCHAR(500)), p.line_no, p.request_date, p.project_code, p.amount_yuan,
                p.voucher_no, p.payee, p.summary
            FROM pending_payment p WHERE p.file_id = ?
              AND NOT EXISTS (SELECT 1 FROM pending_payment c WHERE c.file_id = ? AND c.line_no = p.line_no)""";

    // Retiring a file version: the payments it owns that no other file holds go; those another file
    // holds pass to that file; its holdings of other files' payments go.
    private static final String NOT_HELD_ELSEWHERE = """
            NOT EXISTS (SELECT 1 FROM file_payment f WHERE f.pay_date = d.pay_date AND f.dedupe_key = d.dedupe_key
                        AND f.occurrence = d.occurrence AND f.file_id <> d.file_id)""";
    private static final String ORPHANS = "SELECT d.id, d.pay_date, d.project_code, d.amount_yuan FROM disbursement d "
            + "WHERE d.file_id = ? AND " + NOT_HELD_ELSEWHERE;
    private static final String DELETE_ORPHANS = "DELETE FROM disbursement d WHERE d.file_id = ? AND " + NOT_HELD_ELSEWHERE;
    private static final String NEXT_HOLDER = """
            (SELECT MIN(f.file_id) FROM file_payment f WHERE f.pay_date = disbursement.pay_date
             AND f.dedupe_key = disbursement.dedupe_key AND f.occurrence = disbursement.occurrence
             AND f.file_id <> disbursement.file_id)""";
    // The new owner's name and its own line (null for a holding stored before V17).
    private static final String PASS_ON = "UPDATE disbursement SET file_id = " + NEXT_HOLDER
            + ", source_file = (SELECT i.file_name FROM ingested_file i WHERE i.id = " + NEXT_HOLDER + ")"
            + ", source_line = (SELECT f.line_no FROM file_payment f WHERE f.file_id = " + NEXT_HOLDER
            + " AND f.pay_date = disbursement.pay_date AND f.dedupe_key = disbursement.dedupe_key"
            + " AND f.occurrence = disbursement.occurrence) "
            + "WHERE file_id = ?";
    private static final String DELETE_HOLDINGS = "DELETE FROM file_payment WHERE file_id = ?";
    private static final String DELETE_PENDING = "DELETE FROM pending_payment WHERE file_id = ?";
    private static final String DELETE_AWAITING_REFUNDS = "DELETE FROM awaiting_refund WHERE file_id = ?";
    private static final String FIND_LOADED_COPIES = SELECT + """
            WHERE status = 'LOADED' AND id <> ? AND sha256 = (SELECT o.sha256 FROM ingested_file o WHERE o.id = ?)""";

    private static final String RECORD_READ = """
            INSERT INTO run_file (job_instance_id, file_id)
            SELECT v.i, v.f FROM (VALUES (CAST(? AS BIGINT), CAST(? AS BIGINT))) AS v (i, f)
            WHERE NOT EXISTS (SELECT 1 FROM run_file r WHERE r.job_instance_id = v.i AND r.file_id = v.f)""";

    private final JdbcTemplate jdbc;
    private final SpendingTotals totals;

    public IngestedFileRepository(JdbcTemplate jdbc, SpendingTotals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    public long insert(ExportInspection.FileFacts facts, String format, Status status, String reason, long jobInstanceId) {
        return insert(facts, format, status, reason, jobInstanceId, PayDateRange.EMPTY);
    }

    public long insert(ExportInspection.FileFacts facts, String format, Status status, String reason, long jobInstanceId,
            PayDateRange payDates) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement(INSERT, new String[] {"id"});
            ps.setString(1, facts.name());
            ps.setLong(2, facts.size());
            ps.setString(3, facts.sha256());
            ps.setString(4, format);
            ps.setString(5, status.name());
            ps.setString(6, reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000));
            ps.setLong(7, jobInstanceId);
            ps.setTimestamp(8, Timestamp.valueOf(LocalDateTime.now()));
            ps.setObject(9, payDates.first());
            ps.setObject(10, payDates.last());
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** The current (loaded or half-loaded) versions of a file name. */
    public List<IngestedFile> findCurrentByName(String name) {
        return jdbc.query(FIND_BY_NAME, (rs, n) -> map(rs), name);
    }

    /** The loaded versions with this content, under any name, oldest first. */
    public List<IngestedFile> findLoadedBySha(String sha256) {
        return jdbc.query(FIND_LOADED_BY_SHA, (rs, n) -> map(rs), sha256);
    }

    /** The version of this name and content the run has already read or rejected (a restarted run meets it again). */
    public Optional<IngestedFile> findReadByRun(String name, String sha256, long jobInstanceId) {
        return jdbc.query(FIND_READ_BY_RUN, (rs, n) -> map(rs), name, sha256, jobInstanceId).stream().findFirst();
    }

    /** Versions the run began to read and has not finished: after a restart, those left half-read. */
    public List<IngestedFile> findLoadingByJobInstance(long jobInstanceId) {
        return jdbc.query(FIND_LOADING_BY_INSTANCE, (rs, n) -> map(rs), jobInstanceId);
    }

    /**
     * Records an identical copy of a loaded version under another name: a version of its own that
     * holds every payment the original holds, with the original's rejected lines.
     */
    /**
     * Records a copy of a loaded file, holding what the original holds now. The original may be
     * retired before the copy's chunk is stored (a correction read in the same night), so this is
     * taken at once; {@link #copyHoldings} adds, after the chunk, the original's lines stored with it.
     */
    public IngestLine.Copied insertCopy(ExportInspection.FileFacts facts, IngestedFile original, long jobInstanceId) {
        long id = insert(facts, "identical to " + original.name() + " (#" + original.id() + ")", Status.LOADED, null,
                jobInstanceId, original.payDates());
        IngestLine.Copied copy = new IngestLine.Copied(facts.name(), id, original.id());
        copyHoldings(copy, jobInstanceId);
        return copy;
    }

    /**
     * The copy holds the payments the original owns or holds, and has its rejected lines and its lines
     * awaiting confirmation; adds only what it lacks.
     */
    public void copyHoldings(IngestLine.Copied copy, long jobInstanceId) {
        jdbc.update(COPY_HOLDINGS, copy.fileId(), copy.originalFileId(), copy.originalFileId(), copy.fileId());
        jdbc.update(COPY_REJECTS, jobInstanceId, copy.fileId(), copy.file(), copy.originalFileId(), copy.fileId());
        jdbc.update(COPY_PENDING, copy.fileId(), copy.file(), copy.originalFileId(), copy.fileId());
    }

    /** The loaded identical copies of a file version, under other names. */
    public List<IngestedFile> findLoadedCopies(long id) {
        return jdbc.query(FIND_LOADED_COPIES, (rs, n) -> map(rs), id, id);
    }

    public Optional<IngestedFile> findById(long id) {
        return jdbc.query(FIND_BY_ID, (rs, n) -> map(rs), id).stream().findFirst();
    }

    public List<IngestedFile> findLoadedByJobInstance(long jobInstanceId) {
        return jdbc.query(FIND_LOADED_BY_INSTANCE, (rs, n) -> map(rs), jobInstanceId);
    }

    /** Notes that a run read this file version, or found it unchanged: the run reports its rejects. */
    public void recordRead(long jobInstanceId, long fileId) {
        jdbc.update(RECORD_READ, jobInstanceId, fileId);
    }

    public void markLoaded(long id) {
        jdbc.update(MARK, Status.LOADED.name(), Timestamp.valueOf(LocalDateTime.now()), id);
    }

    /**
     * Takes a file version's rows out: every payment it brought that no other file holds goes (and
     * leaves the monthly totals, if counted there); the rest stay, owned by a file that holds them.
     * Returns how many payments were removed.
     */
    public int retire(long id) {
        return retire(id, null);
    }

    /**
     * Takes out a version that could not be read to its end (an I/O error, or the file changed while
     * it was read): like {@link #retire(long)}, and the version is marked rejected with the reason.
     */
    public int abandon(long id, String reason) {
        return retire(id, reason);
    }

    private int retire(long id, String rejection) {
        long counted = totals.watermark();
        List<SpendingTotals.Change> takenOut = new ArrayList<>();
        jdbc.query(ORPHANS, rs -> {
            if (rs.getLong(1) <= counted) {
                takenOut.add(SpendingTotals.Change.takenOut(rs.getDate(2).toLocalDate(), rs.getString(3),
                        rs.getBigDecimal(4)));
            }
        }, id);
        int removed = jdbc.update(DELETE_ORPHANS, id);
        totals.apply(takenOut);
        jdbc.update(PASS_ON, id);
        jdbc.update(DELETE_HOLDINGS, id);
        jdbc.update(DELETE_PENDING, id);
        jdbc.update(DELETE_AWAITING_REFUNDS, id);
        if (rejection == null) {
            jdbc.update(MARK, Status.REPLACED.name(), Timestamp.valueOf(LocalDateTime.now()), id);
        } else {
            jdbc.update(MARK_REJECTED, rejection.length() <= 2000 ? rejection : rejection.substring(0, 2000),
                    Timestamp.valueOf(LocalDateTime.now()), id);
        }
        return removed;
    }

    private static IngestedFile map(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Date first = rs.getDate("first_pay_date");
        java.sql.Date last = rs.getDate("last_pay_date");
        return new IngestedFile(rs.getLong("id"), rs.getString("file_name"), rs.getLong("size_bytes"),
                rs.getString("sha256"), Status.valueOf(rs.getString("status")), rs.getLong("job_instance_id"),
                PayDateRange.of(first == null ? null : first.toLocalDate(), last == null ? null : last.toLocalDate()));
    }
}
