package org.budgetmonitor.ops;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

/**
 * One H2 transaction whose snapshot of every table is fixed when it is opened, written out later as
 * {@code SCRIPT TO} and zipped, while other connections go on committing.
 *
 * <p>H2's {@code SNAPSHOT} isolation level, not {@code REPEATABLE READ}: H2 2.4 (SessionLocal
 * {@code startStatementWithinTransaction}) pins the maps of <em>all</em> tables at the transaction's
 * first statement only under SNAPSHOT (and SERIALIZABLE); under REPEATABLE READ each table is pinned
 * when a statement first reads it, so SCRIPT would see a table it reaches late with the rows
 * committed since. Sequences are not transactional: an identity column is restarted past the
 * snapshot's rows (gaps, never a clash).
 *
 * <p>The script is written plain and zipped here at the fastest level: H2's own
 * {@code COMPRESSION ZIP} deflates at the default level, which took 40 % of the step (200,000
 * payments: SCRIPT alone 1.6 s of CPU, H2's zip 1.7 s more, ours 0.6 s for a file 17 % larger).
 * Restored with {@code RUNSCRIPT … COMPRESSION ZIP} (README, "Recovery").
 */
final class SnapshotScript implements AutoCloseable {

    /** {@code org.h2.engine.Constants.TRANSACTION_SNAPSHOT}; the driver is a runtime dependency only. */
    static final int H2_SNAPSHOT = 6;

    private final Connection connection;

    private SnapshotScript(Connection connection) {
        this.connection = connection;
    }

    /** Opens a connection of its own and fixes the snapshot before returning. */
    static SnapshotScript pin(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            // Through JDBC, not SQL, so that the pool knows to reset the level when the connection goes back.
            connection.setTransactionIsolation(H2_SNAPSHOT);
            // The transaction's first statement, whatever it reads, fixes the snapshot of every table. Not a
            // count of the payments: under SNAPSHOT H2 counts them one by one (2.3 s at a million).
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT 1")) {
                rs.next();
                return new SnapshotScript(connection);
            }
        } catch (SQLException | RuntimeException e) {
            end(connection, e);
            throw e;
        }
    }

    /** The snapshot as {@code script.sql} in a zip at {@code zip}; {@code script} is the plain script, deleted after. */
    void writeZip(Path script, Path zip) throws SQLException, IOException {
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SCRIPT TO '" + script.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
                out.setLevel(Deflater.BEST_SPEED);
                out.putNextEntry(new ZipEntry("script.sql")); // the entry RUNSCRIPT … COMPRESSION ZIP reads
                Files.copy(script, out);
                out.closeEntry();
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** Rolls the snapshot's transaction back and closes the connection; safe to call more than once. */
    @Override
    public void close() throws SQLException {
        if (!connection.isClosed()) {
            end(connection, null);
        }
    }

    private static void end(Connection connection, Exception pending) throws SQLException {
        try (connection) {
            connection.rollback(); // it wrote nothing; this ends the snapshot and lets H2 free the old versions
        } catch (SQLException e) {
            if (pending == null) {
                throw e;
            }
            pending.addSuppressed(e);
        }
    }
}
