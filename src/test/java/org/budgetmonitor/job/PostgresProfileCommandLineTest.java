package org.budgetmonitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.budgetmonitor.BudgetMonitorApplication;
import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.testing.EmbeddedPostgresDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line with --spring.profiles.active=postgres gives the same variance table as on H2. */
class PostgresProfileCommandLineTest {

    @TempDir
    Path tmp;

    private int run(String... args) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return BudgetMonitorApplication.run(args);
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void theNightlyJobOnPostgresGivesTheFiguresOfTheEmbeddedDefault() throws Exception {
        String url = EmbeddedPostgresDatabases.newDatabase();

        int onPostgres = run("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--as-of=2026-06-30", "--output-dir=" + tmp.resolve("pg"),
                "--data-dir=" + tmp.resolve("pg-data"));
        int again = run("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--as-of=2026-06-30", "--output-dir=" + tmp.resolve("pg2"),
                "--data-dir=" + tmp.resolve("pg-data"));
        int onH2 = run("--as-of=2026-06-30", "--output-dir=" + tmp.resolve("h2"), "--data-dir=" + tmp.resolve("h2-data"));

        assertThat(onPostgres).isEqualTo(ExitCodes.SUCCESS);
        assertThat(again).isEqualTo(ExitCodes.SUCCESS);
        assertThat(onH2).isEqualTo(ExitCodes.SUCCESS);
        var h2 = Files.readAllLines(tmp.resolve("h2/2026-06-30/variance-2026-06-30.csv"));
        assertThat(Files.readAllLines(tmp.resolve("pg/2026-06-30/variance-2026-06-30.csv"))).isEqualTo(h2);
        assertThat(Files.readAllLines(tmp.resolve("pg2/2026-06-30/variance-2026-06-30.csv"))).isEqualTo(h2);
        assertThat(tmp.resolve("pg-data/budget-monitor.mv.db")).doesNotExist();
    }
}
