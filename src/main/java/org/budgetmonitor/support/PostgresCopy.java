package org.budgetmonitor.support;

import java.io.IOException;
import java.io.Reader;
import java.sql.SQLException;

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

    private PostgresCopy() {
    }

    /** Whether the template's database is PostgreSQL (COPY is its own statement). */
    public static boolean isPostgres(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c ->
                "PostgreSQL".equals(c.getMetaData().getDatabaseProductName())));
    }

    /** Runs {@code copySql} (a {@code COPY … FROM STDIN (FORMAT csv)}) with these CSV lines; returns the rows copied. */
    public static long copyIn(JdbcTemplate jdbc, String copySql, CharSequence csv) {
        Long copied = jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, readerOf(csv));
            } catch (IOException e) {
                throw new SQLException("COPY failed: " + copySql.lines().findFirst().orElse(copySql), e);
            }
        });
        return copied == null ? 0 : copied;
    }

    /** Reads the text where it lies: a night's rows are tens of megabytes, and a String of them a copy of them. */
    private static Reader readerOf(CharSequence text) {
        return new Reader() {
            private int at;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (at >= text.length()) {
                    return -1;
                }
                int n = Math.min(length, text.length() - at);
                if (text instanceof StringBuilder builder) {
                    builder.getChars(at, at + n, buffer, offset);
                } else {
                    for (int i = 0; i < n; i++) {
                        buffer[offset + i] = text.charAt(at + i);
                    }
                }
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
