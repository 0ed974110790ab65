package org.budgetmonitor.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of one insert, sent in batches of {@value #SIZE} as they are made, on the caller's connection (so within
 * its transaction). A plan of 50,000 projects is 200,000 checkpoint rows: built whole and sent as one batch, the
 * argument lists and the driver's copy of them were about 80 MB held at once.
 */
public final class RowBatch {

    public static final int SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final String sql;
    private final List<Object[]> rows = new ArrayList<>(SIZE);
    private int sent;

    public RowBatch(JdbcTemplate jdbc, String sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    public void add(Object... row) {
        rows.add(row);
        if (rows.size() == SIZE) {
            send();
        }
    }

    /** Sends what is left; returns how many rows were sent in all. */
    public int finish() {
        send();
        return sent;
    }

    private void send() {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
            sent += rows.size();
            rows.clear();
        }
    }
}
