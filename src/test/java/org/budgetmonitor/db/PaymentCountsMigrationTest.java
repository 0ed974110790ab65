package org.budgetmonitor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

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
 * Migration V10 on monthly totals kept under V9: the payments already counted get their monthly
 * counts from the stored payments, those above the watermark are left to the next catch-up, and a
 * code whose payments net to 0 still has payments. On H2 and PostgreSQL.
 */
class PaymentCountsMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theMonthlyTotalsOfEarlierNightsGetTheirPaymentCounts(String database) {
        DataSource dataSource = database.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:mem:v10-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "")
                : new DriverManagerDataSource(EmbeddedPostgresDatabases.newDatabase(), "postgres", "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        flyway(dataSource, MigrationVersion.fromVersion("9")).migrate();
        String insert = """
                INSERT INTO disbursement (id, dedupe_key, occurrence, pay_date, project_code, amount_yuan, voucher_no,
                    source_file, source_line, job_instance_id, file_id)
                VALUES (?, ?, 1, CAST(? AS DATE), ?, ?, ?, 'a.csv', 2, 1, 1)""";
        jdbc.update(insert, 1, "k1", "2026-02-10", "X8", new BigDecimal("100.00"), "V1");
        jdbc.update(insert, 2, "k2", "2026-02-20", "X8", new BigDecimal("-100.00"), "V2");
        jdbc.update(insert, 3, "k3", "2026-05-15", "X9", new BigDecimal("3600.00"), "V3");
        // The totals of V9 hold the first three; a fourth came after the last catch-up.
        jdbc.update("INSERT INTO project_year_total (fiscal_year, project_code, m02_yuan) VALUES (2026, 'X8', 0)");
        jdbc.update("INSERT INTO project_year_total (fiscal_year, project_code, m05_yuan) VALUES (2026, 'X9', 3600)");
        jdbc.update("UPDATE totals_watermark SET through_payment_id = 3");
        jdbc.update(insert, 4, "k4", "2026-03-01", "X7", new BigDecimal("5.00"), "V4");

        flyway(dataSource, MigrationVersion.LATEST).migrate();

        assertThat(jdbc.queryForList("SELECT project_code || ' ' || m02_payments || ' ' || m05_payments"
                + " FROM project_year_total ORDER BY project_code", String.class)).containsExactly("X8 2 0", "X9 0 1");
        SpendingTotals totals = new SpendingTotals(jdbc);
        assertThat(totals.codesWithPaymentsThrough(LocalDate.of(2026, 3, 31))).containsExactly("X8");
        assertThat(totals.catchUp()).isEqualTo(1);
        assertThat(totals.codesWithPaymentsThrough(LocalDate.of(2026, 3, 31))).containsExactlyInAnyOrder("X8", "X7");
        assertThat(totals.codesWithPaymentsThrough(LocalDate.of(2026, 5, 15))).containsExactlyInAnyOrder("X7", "X8", "X9");
    }

    private static Flyway flyway(DataSource dataSource, MigrationVersion target) {
        return Flyway.configure().dataSource(dataSource)
                .javaMigrations(new V1__SpringBatchSchema(), new V8__AmountsAndProjectCodes(), new V10__PaymentCounts())
                .target(target).load();
    }
}
