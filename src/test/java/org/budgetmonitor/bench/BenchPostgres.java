package org.budgetmonitor.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for jobs/bench.sh (the same io.zonky binaries the tests use): starts it
 * with its data in the given directory, creates databases {@code bench} and {@code floor}, prints
 * "ready PORT" and runs until its standard input closes; a line "settle DATABASE" on it vacuums and
 * analyses that database and writes a checkpoint (see {@link #settle}), a line "sql STATEMENT" runs the
 * statement on the server's own database and prints "done STATEMENT".
 *
 * <p>Usage: BenchPostgres &lt;data-dir&gt;
 */
public final class BenchPostgres {

    private BenchPostgres() {
    }

    /**
     * The server as a night finds it, a day after the load before: the database vacuumed and analysed (what
     * autovacuum does in the hours between, and would otherwise do during the measured night) and a checkpoint
     * written. Prints "settled SECONDS".
     */
    private static void settle(EmbeddedPostgres server, String database) throws Exception {
        long start = System.nanoTime();
        try (Connection c = server.getDatabase("postgres", database).getConnection()) {
            c.setAutoCommit(true);
            c.createStatement().execute("VACUUM (ANALYZE)");
            c.createStatement().execute("CHECKPOINT");
        }
        System.out.printf("settled %.1f%n", (System.nanoTime() - start) / 1e9);
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createDirectories(Path.of(args[0]));
        // Server settings for bulk work on a small machine. Durability as in production: the embedded
        // server's defaults turn fsync and synchronous commits off, which would flatter every commit.
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "256MB").setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min").setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on").start()) {
            try (Connection c = server.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("CREATE DATABASE bench");
                c.createStatement().execute("CREATE DATABASE floor");
            }
            System.out.println("ready " + server.getPort());
            System.out.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command; (command = commands.readLine()) != null;) {
                if (command.startsWith("settle ")) {
                    settle(server, command.substring("settle ".length()).trim());
                } else if (command.startsWith("sql ")) {
                    // e.g. CREATE DATABASE … TEMPLATE …: the night measured again from the same state
                    String sql = command.substring("sql ".length());
                    try (Connection c = server.getPostgresDatabase().getConnection()) {
                        c.createStatement().execute(sql);
                        System.out.println("done " + sql);
                    } catch (SQLException e) {
                        System.out.println("done failed (" + e.getMessage().lines().findFirst().orElse("") + "): " + sql);
                    }
                    System.out.flush();
                }
            }
        }
    }
}
