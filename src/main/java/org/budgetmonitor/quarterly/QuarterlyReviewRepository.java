package org.budgetmonitor.quarterly;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.plan.PlanRevisionRepository;
import org.budgetmonitor.variance.VarianceRepository;
import org.budgetmonitor.variance.VarianceRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Issued quarterly reviews: each version is written once and never changed. */
@Repository
public class QuarterlyReviewRepository {

    private static final String LATEST_VERSION = "SELECT MAX(version) FROM quarterly_review WHERE as_of = ?";
    private static final String INSERT_REVIEW = """
            INSERT INTO quarterly_review (as_of, version, created_at, data_cutoff, job_instance_id, plan_revision_id,
                rejected_rows)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String SELECT_REVIEW = """
            SELECT created_at, data_cutoff, plan_revision_id, rejected_rows FROM quarterly_review
            WHERE as_of = ? AND version = ?""";
    private static final String INSERT_ROW = """
            INSERT INTO quarterly_review_row (as_of, version, seq, project_code, planned, project_name, unit_code,
                unit_name, budget_yuan, checkpoint_date, checkpoint_plan_yuan, expected_yuan, actual_yuan,
                execution_rate_pct, gap_pp, flag, reasons, time_progress_pct, projected_year_end_yuan,
                required_monthly_yuan, prev_quarter_end, prev_quarter_actual_yuan, original_budget_yuan)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String SELECT_ROWS = """
            SELECT * FROM quarterly_review_row WHERE as_of = ? AND version = ? ORDER BY seq""";
    private static final String INSERT_INDICATOR = """
            INSERT INTO quarterly_review_indicator (as_of, version, seq, project_code, indicator_seq, level1, level2,
                level3, target, value_to_date, expected_full_year, status, likelihood, cause_category, cause, measure,
                note, value_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String SELECT_INDICATORS = """
            SELECT * FROM quarterly_review_indicator WHERE as_of = ? AND version = ? ORDER BY seq""";

    private static final int SCALE = 10;

    private final JdbcTemplate jdbc;
    private final PlanRevisionRepository planRevisions;

    public QuarterlyReviewRepository(JdbcTemplate jdbc, PlanRevisionRepository planRevisions) {
        this.jdbc = jdbc;
        this.planRevisions = planRevisions;
    }

    public Optional<Integer> latestVersion(java.time.LocalDate asOf) {
        return Optional.ofNullable(jdbc.queryForObject(LATEST_VERSION, Integer.class, Date.valueOf(asOf)));
    }

    /** Stores the review as the next version of its date and returns that version as read back. */
    @Transactional
    public QuarterlyReview save(QuarterlyReview review, long jobInstanceId) {
        int version = latestVersion(review.asOf()).orElse(0) + 1;
        Date asOf = Date.valueOf(review.asOf());
        jdbc.update(INSERT_REVIEW, asOf, version, Timestamp.valueOf(review.createdAt()),
                review.dataCutoff() == null ? null : Date.valueOf(review.dataCutoff()), jobInstanceId,
                review.planRevision() == 0 ? null : review.planRevision(), review.rejectedRows());
        int[] seq = {0};
        jdbc.batchUpdate(INSERT_ROW, review.rows(), 500, (ps, row) -> {
            VarianceRow v = row.variance();
            ps.setDate(1, asOf);
            ps.setInt(2, version);
            ps.setInt(3, ++seq[0]);
            ps.setString(4, v.projectCode());
            ps.setBoolean(5, v.planned());
            ps.setString(6, v.projectName());
            ps.setString(7, v.unitCode());
            ps.setString(8, v.unitName());
            ps.setBigDecimal(9, v.budget() == null ? null : v.budget().yuan());
            ps.setDate(10, v.checkpointDate() == null ? null : Date.valueOf(v.checkpointDate()));
            ps.setBigDecimal(11, v.checkpointPlan() == null ? null : v.checkpointPlan().yuan());
            ps.setBigDecimal(12, scaled(v.expectedYuan()));
            ps.setBigDecimal(13, v.actual().yuan());
            ps.setBigDecimal(14, scaled(v.executionRatePct()));
            ps.setBigDecimal(15, scaled(v.gapPp()));
            ps.setString(16, v.flag().name());
            ps.setString(17, String.join(";", v.reasons().stream().map(Enum::name).toList()));
            ps.setBigDecimal(18, scaled(row.timeProgressPct()));
            ps.setBigDecimal(19, scaled(row.projectedYearEnd().yuan()));
            ps.setBigDecimal(20, row.requiredMonthly() == null ? null : scaled(row.requiredMonthly().yuan()));
            ps.setDate(21, Date.valueOf(row.previousQuarterEnd()));
            ps.setBigDecimal(22, row.previousQuarterActual().yuan());
            ps.setBigDecimal(23, v.originalBudget() == null ? null : v.originalBudget().yuan());
        });
        int[] iseq = {0};
        jdbc.batchUpdate(INSERT_INDICATOR, review.indicators(), 500, (ps, i) -> {
            ps.setDate(1, asOf);
            ps.setInt(2, version);
            ps.setInt(3, ++iseq[0]);
            ps.setString(4, i.projectCode());
            ps.setInt(5, i.seq());
            ps.setString(6, i.level1());
            ps.setString(7, i.level2());
            ps.setString(8, i.level3());
            ps.setString(9, i.target());
            ps.setString(10, i.valueToDate());
            ps.setString(11, i.expectedFullYear());
            ps.setString(12, i.status().name());
            ps.setString(13, i.likelihood() == null ? null : i.likelihood().name());
            ps.setString(14, i.causeCategory());
            ps.setString(15, i.cause());
            ps.setString(16, i.measure());
            ps.setString(17, i.note());
            ps.setDate(18, i.valueDate() == null ? null : Date.valueOf(i.valueDate()));
        });
        return load(review.asOf(), version).orElseThrow();
    }

    public Optional<QuarterlyReview> load(java.time.LocalDate asOfDate, int version) {
        Date asOf = Date.valueOf(asOfDate);
        var header = jdbc.query(SELECT_REVIEW, (rs, n) -> new Object[] {rs.getTimestamp(1), rs.getDate(2),
            rs.getObject(3) == null ? 0L : rs.getLong(3), rs.getObject(4) == null ? null : rs.getInt(4)}, asOf, version);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<QuarterlyRow> rows = jdbc.query(SELECT_ROWS, (rs, n) -> {
            VarianceRow variance = VarianceRepository.toRow(rs);
            BigDecimal required = rs.getBigDecimal("required_monthly_yuan");
            return new QuarterlyRow(variance, rs.getBigDecimal("time_progress_pct"),
                    Money.ofYuan(rs.getBigDecimal("projected_year_end_yuan")),
                    required == null ? null : Money.ofYuan(required), rs.getDate("prev_quarter_end").toLocalDate(),
                    Money.ofYuan(rs.getBigDecimal("prev_quarter_actual_yuan")));
        }, asOf, version);
        List<IndicatorReview> indicators = jdbc.query(SELECT_INDICATORS, (rs, n) -> new IndicatorReview(
                rs.getString("project_code"), rs.getInt("indicator_seq"), rs.getString("level1"), rs.getString("level2"),
                rs.getString("level3"), rs.getString("target"), rs.getString("value_to_date"),
                rs.getString("expected_full_year"), IndicatorStatus.valueOf(rs.getString("status")),
                rs.getString("likelihood") == null ? null : Likelihood.valueOf(rs.getString("likelihood")),
                rs.getString("cause_category"), rs.getString("cause"), rs.getString("measure"), rs.getString("note"),
                rs.getDate("value_date") == null ? null : rs.getDate("value_date").toLocalDate()),
                asOf, version);
        Date cutoff = (Date) header.get(0)[1];
        long planRevision = (Long) header.get(0)[2];
        // The plan as recorded up to the review's revision, never a change recorded after it was issued; a
        // review issued before revisions were kept (0) was computed with no adjustment at all.
        var planChanges = planRevision == 0 ? List.<org.budgetmonitor.plan.PlanChange>of()
                : planRevisions.timeline(asOfDate.getYear(), planRevision).on(asOfDate).changes();
        return Optional.of(new QuarterlyReview(asOfDate, version, ((Timestamp) header.get(0)[0]).toLocalDateTime(),
                cutoff == null ? null : cutoff.toLocalDate(), rows, indicators, planRevision, planChanges,
                (Integer) header.get(0)[3]));
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(SCALE, RoundingMode.HALF_UP);
    }
}
