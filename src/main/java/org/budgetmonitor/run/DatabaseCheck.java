package org.budgetmonitor.run;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.budgetmonitor.ops.DatabaseBackups;

/**
 * Compares the database with the journal of completed runs before anything opens it for writing:
 * an H2 file that is missing, empty, unreadable, or that opens at an older state than the last run
 * the journal recorded (H2 silently falls back to an older chunk of a file cut short) stops the run.
 * On a fresh data directory (no journal) and for a database the journal never saw, there is nothing
 * to compare and nothing is said.
 */
public final class DatabaseCheck {

    /** What the check has to say that does not stop the run (corrupt journal lines). */
    public record Outcome(List<String> warnings) {
    }

    private final Path dataDir;
    private final String url;
    private final String username;
    private final String password;

    public DatabaseCheck(Path dataDir, String url, String username, String password) {
        this.dataDir = dataDir;
        this.url = url;
        this.username = username == null ? "" : username;
        this.password = password == null ? "" : password;
    }

    /** The H2 data file a URL names, when it is an embedded file database. */
    public static Optional<Path> h2File(String url) {
        Optional<String> id = RunJournal.databaseId(url);
        if (id.isEmpty() || !id.get().startsWith("h2:")) {
            return Optional.empty();
        }
        String path = id.get().substring("h2:".length());
        if (path.startsWith("tcp:") || path.startsWith("ssl:") || path.startsWith("zip:")) {
            return Optional.empty();
        }
        path = path.startsWith("file:") ? path.substring("file:".length()) : path;
        return Optional.of(Path.of(path + ".mv.db"));
    }

    public Outcome run() throws IOException {
        RunJournal journal = new RunJournal(dataDir);
        RunJournal.Contents contents = journal.read();
        List<String> warnings = new ArrayList<>(contents.corrupt().stream().map(RunJournal.CorruptLine::describe).toList());
        if (Files.isRegularFile(journal.file()) && Files.size(journal.file()) == 0) {
            // Never written empty (every append adds a line): something cut it, and the check has nothing to go by.
            warnings.add("the run journal " + journal.file() + " is empty (0 bytes): it is never written empty, something"
                    + " cut it (a full disk, a crash during a copy, a bad restore); the database could not be compared"
                    + " with the runs that completed");
        }
        Optional<String> database = RunJournal.databaseId(url);
        if (database.isEmpty()) {
            return new Outcome(warnings);
        }
        List<RunJournal.Entry> runs = contents.on(database.get());
        Optional<Path> h2 = h2File(url);
        String what = h2.map(Path::toString).orElse(database.get());
        RunJournal.Entry last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        // What the journal vouches for; without a journal (a data directory older than it) H2's own verdict stands.
        String history = last == null ? ""
                : ", but the run journal (" + journal.file() + ") says " + runs.size() + " runs completed on it, the last "
                        + last.describe();
        if (h2.isPresent()) {
            if (!Files.exists(h2.get())) {
                if (last == null) {
                    return new Outcome(warnings); // a fresh data directory: Flyway creates the database
                }
                throw damaged(what + " is missing" + history + ".", warnings);
            }
            if (Files.size(h2.get()) == 0) {
                throw damaged(what + " is empty (0 bytes)" + (last == null
                        ? ": an H2 database file is never empty, something cut it (a full disk, a crash during a copy, a bad restore)"
                        : history) + ".", warnings);
            }
            try (Connection connection = connect(h2)) {
                if (last != null) {
                    compare(connection, last, what, history, warnings);
                }
            } catch (SQLException e) {
                throw damaged(what + " cannot be opened by H2 (" + firstLine(e.getMessage()) + ")" + history + ".",
                        warnings);
            }
            return new Outcome(warnings);
        }
        if (last == null) {
            return new Outcome(warnings); // a fresh database, or a journal begun after this one
        }
        try (Connection connection = connect(h2)) {
            compare(connection, last, what, history, warnings);
        } catch (SQLException e) {
            // A server that cannot be reached is not a damaged database: the start-up says why it failed.
            warnings.add("could not compare " + what + " with the run journal: " + e.getMessage());
        }
        return new Outcome(warnings);
    }

