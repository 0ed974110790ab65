package org.budgetmonitor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.budgetmonitor.ingest.DedupeKey;
import org.budgetmonitor.ingest.Disbursement;
import org.budgetmonitor.money.Money;
import org.budgetmonitor.spending.SpendingTotals;
import org.budgetmonitor.testing.EmbeddedPostgresDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration V8 on payments stored under codes not in their normal form: codes and identities are
 * normalised, nothing counted changes, and a later export of the same lines finds them. On H2 and
 * PostgreSQL.
 */
class ProjectCodesMigrationTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    private static Disbursement line(String code, String amount, String voucher, String originalVoucher) {
        return new Disbursement(MARCH_1, code, Money.ofYuan(amount), voucher, "甲", "摘要", "", "", originalVoucher);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void storedCodesAndIdentitiesAreNormalisedAndNothingCountedChanges(String database) {
        DataSource dataSource = database.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:mem:v8-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "")
                : new DriverManagerDataSource(EmbeddedPostgresDatabases.newDatabase(), "postgres", "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        flyway(dataSource, MigrationVersion.fromVersion("6")).migrate();

        String insert = """
                INSERT INTO disbursement (dedupe_key, occurrence, pay_date, project_code, amount_yuan, voucher_no, payee,
                    summary, funding_source, payment_id, original_voucher_no, source_file, source_line, job_instance_id,
                    file_id)
                VALUES (?, 1, ?, ?, ?, ?, '甲', '摘要', '', '', ?, 'x.csv', ?, 1, ?)""";
        // The same payment stored twice, once under each spelling (as an earlier version counted it).
        String lowerKey = DedupeKey.of(line("p1", "100.00", "V1", ""));
        String normalKey = DedupeKey.of(line("P1", "100.00", "V1", ""));
        jdbc.update(insert, lowerKey, MARCH_1, "p1", new BigDecimal("100.00"), "V1", "", 2, 1);
        jdbc.update(insert, normalKey, MARCH_1, "P1", new BigDecimal("100.00"), "V1", "", 2, 2);
        jdbc.update("INSERT INTO file_payment (file_id, pay_date, dedupe_key, occurrence) VALUES (3, ?, ?, 1)",
                MARCH_1, lowerKey);
        // A whole-voucher refund that named no project, split over the lines of voucher V9 (codes p2, ｐ3).
        String refundKey = DedupeKey.of(line("", "-30.00", "R1", "V9"));
        jdbc.update(insert, DedupeKey.part(refundKey, 0, "p2"), MARCH_1, "p2", new BigDecimal("-10.00"), "R1", "V9", 5, 4);
        jdbc.update(insert, DedupeKey.part(refundKey, 1, "ｐ3"), MARCH_1, "ｐ3", new BigDecimal("-20.00"), "R1", "V9", 5, 4);
        jdbc.update("""
                INSERT INTO pending_payment (file_id, source_file, line_no, request_date, project_code, amount_yuan,
                    voucher_no) VALUES (1, 'x.csv', 9, ?, ' p1 ', 5.00, 'V5')""", MARCH_1);
        // The totals as that version kept them (today's SpendingTotals needs the columns of V10).
        jdbc.update("INSERT INTO project_year_total (fiscal_year, project_code, m03_yuan) VALUES (2026, 'p1', 100.00),"
                + " (2026, 'P1', 100.00), (2026, 'p2', -10.00), (2026, 'ｐ3', -20.00)");
        jdbc.update("UPDATE totals_watermark SET through_payment_id = (SELECT MAX(id) FROM disbursement)");
        jdbc.update("INSERT INTO plan_load (fingerprint, loaded_at) VALUES ('f', CURRENT_TIMESTAMP)");

        flyway(dataSource, MigrationVersion.LATEST).migrate();

        assertThat(jdbc.queryForList("SELECT project_code || ' ' || dedupe_key || ' ' || occurrence FROM disbursement"
                + " ORDER BY id", String.class)).containsExactly(
                        "P1 " + normalKey + " 2", // the second of two occurrences: still counted, as it was
                        "P1 " + normalKey + " 1",
                        "P2 " + DedupeKey.part(refundKey, 0, "P2") + " 1",
                        "P3 " + DedupeKey.part(refundKey, 1, "P3") + " 1");
        assertThat(jdbc.queryForList("SELECT file_id || ' ' || dedupe_key || ' ' || occurrence FROM file_payment",
                String.class)).containsExactly("3 " + normalKey + " 2");
        assertThat(jdbc.queryForList("SELECT project_code FROM pending_payment", String.class)).containsExactly("P1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM plan_load", Integer.class)).isZero();
        // The totals are rebuilt from the payments, under the normal codes.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM project_year_total", Integer.class)).isZero();
        assertThat(new SpendingTotals(jdbc).catchUp()).isEqualTo(4);
        assertThat(jdbc.queryForList("SELECT project_code || ' ' || m03_yuan FROM project_year_total ORDER BY project_code",
                String.class)).containsExactly("P1 200.00", "P2 -10.00", "P3 -20.00");
        // An export of the line as it was written before now has the identity of the stored payment.
        assertThat(DedupeKey.of(line(org.budgetmonitor.support.ProjectCode.normalise("p1"), "100.00", "V1", "")))
                .isEqualTo(normalKey);
    }

    private static Flyway flyway(DataSource dataSource, MigrationVersion target) {
        return Flyway.configure().dataSource(dataSource)
                .javaMigrations(new V1__SpringBatchSchema(), new V8__AmountsAndProjectCodes(), new V10__PaymentCounts())
                .target(target).load();
    }
}
