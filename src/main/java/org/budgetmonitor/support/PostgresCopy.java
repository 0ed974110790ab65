package org.budgetmonitor.support;

import java.io.IOException;
import java.io.Reader;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL's {@code COPY … FROM STDIN (FORMAT csv)} for the statements that store thousands of rows
 * a night: one stream the server parses as data, where a batch of inserts is a statement a row (on a
 * province's night, 50,000 variance rows took 2.1 s batched). On the caller's connection, so within
 * its transaction. The rows are written with {@link #text} and {@link #field}; H2 keeps the batches.
 */
public final class PostgresCopy {

    /** About how many characters of lines are formatted at a time (the driver sends 64 K characters a write). */
    private static final int PART = 64 * 1024;

    private PostgresCopy() {
    }

    /** Whether the template's database is PostgreSQL (COPY is its own statement). */
    public static boolean isPostgres(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c ->
                "PostgreSQL".equals(c.getMetaData().getDatabaseProductName())));
    }

    /** Writes one row's CSV line, its line break included. */
    @FunctionalInterface
    public interface RowFormat<T> {

        /** @param index the row's place in the list, from 0 */
        void line(StringBuilder out, int index, T row);
    }

    /**
     * Runs {@code copySql} with the rows' CSV lines, each formatted as the server asks for more: the server
     * stores one part while the next is formatted, and a night's 50,000 rows are never one text of 20 MB.
     * Returns the rows copied.
     */
    public static <T> long copyIn(JdbcTemplate jdbc, String copySql, List<T> rows, RowFormat<T> format) {
        return copyIn(jdbc, copySql, lines(rows, format));
    }

    private static long copyIn(JdbcTemplate jdbc, String copySql, Reader csv) {
        Long copied = jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, csv);
            } catch (IOException e) {
                throw new SQLException("COPY failed: " + copySql.lines().findFirst().orElse(copySql), e);
            }
        });
        return copied == null ? 0 : copied;
    }

    /** The rows' lines as a reader, formatted a part at a time (a part ends after the line that passes PART chars). */
    static <T> Reader lines(List<T> rows, RowFormat<T> format) {
        return new Reader() {
            private final StringBuilder part = new StringBuilder(PART + 1024);
            private int next;
            private int at;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                while (at == part.length()) {
                    if (next == rows.size()) {
                        return -1;
                    }
                    part.setLength(0);
                    at = 0;
                    while (next < rows.size() && part.length() < PART) {
                        format.line(part, next, rows.get(next));
                        next++;
                    }
                }
                int n = Math.min(length, part.length() - at);
                part.getChars(at, at + n, buffer, offset);
                at += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * A text field, always quoted (an empty text stays empty), or nothing at all for null: COPY's CSV
     * format reads an unquoted empty field as NULL. Inside quotes only the quote itself is doubled;
     * line breaks, backslashes and {@code \.} are data there.
     */
    public static StringBuilder text(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        out.append('"');
        if (value.indexOf('"') < 0) {
            // Most text has no quote: appended whole, not a character at a time (a night's 50,000 rows, four texts each).
            return out.append(value).append('"');
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }

    /** A number, date or boolean field in its SQL text form, or nothing for null. */
    public static StringBuilder field(StringBuilder out, Object value) {
        if (value instanceof java.math.BigDecimal decimal) {
            return out.append(decimal.toPlainString());
        }
        if (value instanceof Boolean flag) {
            return out.append(flag ? 't' : 'f');
        }
        return value == null ? out : out.append(value);
    }
}
