package org.budgetmonitor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.budgetmonitor.ingest.DedupeKey;
import org.budgetmonitor.ingest.Disbursement;
import org.budgetmonitor.money.Money;
import org.budgetmonitor.testing.EmbeddedPostgresDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration V22 on payments stored with a CR in their text (from a CRLF export with a line break
 * inside a quoted field): the text and the identity become those an LF export of the same line has,
 * and nothing counted changes. On H2 and PostgreSQL.
 */
class LineBreaksMigrationTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    private static Disbursement line(String code, String amount, String voucher, String summary, String original) {
        return new Disbursement(MARCH_1, code, Money.ofYuan(amount), voucher, "甲", summary, "", "", original);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void storedTextTakesTheLineBreaksOfAnLfExportAndItsIdentityWithItAndNothingCountedChanges(String database) {
        DataSource dataSource = database.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:mem:v22-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "")
                : new DriverManagerDataSource(EmbeddedPostgresDatabases.newDatabase(), "postgres", "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        flyway(dataSource, MigrationVersion.fromVersion("21")).migrate();

        String insert = """
                INSERT INTO disbursement (dedupe_key, occurrence, pay_date, project_code, amount_yuan, voucher_no, payee,
                    summary, funding_source, payment_id, original_voucher_no, source_file, source_line, job_instance_id,
                    file_id)
                VALUES (?, ?, ?, ?, ?, ?, '甲', ?, '', '', ?, 'x.csv', ?, 1, ?)""";
        // V1 from a CRLF export, held by file 3 too; V2 stored from both kinds of file (counted twice before).
        String crlfKey = DedupeKey.of(line("P1", "100.00", "V1", "办公用品\r\n第二批", ""));
        String lfKey = DedupeKey.of(line("P1", "100.00", "V1", "办公用品\n第二批", ""));
        jdbc.update(insert, crlfKey, 1, MARCH_1, "P1", new BigDecimal("100.00"), "V1", "办公用品\r\n第二批", "", 2, 1);
        jdbc.update("INSERT INTO file_payment (file_id, pay_date, dedupe_key, occurrence, line_no) VALUES (3, ?, ?, 1, 2)",
                MARCH_1, crlfKey);
        String v2Lf = DedupeKey.of(line("P1", "50.00", "V2", "会议\n茶歇", ""));
        jdbc.update(insert, v2Lf, 1, MARCH_1, "P1", new BigDecimal("50.00"), "V2", "会议\n茶歇", "", 4, 2);
        jdbc.update(insert, DedupeKey.of(line("P1", "50.00", "V2", "会议\r茶歇", "")), 1, MARCH_1, "P1",
                new BigDecimal("50.00"), "V2", "会议\r茶歇", "", 4, 1);
        // A whole-voucher refund that named no project, with a CR in its summary, split over V9's lines.
        String refundKey = DedupeKey.of(line("", "-30.00", "R1", "退回\r\n多付", "V9"));
        jdbc.update(insert, DedupeKey.part(refundKey, 0, "P2"), 1, MARCH_1, "P2", new BigDecimal("-10.00"), "R1",
                "退回\r\n多付", "V9", 5, 4);
        jdbc.update(insert, DedupeKey.part(refundKey, 1, "P3"), 1, MARCH_1, "P3", new BigDecimal("-20.00"), "R1",
                "退回\r\n多付", "V9", 5, 4);
        BigDecimal before = jdbc.queryForObject("SELECT SUM(amount_yuan) FROM disbursement", BigDecimal.class);

        flyway(dataSource, MigrationVersion.LATEST).migrate();

        String lfRefundKey = DedupeKey.of(line("", "-30.00", "R1", "退回\n多付", "V9"));
        assertThat(jdbc.queryForList("SELECT dedupe_key || ' ' || occurrence FROM disbursement ORDER BY id",
                String.class)).containsExactly(
                        lfKey + " 1",
                        v2Lf + " 1",
                        v2Lf + " 2", // the second of two occurrences: still counted, as it was
                        DedupeKey.part(lfRefundKey, 0, "P2") + " 1",
                        DedupeKey.part(lfRefundKey, 1, "P3") + " 1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disbursement WHERE POSITION(CHR(13) IN summary) > 0",
                Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT file_id || ' ' || dedupe_key FROM file_payment", String.class))
                .containsExactly("3 " + lfKey);
        assertThat(jdbc.queryForObject("SELECT SUM(amount_yuan) FROM disbursement", BigDecimal.class))
                .isEqualByComparingTo(before);
    }

    private static Flyway flyway(DataSource dataSource, MigrationVersion target) {
        return Flyway.configure().dataSource(dataSource)
                .javaMigrations(new V1__SpringBatchSchema(), new V8__AmountsAndProjectCodes(), new V10__PaymentCounts(),
                        new org.budgetmonitor.variance.V21__FlagsOfStoredNights(), new V22__LineBreaksInPaymentText())
                .target(target).load();
    }
}
