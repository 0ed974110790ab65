package org.budgetmonitor.ops;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The run log: one line per run, newest last. */
@Repository
public class RunLogRepository {

    public record Entry(long jobExecutionId, String job, LocalDate asOf, Long run, LocalDateTime started,
            LocalDateTime ended, String status, String counts, String outputFiles, String mailStatus,
            String restartOf) {
    }

    private static final String INSERT = """
            INSERT INTO run_log (job_execution_id, job_name, as_of, run_no, started_at, ended_at, status, counts,
                output_files, mail_status, restart_of)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String LATEST = """
            SELECT * FROM run_log ORDER BY id DESC FETCH FIRST ? ROWS ONLY""";

    private final JdbcTemplate jdbc;

    public RunLogRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Entry e) {
        jdbc.update(INSERT, e.jobExecutionId(), e.job(), e.asOf() == null ? null : Date.valueOf(e.asOf()), e.run(),
                e.started() == null ? null : Timestamp.valueOf(e.started()),
                e.ended() == null ? null : Timestamp.valueOf(e.ended()), e.status(), cut(e.counts(), 500),
                cut(e.outputFiles(), 8000), cut(e.mailStatus(), 2000),
                e.restartOf());
    }

    /** The last runs, oldest of them first. */
    public List<Entry> latest(int count) {
        List<Entry> entries = new java.util.ArrayList<>(jdbc.query(LATEST, (rs, n) -> {
            Date asOf = rs.getDate("as_of");
            Timestamp started = rs.getTimestamp("started_at");
            Timestamp ended = rs.getTimestamp("ended_at");
            long run = rs.getLong("run_no");
            return new Entry(rs.getLong("job_execution_id"), rs.getString("job_name"),
                    asOf == null ? null : asOf.toLocalDate(), rs.wasNull() ? null : run,
                    started == null ? null : started.toLocalDateTime(), ended == null ? null : ended.toLocalDateTime(),
                    rs.getString("status"), rs.getString("counts"), rs.getString("output_files"),
                    rs.getString("mail_status"), rs.getString("restart_of"));
        }, count));
        java.util.Collections.reverse(entries);
        return entries;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
