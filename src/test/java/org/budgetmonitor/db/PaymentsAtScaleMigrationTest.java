package org.budgetmonitor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import javax.sql.DataSource;

import org.budgetmonitor.spending.SpendingTotals;
import org.budgetmonitor.testing.EmbeddedPostgresDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration V6 on a database that holds payments stored under V5: every payment keeps its place,
 * is owned by the earliest file holding it, the other holders are kept, and the first catch-up
 * puts every payment into the monthly totals. On H2 and PostgreSQL.
 */
class PaymentsAtScaleMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void paymentsStoredBeforeKeepTheirFilesAndEnterTheMonthlyTotals(String database) {
        DataSource dataSource = database.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:mem:v6-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "")
                : new DriverManagerDataSource(EmbeddedPostgresDatabases.newDatabase(), "postgres", "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        flyway(dataSource, "5").migrate();

        // Under V5: payment k1 held by files 1 and 2 (an overlap), k2 by file 2 only.
        String insert = """
                INSERT INTO disbursement (dedupe_key, occurrence, pay_date, project_code, amount_yuan, voucher_no,
                    source_file, source_line, job_instance_id)
                VALUES (?, 1, CAST(? AS DATE), 'P1', ?, ?, ?, 2, 1)""";
        jdbc.update(insert, "k1", "2026-01-10", new BigDecimal("100.00"), "V1", "a.csv");
        jdbc.update(insert, "k2", "2026-02-10", new BigDecimal("-30.00"), "V2", "b.csv");
        jdbc.update("INSERT INTO file_payment (file_id, dedupe_key, occurrence) VALUES (1, 'k1', 1), (2, 'k1', 1), "
                + "(2, 'k2', 1)");

        flyway(dataSource, "latest").migrate();

        assertThat(jdbc.queryForList("SELECT dedupe_key || ' ' || file_id FROM disbursement ORDER BY dedupe_key",
                String.class)).containsExactly("k1 1", "k2 2");
        assertThat(jdbc.queryForList("SELECT file_id || ' ' || dedupe_key || ' ' || pay_date FROM file_payment",
                String.class)).containsExactly("2 k1 2026-01-10");
        SpendingTotals totals = new SpendingTotals(jdbc);
        assertThat(totals.catchUp()).isEqualTo(2);
        List<String> months = jdbc.query("SELECT m01_yuan, m02_yuan FROM project_year_total WHERE project_code = 'P1'",
                (rs, n) -> rs.getBigDecimal(1).stripTrailingZeros().toPlainString() + " "
                        + rs.getBigDecimal(2).stripTrailingZeros().toPlainString());
        assertThat(months).containsExactly("100 -30");
    }

    private static Flyway flyway(DataSource dataSource, String target) {
        return Flyway.configure().dataSource(dataSource).javaMigrations(new V1__SpringBatchSchema(), new V10__PaymentCounts())
                .target(target.equals("latest") ? MigrationVersion.LATEST : MigrationVersion.fromVersion(target))
                .load();
    }
}
