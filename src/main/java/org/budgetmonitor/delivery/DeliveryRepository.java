package org.budgetmonitor.delivery;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Report e-mails, sent or still pending. */
@Repository
public class DeliveryRepository {

    private static final String INSERT = """
            INSERT INTO delivery (job_instance_id, job_name, as_of, unit_code, recipients, subject, body, files, status,
                attempts, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)""";
    private static final String PENDING = """
            SELECT * FROM delivery WHERE status = 'PENDING' ORDER BY id""";
    private static final String MARK_SENT = """
            UPDATE delivery SET status = 'SENT', attempts = attempts + ?, last_error = NULL, sent_at = ? WHERE id = ?""";
    private static final String MARK_FAILED = """
            UPDATE delivery SET attempts = attempts + ?, last_error = ? WHERE id = ?""";

    private final JdbcTemplate jdbc;

    public DeliveryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long add(long jobInstanceId, Delivery d) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement(INSERT, new String[] {"id"});
            ps.setLong(1, jobInstanceId);
            ps.setString(2, d.jobName());
            ps.setDate(3, Date.valueOf(d.asOf()));
            ps.setString(4, d.unitCode());
            ps.setString(5, String.join(",", d.recipients()));
            ps.setString(6, d.subject());
            ps.setString(7, d.body());
            ps.setString(8, String.join("\n", d.files().stream().map(Path::toString).toList()));
            ps.setTimestamp(9, Timestamp.valueOf(LocalDateTime.now()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** Every message not delivered yet, from this run and earlier ones, oldest first. */
    public List<Delivery> findPending() {
        return jdbc.query(PENDING, (rs, n) -> new Delivery(rs.getLong("id"), rs.getString("job_name"),
                rs.getDate("as_of").toLocalDate(), rs.getString("unit_code"),
                Arrays.asList(rs.getString("recipients").split(",")), rs.getString("subject"), rs.getString("body"),
                Arrays.stream(rs.getString("files").split("\n")).map(Path::of).toList(),
                Delivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error")));
    }

    public void markSent(long id, int attempts) {
        jdbc.update(MARK_SENT, attempts, Timestamp.valueOf(LocalDateTime.now()), id);
    }

    public void markFailed(long id, int attempts, String error) {
        jdbc.update(MARK_FAILED, attempts, error.length() > 2000 ? error.substring(0, 2000) : error, id);
    }
}
