package org.budgetmonitor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for jobs/bench.sh (the same io.zonky binaries the tests use): starts it
 * with its data in the given directory, creates databases {@code bench} and {@code floor}, prints
 * "ready PORT" and runs until its standard input closes.
 *
 * <p>Usage: BenchPostgres &lt;data-dir&gt;
 */
public final class BenchPostgres {

    private BenchPostgres() {
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
            while (System.in.read() >= 0) {
                // until bench.sh closes our input
            }
        }
    }
}
