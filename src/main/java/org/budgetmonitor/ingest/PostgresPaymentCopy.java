package org.budgetmonitor.ingest;

import static org.budgetmonitor.support.PostgresCopy.text;

import java.util.List;

import org.budgetmonitor.ingest.DisbursementRepository.PaymentRow;
import org.budgetmonitor.support.PostgresCopy;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores a chunk of payments on PostgreSQL in three round trips instead of one statement per
 * line: COPY the chunk into a staging table, insert the lines whose identity is new in one
 * statement, and record in one more that the file also holds the payments other files brought.
 * Same outcome as the portable batched statements of {@link DisbursementRepository}; the server
 * parses and plans two statements a chunk instead of two thousand.
 */
final class PostgresPaymentCopy {

    // Temporary, so every session has its own; ON COMMIT DELETE ROWS empties it in place with each
    // chunk's commit (a DELETE would leave dead rows that nothing vacuums in a temporary table).
    private static final String CREATE_STAGE = """
            CREATE TEMPORARY TABLE IF NOT EXISTS payment_stage (
                seq INTEGER, dedupe_key VARCHAR(64), occurrence INTEGER, pay_date DATE, project_code VARCHAR(64),
                amount_yuan NUMERIC(20,2), voucher_no VARCHAR(100), payee VARCHAR(500), summary VARCHAR(2000),
                funding_source VARCHAR(200), payment_id VARCHAR(100), original_voucher_no VARCHAR(100),
                original_known BOOLEAN, source_file VARCHAR(500), source_line BIGINT, file_id BIGINT
            ) ON COMMIT DELETE ROWS""";

    private static final String COPY_STAGE = """
            COPY payment_stage (seq, dedupe_key, occurrence, pay_date, project_code, amount_yuan, voucher_no, payee,
                summary, funding_source, payment_id, original_voucher_no, original_known, source_file, source_line,
                file_id)
            FROM STDIN (FORMAT csv)""";

    // In line order, so payment ids follow the files as with the batched statements; a line whose
    // identity is stored already (or came earlier in the chunk) is skipped by the identity constraint.
    private static final String INSERT_NEW = """
            INSERT INTO disbursement (dedupe_key, occurrence, pay_date, project_code, amount_yuan, voucher_no, payee,
                summary, funding_source, payment_id, original_voucher_no, original_known, source_file, source_line,
                job_instance_id, file_id)
            SELECT dedupe_key, occurrence, pay_date, project_code, amount_yuan, voucher_no, payee, summary,
                funding_source, payment_id, original_voucher_no, original_known, source_file, source_line, ?, file_id
            FROM payment_stage ORDER BY seq
            ON CONFLICT (pay_date, dedupe_key, occurrence) DO NOTHING""";

    private static final String INSERT_HOLDINGS = """
            INSERT INTO file_payment (file_id, pay_date, dedupe_key, occurrence, line_no)
            SELECT s.file_id, s.pay_date, s.dedupe_key, s.occurrence, MIN(s.source_line)
            FROM payment_stage s
            JOIN disbursement d ON d.pay_date = s.pay_date AND d.dedupe_key = s.dedupe_key
                               AND d.occurrence = s.occurrence
            WHERE d.file_id <> s.file_id
            GROUP BY s.file_id, s.pay_date, s.dedupe_key, s.occurrence
            ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;

    PostgresPaymentCopy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the rows within the caller's transaction (the staging table empties at its commit);
     * returns how many were new.
     */
    int store(List<PaymentRow> rows, long jobInstanceId) {
        jdbc.execute(CREATE_STAGE);
        PostgresCopy.copyIn(jdbc, COPY_STAGE, rows, PostgresPaymentCopy::line);
        int fresh = jdbc.update(INSERT_NEW, jobInstanceId);
        if (fresh < rows.size()) {
            jdbc.update(INSERT_HOLDINGS);
        }
        return fresh;
    }

    /** A row's line in {@link #COPY_STAGE}'s column order; its place in the chunk is its {@code seq}. */
    private static void line(StringBuilder out, int seq, PaymentRow row) {
        IngestLine.Accepted line = row.line();
        Disbursement d = line.disbursement();
        out.append(seq).append(',');
        text(out, line.dedupeKey()).append(',');
        out.append(line.occurrence()).append(',');
        out.append(d.payDate()).append(',');
        text(out, d.projectCode()).append(',');
        out.append(d.amount().yuan().toPlainString()).append(',');
        text(out, d.voucherNo()).append(',');
        text(out, d.payee()).append(',');
        text(out, d.summary()).append(',');
        text(out, d.fundingSource()).append(',');
        text(out, d.paymentId()).append(',');
        text(out, d.originalVoucherNo()).append(',');
        if (row.originalKnown() != null) {
            out.append(row.originalKnown() ? 't' : 'f');
        }
        out.append(',');
        text(out, line.file()).append(',');
        out.append(line.line()).append(',');
        out.append(line.fileId()).append('\n');
    }
}
