package org.budgetmonitor.ingest;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Lines that were not accepted, kept with their reason for the reject report. */
@Repository
public class RejectedRowRepository {

    private static final String INSERT = """
            INSERT INTO rejected_row (job_instance_id, file_id, source_file, line_no, reason, raw_line, project_code)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String SELECT_FOR_RUN = """
            SELECT r.file_id, r.source_file, r.line_no, r.reason, r.raw_line, r.project_code
            FROM rejected_row r JOIN run_file f ON f.file_id = r.file_id
            WHERE f.job_instance_id = ? ORDER BY r.source_file, r.line_no, r.id""";

    private static final String COUNT_FOR_RUN = """
            SELECT COUNT(*) FROM rejected_row r JOIN run_file f ON f.file_id = r.file_id WHERE f.job_instance_id = ?""";

    private static final String DELETE_BY_FILE = "DELETE FROM rejected_row WHERE file_id = ?";
    // The line's rejection in its file and in the file's identical copies, which were given it.
    private static final String DELETE_LINE = """
            DELETE FROM rejected_row WHERE line_no = ? AND reason = ?
              AND file_id IN (SELECT i.id FROM ingested_file i
                              WHERE i.sha256 = (SELECT o.sha256 FROM ingested_file o WHERE o.id = ?))""";

    private static final int MAX_TEXT = 2000;
    private static final int MAX_RAW = 4000;
    private static final int MAX_CODE = 64;

    private final JdbcTemplate jdbc;

    public RejectedRowRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<IngestLine.Rejected> rows, long jobInstanceId) {
        jdbc.batchUpdate(INSERT, rows, rows.size(), (ps, row) -> {
            ps.setLong(1, jobInstanceId);
            ps.setLong(2, row.fileId());
            ps.setString(3, row.file());
            ps.setLong(4, row.line());
            ps.setString(5, truncate(row.reason(), MAX_TEXT));
            ps.setString(6, truncate(row.rawLine(), MAX_RAW));
            // A code longer than any project's cannot be one of the plan's: not kept.
            ps.setString(7, row.projectCode() != null && row.projectCode().length() <= MAX_CODE ? row.projectCode() : null);
        });
    }

    /** Forgets a file version's rejected lines (the version is rejected whole instead). */
    public int deleteByFile(long fileId) {
        return jdbc.update(DELETE_BY_FILE, fileId);
    }

    /** Forgets a line's rejection, in its file and the file's copies: the line is counted after all. */
    public int deleteLine(long fileId, long line, String reason) {
        return jdbc.update(DELETE_LINE, line, truncate(reason, MAX_TEXT), fileId);
    }

    /**
     * The rejected lines of every file the run read or found unchanged: a bad line is reported each
     * night until a corrected export replaces its file.
     */
    public List<IngestLine.Rejected> findByJobInstance(long jobInstanceId) {
        return jdbc.query(SELECT_FOR_RUN, (rs, n) -> new IngestLine.Rejected(rs.getString("source_file"),
                rs.getLong("file_id"), rs.getLong("line_no"), rs.getString("reason"), rs.getString("raw_line"),
                rs.getString("project_code")),
                jobInstanceId);
    }

    /** How many lines {@link #findByJobInstance} lists. */
    public int countByJobInstance(long jobInstanceId) {
        Integer count = jdbc.queryForObject(COUNT_FOR_RUN, Integer.class, jobInstanceId);
        return count == null ? 0 : count;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
