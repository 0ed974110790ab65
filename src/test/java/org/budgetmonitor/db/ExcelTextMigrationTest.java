package org.budgetmonitor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.budgetmonitor.ingest.AmountUnit;
import org.budgetmonitor.ingest.DedupeKey;
import org.budgetmonitor.ingest.Disbursement;
import org.budgetmonitor.ingest.DisbursementColumns;
import org.budgetmonitor.ingest.DisbursementParser;
import org.budgetmonitor.ingest.ExportFormat;
import org.budgetmonitor.ingest.ExportRows;
import org.budgetmonitor.ingest.ParsedRow;
import org.budgetmonitor.money.Money;
import org.budgetmonitor.support.HeaderMapping;
import org.budgetmonitor.testing.EmbeddedPostgresDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration V26 on payments stored before a cell written as Excel's text formula {@code ="000123"} was
 * read as its text: those versions stored {@code ="000123"} itself. Their text and identity become
 * those the ingest now gives the same line, written either way, so that an export bringing them again
 * finds them; nothing counted changes, and the monthly totals stay those of the payments. On H2 and
 * PostgreSQL.
 */
class ExcelTextMigrationTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final ExportFormat FORMAT = new ExportFormat(StandardCharsets.UTF_8, ',', 0,
            HeaderMapping.of(List.of("支付日期", "项目编码", "金额", "凭证号", "收款人", "摘要", "支付流水号", "原凭证号"),
                    DisbursementColumns.ALIASES), AmountUnit.YUAN, "test");

    /** The identity today's ingest gives the line (date, code, amount, voucher, payee, summary, id, original). */
    private static String keyOfExported(String... cells) {
        List<String> row = List.of(cells);
        ParsedRow parsed = new DisbursementParser().parse(FORMAT, ExportRows.cells(row));
        return DedupeKey.of(((ParsedRow.Payment) parsed).disbursement());
    }

    private static Disbursement stored(String code, String amount, String voucher, String payee, String summary,
            String paymentId, String original) {
        return new Disbursement(MARCH_1, code, Money.ofYuan(amount), voucher, payee, summary, "", paymentId, original);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void storedExcelTextTakesItsTextAndItsIdentityWithItAndNothingCountedChanges(String database) {
        DataSource dataSource = database.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:mem:v26-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "")
                : new DriverManagerDataSource(EmbeddedPostgresDatabases.newDatabase(), "postgres", "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        flyway(dataSource, MigrationVersion.fromVersion("25")).migrate();

        String insert = """
                INSERT INTO disbursement (dedupe_key, occurrence, pay_date, project_code, amount_yuan, voucher_no, payee,
                    summary, funding_source, payment_id, original_voucher_no, source_file, source_line, job_instance_id,
                    file_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'x.csv', ?, 1, ?)""";
        // A: code, voucher and payee as Excel text (spaces inside the quotes too), held by file 3 as well.
        String aKey = DedupeKey.of(stored("=\"P1\"", "100.00", "=\"000123\"", "=\" 甲 \"", "摘要", "", ""));
        jdbc.update(insert, aKey, 1, MARCH_1, "=\"P1\"", new BigDecimal("100.00"), "=\"000123\"", "=\" 甲 \"", "摘要",
                "=\"一般公共预算\"", "", "", 2, 1);
        jdbc.update("INSERT INTO file_payment (file_id, pay_date, dedupe_key, occurrence, line_no) VALUES (3, ?, ?, 1, 5)",
                MARCH_1, aKey);
        // B: identified by its payment id, written as Excel text.
        String bKey = DedupeKey.of(stored("P1", "50.00", "V2", "乙", "摘要", "=\"PAY-7\"", ""));
        jdbc.update(insert, bKey, 1, MARCH_1, "P1", new BigDecimal("50.00"), "V2", "乙", "摘要", "", "=\"PAY-7\"", "", 3, 1);
        // C: stored twice before, from an export with Excel text and from a plain one: counted twice then.
        String cExcelKey = DedupeKey.of(stored("=\"P1\"", "30.00", "=\"000125\"", "丙", "摘要", "", ""));
        String cPlainKey = DedupeKey.of(stored("P1", "30.00", "000125", "丙", "摘要", "", ""));
        jdbc.update(insert, cExcelKey, 1, MARCH_1, "=\"P1\"", new BigDecimal("30.00"), "=\"000125\"", "丙", "摘要", "", "",
                "", 4, 1);
        jdbc.update(insert, cPlainKey, 1, MARCH_1, "P1", new BigDecimal("30.00"), "000125", "丙", "摘要", "", "", "", 2, 2);
        // D: a whole-voucher refund naming no project, of voucher ="V9", split over its lines (P2, P3).
        String refundKey = DedupeKey.of(stored("", "-30.00", "=\"R1\"", "甲", "退回", "", "=\"V9\""));
        jdbc.update(insert, DedupeKey.part(refundKey, 0, "P2"), 1, MARCH_1, "P2", new BigDecimal("-10.00"), "=\"R1\"",
                "甲", "退回", "", "", "=\"V9\"", 6, 1);
        jdbc.update(insert, DedupeKey.part(refundKey, 1, "P3"), 1, MARCH_1, "P3", new BigDecimal("-20.00"), "=\"R1\"",
                "甲", "退回", "", "", "=\"V9\"", 6, 1);
        // E: plain text, as most payments are: left as it is.
        String eKey = DedupeKey.of(stored("P1", "7.00", "V3", "丁", "摘要", "", ""));
        jdbc.update(insert, eKey, 1, MARCH_1, "P1", new BigDecimal("7.00"), "V3", "丁", "摘要", "", "", "", 3, 2);
        // The totals as that version kept them: ="P1" as a code of its own.
        jdbc.update("INSERT INTO project_year_total (fiscal_year, project_code, m03_yuan, m03_payments) VALUES"
                + " (2026, '=\"P1\"', 130.00, 2), (2026, 'P1', 87.00, 3), (2026, 'P2', -10.00, 1), (2026, 'P3', -20.00, 1)");
        jdbc.update("UPDATE totals_watermark SET through_payment_id = (SELECT MAX(id) FROM disbursement)");
        jdbc.update("""
                INSERT INTO pending_payment (file_id, source_file, line_no, request_date, project_code, amount_yuan,
                    voucher_no, payee, summary) VALUES (1, 'x.csv', 9, ?, '="P1"', 5.00, '="000126"', '="乙"', '摘要')""",
                MARCH_1);
        String awaitingKey = DedupeKey.of(stored("", "-5.00", "=\"R2\"", "甲", "退回", "", "=\"V8\""));
        jdbc.update("""
                INSERT INTO awaiting_refund (job_instance_id, file_id, source_file, line_no, dedupe_key, occurrence,
                    pay_date, amount_yuan, voucher_no, payee, summary, funding_source, payment_id, original_voucher_no,
                    reason)
                VALUES (1, 1, 'x.csv', 7, ?, 1, ?, -5.00, '="R2"', '甲', '退回', '', '', '="V8"', 'refund of voucher ="V8"')""",
                awaitingKey, MARCH_1);
        jdbc.update("""
                INSERT INTO rejected_row (job_instance_id, file_id, source_file, line_no, reason, raw_line, project_code)
                VALUES (1, 1, 'x.csv', 8, 'r', '2026-02-30,="P1",1.00,="V0"', '="P1"')""");
        BigDecimal before = jdbc.queryForObject("SELECT SUM(amount_yuan) FROM disbursement", BigDecimal.class);

        flyway(dataSource, MigrationVersion.LATEST).migrate();

        // Each identity is the one today's ingest gives the line, written plain or as Excel text.
        String a = keyOfExported("2026-03-01", "P1", "100.00", "000123", "甲", "摘要", "", "");
        assertThat(keyOfExported("2026-03-01", "=\"P1\"", "100.00", "=\"000123\"", "=\" 甲 \"", "摘要", "", ""))
                .isEqualTo(a);
        String b = keyOfExported("2026-03-01", "P1", "50.00", "V2", "乙", "摘要", "=\"PAY-7\"", "");
        String c = keyOfExported("2026-03-01", "P1", "30.00", "000125", "丙", "摘要", "", "");
        String refund = keyOfExported("2026-03-01", "", "-30.00", "=\"R1\"", "甲", "退回", "", "=\"V9\"");
        assertThat(jdbc.queryForList("SELECT project_code || ' ' || dedupe_key || ' ' || occurrence FROM disbursement"
                + " ORDER BY id", String.class)).containsExactly(
                        "P1 " + a + " 1",
                        "P1 " + b + " 1",
                        "P1 " + c + " 2", // the second of two occurrences: still counted, as it was
                        "P1 " + c + " 1",
                        "P2 " + DedupeKey.part(refund, 0, "P2") + " 1",
                        "P3 " + DedupeKey.part(refund, 1, "P3") + " 1",
                        "P1 " + eKey + " 1");
        assertThat(jdbc.queryForList("SELECT voucher_no || '|' || payee || '|' || funding_source || '|'"
                + " || COALESCE(payment_id, '') || '|' || COALESCE(original_voucher_no, '') FROM disbursement ORDER BY id",
                String.class)).containsExactly("000123|甲|一般公共预算||", "V2|乙||PAY-7|", "000125|丙|||",
                        "000125|丙|||", "R1|甲|||V9", "R1|甲|||V9", "V3|丁|||");
        assertThat(jdbc.queryForList("SELECT file_id || ' ' || dedupe_key || ' ' || occurrence || ' ' || line_no"
                + " FROM file_payment", String.class)).containsExactly("3 " + a + " 1 5");
        assertThat(jdbc.queryForObject("SELECT SUM(amount_yuan) FROM disbursement", BigDecimal.class))
                .isEqualByComparingTo(before);
        // The totals moved with their payments: each code's row is what its payments add up to.
        assertThat(jdbc.queryForList("SELECT project_code || ' ' || m03_yuan || ' ' || m03_payments"
                + " FROM project_year_total ORDER BY project_code", String.class))
                .containsExactly("P1 217.00 5", "P2 -10.00 1", "P3 -20.00 1");
        assertThat(jdbc.queryForList("SELECT project_code || ' ' || SUM(amount_yuan) || ' ' || COUNT(*)"
                + " FROM disbursement GROUP BY project_code ORDER BY project_code", String.class))
                .containsExactly("P1 217.00 5", "P2 -10.00 1", "P3 -20.00 1");
        assertThat(jdbc.queryForList("SELECT project_code || '|' || voucher_no || '|' || payee FROM pending_payment",
                String.class)).containsExactly("P1|000126|乙");
        // A refund waiting for voucher V8 is placed once V8 is stored, whichever way its export writes it.
        assertThat(jdbc.queryForList("SELECT voucher_no || '|' || original_voucher_no || '|' || dedupe_key"
                + " FROM awaiting_refund", String.class)).containsExactly(
                        "R2|V8|" + keyOfExported("2026-03-01", "", "-5.00", "R2", "甲", "退回", "", "V8"));
        assertThat(jdbc.queryForList("SELECT project_code || '|' || raw_line FROM rejected_row", String.class))
                .containsExactly("P1|2026-02-30,=\"P1\",1.00,=\"V0\""); // the line as the file has it
    }

    private static Flyway flyway(DataSource dataSource, MigrationVersion target) {
        return Flyway.configure().dataSource(dataSource)
                .javaMigrations(new V1__SpringBatchSchema(), new V8__AmountsAndProjectCodes(), new V10__PaymentCounts(),
                        new org.budgetmonitor.variance.V21__FlagsOfStoredNights(), new V22__LineBreaksInPaymentText(),
                        new V26__ExcelTextInPaymentText())
                .target(target).load();
    }
}