    private Connection connect(Optional<Path> h2) throws SQLException {
        if (h2.isPresent()) {
            // Read-only and only if it exists: the check must neither repair nor replace the file it judges.
            String base = h2.get().toString();
            base = base.substring(0, base.length() - ".mv.db".length());
            return DriverManager.getConnection("jdbc:h2:file:" + base + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r",
                    username, password);
        }
        return DriverManager.getConnection(url, username, password);
    }

    private void compare(Connection connection, RunJournal.Entry last, String what, String history,
            List<String> warnings) {
        Long latest;
        try {
            latest = single(connection, "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
        } catch (SQLException e) {
            throw damaged(what + " holds no job repository (it is empty or not ours)" + history + ".", warnings);
        }
        String found;
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT i.JOB_NAME, e.STATUS, p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                LEFT JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'asOf'
                WHERE e.JOB_EXECUTION_ID = ?""")) {
            statement.setLong(1, last.executionId());
            try (ResultSet rs = statement.executeQuery()) {
                found = rs.next() ? rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) : null;
            }
        } catch (SQLException e) {
            throw damaged(what + " cannot be read (" + firstLine(e.getMessage()) + ")" + history + ".", warnings);
        }
        String expected = last.job() + " COMPLETED " + last.asOf();
        if (!expected.equals(found)) {
            throw damaged(what + " holds an older state than the runs that completed" + history
                    + "; the database " + (found == null ? "has no record of that run" : "records it as " + found)
                    + " (its newest run is execution " + latest + ").", warnings);
        }
        if (latest != null && latest == last.executionId()) {
            // Nothing ran since: what the run left must still be there, to the 分.
            try {
                if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                    // The count runs beside the start (PendingDatabaseCheck): one server process, not a parallel
                    // scan's three, so that the start keeps a core of a small machine.
                    connection.createStatement().execute("SET max_parallel_workers_per_gather = 0");
                }
                ResultSet rs = connection.createStatement().executeQuery(RunJournal.FINGERPRINT);
                rs.next();
                long payments = rs.getLong(1);
                BigDecimal total = rs.getBigDecimal(2);
                if (payments != last.payments() || total.compareTo(last.totalYuan()) != 0) {
                    throw damaged(what + " holds " + payments + " payments (monthly totals " + total.toPlainString()
                            + " 元)" + history + ".", warnings);
                }
            } catch (SQLException e) {
                throw damaged(what + " cannot be read (" + firstLine(e.getMessage()) + ")" + history + ".",
                        warnings);
            }
        }
    }

    private static Long single(Connection connection, String sql) throws SQLException {
        try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            long value = rs.getLong(1);
            return rs.wasNull() ? null : value;
        }
    }

    private DamagedDatabaseException damaged(String what, List<String> warnings) {
        StringBuilder message = new StringBuilder("the database is damaged; nothing was run.\n  ").append(what);
        warnings.forEach(w -> message.append("\n  ").append(w));
        message.append("\n  The way out: rebuild it from the archived exports with --job=rebuild (same --plan-dir,")
                .append(" --archive-dir and --data-dir; the damaged file is kept beside it)");
        Optional<Path> backup = DatabaseBackups.newest(dataDir);
        if (h2File(url).isPresent()) {
            message.append(backup.map(b -> ", or restore the newest backup, " + b
                    + " (the database as it was before that night's ingest: then move " + RunJournal.FILE_NAME
                    + " aside and run that night and the later ones again; README, \"Recovery\")")
                    .orElse(" (README, \"Recovery\")"));
        } else {
            message.append(", or restore the server's backup (README, \"Recovery\")");
        }
        return new DamagedDatabaseException(message.append('.').toString());
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no reason given";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
