package org.budgetmonitor.ingest;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Lines that were not accepted, kept with their reason for the reject report. */
@Repository
public class RejectedRowRepository {

    private static final String INSERT = """
            INSERT INTO rejected_row (job_instance_id, source_file, line_no, reason, raw_line)
            VALUES (?, ?, ?, ?, ?)""";
    private static final String SELECT_FOR_INSTANCE = """
            SELECT source_file, line_no, reason, raw_line FROM rejected_row
            WHERE job_instance_id = ? ORDER BY source_file, line_no, id""";

    private static final int MAX_TEXT = 2000;
    private static final int MAX_RAW = 4000;

    private final JdbcTemplate jdbc;

    public RejectedRowRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<IngestLine.Rejected> rows, long jobInstanceId) {
        jdbc.batchUpdate(INSERT, rows, rows.size(), (ps, row) -> {
            ps.setLong(1, jobInstanceId);
            ps.setString(2, row.file());
            ps.setLong(3, row.line());
            ps.setString(4, truncate(row.reason(), MAX_TEXT));
            ps.setString(5, truncate(row.rawLine(), MAX_RAW));
        });
    }

    public List<IngestLine.Rejected> findByJobInstance(long jobInstanceId) {
        return jdbc.query(SELECT_FOR_INSTANCE, (rs, n) -> new IngestLine.Rejected(rs.getString("source_file"),
                rs.getLong("line_no"), rs.getString("reason"), rs.getString("raw_line")), jobInstanceId);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
