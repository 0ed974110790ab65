package org.budgetmonitor.variance;

import static org.budgetmonitor.support.PostgresCopy.field;
import static org.budgetmonitor.support.PostgresCopy.text;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.support.PostgresCopy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The variance table: the figures of each as-of date, replaced when that date is run again. */
@Repository
public class VarianceRepository {

    private static final String DELETE_AS_OF = "DELETE FROM variance_result WHERE as_of = ?";
    private static final String PRUNE_BEFORE = "DELETE FROM variance_result WHERE as_of < ?";
    private static final String INSERT = """
            INSERT INTO variance_result (as_of, seq, project_code, planned, project_name, unit_code, unit_name,
                budget_yuan, checkpoint_date, checkpoint_plan_yuan, expected_yuan, actual_yuan, execution_rate_pct,
                gap_pp, flag, reasons, original_budget_yuan)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String COPY = """
            COPY variance_result (as_of, seq, project_code, planned, project_name, unit_code, unit_name, budget_yuan,
                checkpoint_date, checkpoint_plan_yuan, expected_yuan, actual_yuan, execution_rate_pct, gap_pp, flag,
                reasons, original_budget_yuan)
            FROM STDIN (FORMAT csv)""";
    private static final String SELECT_AS_OF = """
            SELECT as_of, project_code, planned, project_name, unit_code, unit_name, budget_yuan, checkpoint_date,
                   checkpoint_plan_yuan, expected_yuan, actual_yuan, execution_rate_pct, gap_pp, flag, reasons,
                   original_budget_yuan
            FROM variance_result WHERE as_of = ? ORDER BY seq""";

    // Stored precision of the derived figures; flags were decided on the exact values before this.
    private static final int STORED_SCALE = 10;

    private final JdbcTemplate jdbc;
    /** PostgreSQL: a night's rows are stored by one COPY. */
    private final boolean copy;
    private final FlagHistory flags;
    private final int keepDays;
    /**
     * The night a job stored, as the table holds it: the steps after the variance (outputs, report, mail) read it
     * here instead of reading 50,000 rows back. Only for the job execution that stored it and after its commit; a
     * restart is a new execution and reads the table.
     */
    private volatile StoredNight stored;

    private record StoredNight(long jobExecutionId, LocalDate asOf, List<VarianceRow> rows) {
    }

    /**
     * @param keepDays {@code monitor.variance.keep-days}: the full rows of a night are kept this many days
     *        after it (for a failed run restarted later); only its flags are kept longer, for "since when"
     */
    public VarianceRepository(JdbcTemplate jdbc, @Value("${monitor.variance.keep-days:7}") int keepDays) {
        this.jdbc = jdbc;
        this.copy = PostgresCopy.isPostgres(jdbc);
        this.flags = new FlagHistory(jdbc);
        this.keepDays = keepDays;
    }

    @Transactional
    public void replace(LocalDate asOf, List<VarianceRow> rows) {
        store(asOf, rows);
    }

    /** {@link #replace(LocalDate, List)}, the rows then read by {@link #findByAsOf(LocalDate, long)} of the same job. */
    @Transactional
    public void replace(LocalDate asOf, List<VarianceRow> rows, long jobExecutionId) {
        store(asOf, rows);
        List<VarianceRow> asStored = rows.stream().map(VarianceRepository::asStored).toList();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                stored = new StoredNight(jobExecutionId, asOf, asStored);
            }
        });
    }

    private void store(LocalDate asOf, List<VarianceRow> rows) {
        stored = null;
        jdbc.update(DELETE_AS_OF, Date.valueOf(asOf));
        if (copy) {
            PostgresCopy.copyIn(jdbc, COPY, rows, (out, i, row) -> line(out, asOf, i + 1, row));
        } else {
            insert(asOf, rows);
        }
        Map<String, Flag> planned = new HashMap<>();
        rows.stream().filter(VarianceRow::planned).forEach(row -> planned.put(row.projectCode(), row.flag()));
        flags.store(asOf, planned);
        // A year of a province's nights in full is 15 million rows, in every backup; the report, the
        // outputs and the mail read only their own night's.
        jdbc.update(PRUNE_BEFORE, Date.valueOf(asOf.minusDays(keepDays)));
    }

    /** A row's line in {@link #COPY}'s column order, as PostgreSQL's CSV reads it. */
    private static void line(StringBuilder out, LocalDate asOf, int seq, VarianceRow row) {
        out.append(asOf).append(',').append(seq).append(',');
        text(out, row.projectCode()).append(',');
        field(out, row.planned()).append(',');
        text(out, row.projectName()).append(',');
        text(out, row.unitCode()).append(',');
        text(out, row.unitName()).append(',');
        field(out, row.budget() == null ? null : row.budget().yuan()).append(',');
        field(out, row.checkpointDate()).append(',');
        field(out, row.checkpointPlan() == null ? null : row.checkpointPlan().yuan()).append(',');
        field(out, scaled(row.expectedYuan())).append(',');
        field(out, row.actual().yuan()).append(',');
        field(out, scaled(row.executionRatePct())).append(',');
        field(out, scaled(row.gapPp())).append(',');
        text(out, row.flag().name()).append(',');
        text(out, reasons(row)).append(',');
        field(out, row.originalBudget() == null ? null : row.originalBudget().yuan()).append('\n');
    }

    private static String reasons(VarianceRow row) {
        return String.join(";", row.reasons().stream().map(Enum::name).toList());
    }

    private void insert(LocalDate asOf, List<VarianceRow> rows) {
        int[] seq = {0};
        jdbc.batchUpdate(INSERT, rows, 1000, (ps, row) -> {
            ps.setDate(1, Date.valueOf(asOf));
            ps.setInt(2, ++seq[0]);
            ps.setString(3, row.projectCode());
            ps.setBoolean(4, row.planned());
            ps.setString(5, row.projectName());
            ps.setString(6, row.unitCode());
            ps.setString(7, row.unitName());
            ps.setBigDecimal(8, row.budget() == null ? null : row.budget().yuan());
            ps.setDate(9, row.checkpointDate() == null ? null : Date.valueOf(row.checkpointDate()));
            ps.setBigDecimal(10, row.checkpointPlan() == null ? null : row.checkpointPlan().yuan());
            ps.setBigDecimal(11, scaled(row.expectedYuan()));
            ps.setBigDecimal(12, row.actual().yuan());
            ps.setBigDecimal(13, scaled(row.executionRatePct()));
            ps.setBigDecimal(14, scaled(row.gapPp()));
            ps.setString(15, row.flag().name());
            ps.setString(16, reasons(row));
            ps.setBigDecimal(17, row.originalBudget() == null ? null : row.originalBudget().yuan());
        });
    }

    /**
     * The figures of a night the variance step stored (never none: it fails on a plan without projects).
     * None left means the night was pruned, and a restarted run must not write an empty report for it.
     */
    public List<VarianceRow> findByAsOf(LocalDate asOf) {
        return findByAsOf(asOf, -1);
    }

    /** {@link #findByAsOf(LocalDate)}, from memory when this job execution stored the night. */
    public List<VarianceRow> findByAsOf(LocalDate asOf, long jobExecutionId) {
        StoredNight night = stored;
        if (night != null && night.jobExecutionId() == jobExecutionId && night.asOf().equals(asOf)) {
            return night.rows();
        }
        List<VarianceRow> rows = jdbc.query(SELECT_AS_OF, (rs, n) -> toRow(rs), Date.valueOf(asOf));
        if (rows.isEmpty()) {
            throw new IllegalStateException("no variance figures are stored for " + asOf + ": a night's figures are"
                    + " kept for monitor.variance.keep-days (" + keepDays + ") days after it; run that night again"
                    + " (--as-of=" + asOf + ")");
        }
        return rows;
    }

    /**
     * Since when each project RED or YELLOW on {@code asOf} has been flagged, from the stored nights of the
     * fiscal year up to that date (a project flagged for the first time: that date). Keyed by project code.
     */
    public Map<String, FlagRun> flaggedSince(LocalDate asOf) {
        return flags.since(asOf);
    }

    /** Maps the variance columns, which the quarterly snapshot shares. */
    public static VarianceRow toRow(ResultSet rs) throws SQLException {
        Date checkpointDate = rs.getDate("checkpoint_date");
        String reasons = rs.getString("reasons");
        return new VarianceRow(rs.getDate("as_of").toLocalDate(), rs.getString("project_code"),
                rs.getBoolean("planned"), rs.getString("project_name"), rs.getString("unit_code"),
                rs.getString("unit_name"), money(rs.getBigDecimal("budget_yuan")),
                checkpointDate == null ? null : checkpointDate.toLocalDate(),
                money(rs.getBigDecimal("checkpoint_plan_yuan")), rs.getBigDecimal("expected_yuan"),
                Money.ofYuan(rs.getBigDecimal("actual_yuan")), rs.getBigDecimal("execution_rate_pct"),
                rs.getBigDecimal("gap_pp"), Flag.valueOf(rs.getString("flag")),
                reasons.isEmpty() ? List.of() : Arrays.stream(reasons.split(";")).map(Reason::valueOf).toList(),
                // Rows stored before adjustments existed had no original budget: it was the budget.
                Optional.ofNullable(money(rs.getBigDecimal("original_budget_yuan")))
                        .orElse(money(rs.getBigDecimal("budget_yuan"))));
    }

    /** The row as {@link #toRow} reads it back: each figure at its column's scale (V2, V8, V18 migrations). */
    static VarianceRow asStored(VarianceRow row) {
        Money budget = atScale(row.budget(), 4);
        Money original = atScale(row.originalBudget(), 4);
        return new VarianceRow(row.asOf(), row.projectCode(), row.planned(), row.projectName(), row.unitCode(),
                row.unitName(), budget, row.checkpointDate(), atScale(row.checkpointPlan(), 6),
                scaled(row.expectedYuan()), atScale(row.actual(), 2), scaled(row.executionRatePct()),
                scaled(row.gapPp()), row.flag(), row.reasons(), original == null ? budget : original);
    }

    private static Money atScale(Money money, int scale) {
        return money == null ? null : Money.ofYuan(money.yuan().setScale(scale, java.math.RoundingMode.HALF_UP));
    }

    private static Money money(BigDecimal yuan) {
        return yuan == null ? null : Money.ofYuan(yuan);
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(STORED_SCALE, java.math.RoundingMode.HALF_UP);
    }
}
