package org.budgetmonitor.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * After Flyway, at every start on H2: each identity column and each of Spring Batch's sequences is set
 * past the largest id already stored, if it is not. H2 has reopened after a killed run with a
 * generator behind the rows it had numbered (CI, 2026-12-02: the restart stopped on a primary key
 * violation, and so would every restart after it). A generator is a counter, not data: moving it past
 * the stored rows loses nothing. Not on PostgreSQL, whose sequences are written ahead of their use.
 */
@Component
public class GeneratorsPastTheirRows implements Callback {

    private static final Logger log = LoggerFactory.getLogger(GeneratorsPastTheirRows.class);

    /** A table's id column. */
    private record Ids(String table, String column) {
    }

    /** Spring Batch's sequences and the ids they give (its H2 schema, V1). */
    private static final Map<String, Ids> BATCH_SEQUENCES = Map.of(
            "BATCH_JOB_INSTANCE_SEQ", new Ids("BATCH_JOB_INSTANCE", "JOB_INSTANCE_ID"),
            "BATCH_JOB_EXECUTION_SEQ", new Ids("BATCH_JOB_EXECUTION", "JOB_EXECUTION_ID"),
            "BATCH_STEP_EXECUTION_SEQ", new Ids("BATCH_STEP_EXECUTION", "STEP_EXECUTION_ID"));

    private record Identity(Ids ids, long next) {
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            if (!connection.getMetaData().getDatabaseProductName().equals("H2")) {
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the database's kind: " + e.getMessage(), e);
        }
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        List<Identity> identities = jdbc.query("""
                SELECT TABLE_NAME, COLUMN_NAME, IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS
                WHERE IS_IDENTITY = 'YES' AND TABLE_SCHEMA = SCHEMA()""",
                (rs, n) -> new Identity(new Ids(rs.getString(1), rs.getString(2)), rs.getLong(3)));
        for (Identity identity : identities) {
            Ids ids = identity.ids();
            Long largest = largest(jdbc, ids);
            if (largest != null && identity.next() <= largest) {
                jdbc.execute("ALTER TABLE " + quoted(ids.table()) + " ALTER COLUMN " + quoted(ids.column())
                        + " RESTART WITH " + (largest + 1));
                log.warn("The identity of {}.{} was at {}, behind its rows: set past them, to {}", ids.table(),
                        ids.column(), identity.next(), largest + 1);
            }
        }
        BATCH_SEQUENCES.forEach((sequence, owner) -> {
            List<Long> next = jdbc.queryForList("""
                    SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES
                    WHERE SEQUENCE_NAME = ? AND SEQUENCE_SCHEMA = SCHEMA()""", Long.class, sequence);
            Long largest = next.isEmpty() ? null : largest(jdbc, owner);
            if (largest != null && next.get(0) <= largest) {
                jdbc.execute("ALTER SEQUENCE " + quoted(sequence) + " RESTART WITH " + (largest + 1));
                log.warn("The sequence {} was at {}, behind its rows: set past them, to {}", sequence, next.get(0),
                        largest + 1);
            }
        });
    }

    private static Long largest(JdbcTemplate jdbc, Ids ids) {
        return jdbc.queryForObject("SELECT MAX(" + quoted(ids.column()) + ") FROM " + quoted(ids.table()), Long.class);
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public String getCallbackName() {
        return "generators past their rows";
    }
}
