package org.budgetmonitor.spending;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payments behind the RED and YELLOW figures of an as-of date, for the report's drill-down.
 *
 * <p>"The payments" are the ones the monthly totals count ({@link SpendingTotals}): every stored
 * payment of the project dated in the fiscal year up to the as-of date. A correction removes the
 * payments of the file versions it replaces from the table, so stored payments are the live ones;
 * lines awaiting bank confirmation are not stored as payments. Which projects are flagged is read
 * from the variance table of the date, the same rows the report prints.
 */
@Repository
public class FlaggedPayments implements FlaggedPaymentSource {

    private static final String FLAGGED = "flag IN ('RED', 'YELLOW')";
    private static final String PROJECTS = "SELECT project_code, project_name, planned, unit_code, flag, actual_yuan "
            + "FROM variance_result WHERE as_of = ? AND " + FLAGGED + " ORDER BY project_code";
    // Along the pay-date index over the year to the as-of date, keeping the flagged projects' lines
    // (an uncorrelated IN, evaluated once); grouped by project, in pay order within it. There is no
    // index by project: the ingest keeps only the indexes it needs (V6).
    private static final String PAYMENTS = "SELECT project_code, pay_date, voucher_no, payee, summary, amount_yuan, "
            + "funding_source, source_file, source_line FROM disbursement WHERE pay_date >= ? AND pay_date <= ? "
            + "AND project_code IN (SELECT project_code FROM variance_result WHERE as_of = ? AND " + FLAGGED + ") "
            + "ORDER BY project_code, pay_date, id";
    // The same lines in no order, with their id: without the sort H2 reads a year of a million flagged
    // payments in 8 s, with it (a sort spilled to disk) in 61–67 s.
    private static final String PAYMENTS_UNORDERED = "SELECT project_code, pay_date, voucher_no, payee, summary, "
            + "amount_yuan, funding_source, source_file, source_line, id FROM disbursement WHERE pay_date >= ? "
            + "AND pay_date <= ? AND project_code IN (SELECT project_code FROM variance_result WHERE as_of = ? AND "
            + FLAGGED + ")";
    private static final int FETCH = 2_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public FlaggedPayments(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        // Rows are handed on as they are read: PostgreSQL streams a result only with a fetch size
        // inside a transaction; otherwise it reads all of it first.
        this.jdbc.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public List<Project> projects(LocalDate asOf) {
        return jdbc.query(PROJECTS, (rs, n) -> new Project(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                rs.getString(4), rs.getString(5), rs.getBigDecimal(6)), Date.valueOf(asOf));
    }

    @Override
    public void forEach(LocalDate asOf, Consumer<Payment> sink) {
        Date from = Date.valueOf(asOf.withDayOfYear(1));
        Date to = Date.valueOf(asOf);
        readOnly.executeWithoutResult(status -> jdbc.query(PAYMENTS, rs -> {
            sink.accept(payment(rs));
        }, from, to, to));
    }

    @Override
    public void forEachUnordered(LocalDate asOf, ObjLongConsumer<Payment> sink) {
        Date from = Date.valueOf(asOf.withDayOfYear(1));
        Date to = Date.valueOf(asOf);
        readOnly.executeWithoutResult(status -> jdbc.query(PAYMENTS_UNORDERED, rs -> {
            sink.accept(payment(rs), rs.getLong(10));
        }, from, to, to));
    }

    private static Payment payment(ResultSet rs) throws SQLException {
        return new Payment(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getObject(9, Long.class));
    }
}
