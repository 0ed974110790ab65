package org.budgetmonitor.plan;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.support.RowBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan tables: the plan files as last read (a load replaces each fiscal year it contains), and,
 * through {@link PlanRevisionRepository}, the plan in force on each date.
 */
@Repository
public class PlanRepository {

    private static final String DELETE_YEAR_INDICATORS = "DELETE FROM plan_indicator WHERE fiscal_year = ?";
    private static final String DELETE_YEAR_CHECKPOINTS = "DELETE FROM plan_checkpoint WHERE fiscal_year = ?";
    private static final String DELETE_YEAR_PROJECTS = "DELETE FROM plan_project WHERE fiscal_year = ?";
    private static final String INSERT_PROJECT = """
            INSERT INTO plan_project (fiscal_year, project_code, unit_code, unit_name, project_name, budget_yuan,
                fiscal_funds_yuan, other_funds_yuan, purpose, goal, plan_unit, plan_unit_note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_CHECKPOINT = """
            INSERT INTO plan_checkpoint (fiscal_year, project_code, checkpoint_date, cumulative_yuan)
            VALUES (?, ?, ?, ?)""";
    private static final String INSERT_INDICATOR = """
            INSERT INTO plan_indicator (fiscal_year, project_code, seq, level1, level2, level3, description, target, basis)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String SELECT_PROJECTS = """
            SELECT fiscal_year, project_code, unit_code, unit_name, project_name, budget_yuan, fiscal_funds_yuan,
                   other_funds_yuan, purpose, goal, plan_unit, plan_unit_note
            FROM plan_project WHERE fiscal_year = ? ORDER BY unit_code, project_code""";
    private static final String SELECT_CHECKPOINTS = """
            SELECT project_code, checkpoint_date, cumulative_yuan
            FROM plan_checkpoint WHERE fiscal_year = ? ORDER BY project_code, checkpoint_date""";

    private static final String SELECT_INDICATORS = """
            SELECT project_code, seq, level1, level2, level3, description, target, basis
            FROM plan_indicator WHERE fiscal_year = ? ORDER BY project_code, seq""";

    private static final String LAST_LOAD = """
            SELECT fingerprint, project_count, indicator_count, unit_notes FROM plan_load
            ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""";
    private static final String RECORD_LOAD = """
            INSERT INTO plan_load (fingerprint, loaded_at, project_count, indicator_count, unit_notes)
            VALUES (?, CURRENT_TIMESTAMP, ?, ?, ?)""";
    /** plan_load.unit_notes (migration V27). */
    private static final int UNIT_NOTES_COLUMN = 100_000;
    private static final String COUNT_PROJECTS = "SELECT COUNT(*) FROM plan_project";
    private static final String COUNT_INDICATORS = "SELECT COUNT(*) FROM plan_indicator";
    private static final String UNIT_NOTES = """
            SELECT plan_unit, plan_unit_note, COUNT(*) AS n FROM plan_project
            GROUP BY plan_unit, plan_unit_note ORDER BY plan_unit, plan_unit_note""";

    private final JdbcTemplate jdbc;
    private final PlanRevisionRepository revisions;

    public PlanRepository(JdbcTemplate jdbc, PlanRevisionRepository revisions) {
        this.jdbc = jdbc;
        this.revisions = revisions;
    }

    /** The revisions of the plan: its versions and adjustments through the year. */
    public PlanRevisionRepository revisions() {
        return revisions;
    }

    /** The plan in force on a date (调整后): every figure of that date is computed against it. */
    public PlanTimeline.State inForce(int fiscalYear, LocalDate date) {
        return revisions.timeline(fiscalYear).on(date);
    }

    /** See {@link PlanRevisionRepository#forgetTimelines()}. */
    public void forgetTimelines() {
        revisions.forgetTimelines();
    }

    @Transactional
    public void replace(Plan plan) {
        Set<Integer> years = new TreeSet<>();
        plan.projects().forEach(p -> years.add(p.fiscalYear()));
        for (int year : years) {
            jdbc.update(DELETE_YEAR_INDICATORS, year);
            jdbc.update(DELETE_YEAR_CHECKPOINTS, year);
            jdbc.update(DELETE_YEAR_PROJECTS, year);
        }
        // Projects, then their checkpoints, then the indicators: each table's rows sent as they are made.
        Map<String, Integer> yearByCode = new LinkedHashMap<>();
        RowBatch projects = new RowBatch(jdbc, INSERT_PROJECT);
        for (BudgetProject p : plan.projects()) {
            yearByCode.put(p.code(), p.fiscalYear());
            projects.add(p.fiscalYear(), p.code(), p.unitCode(), p.unitName(), p.name(), p.budget().yuan(),
                    p.fiscalFunds().yuan(), p.otherFunds().yuan(), p.purpose(), p.goal(), p.planUnit().name(),
                    p.planUnitNote());
        }
        projects.finish();
        RowBatch checkpoints = new RowBatch(jdbc, INSERT_CHECKPOINT);
        for (BudgetProject p : plan.projects()) {
            for (PlanCheckpoint c : p.checkpoints()) {
                checkpoints.add(p.fiscalYear(), p.code(), Date.valueOf(c.date()), c.cumulative().yuan());
            }
        }
        checkpoints.finish();
        RowBatch indicators = new RowBatch(jdbc, INSERT_INDICATOR);
        for (Indicator i : plan.indicators()) {
            indicators.add(yearByCode.get(i.projectCode()), i.projectCode(), i.seq(), i.level1(), i.level2(),
                    i.level3(), i.description(), i.target(), i.basis());
        }
        indicators.finish();
    }

    public List<Indicator> findIndicators(int fiscalYear) {
        return jdbc.query(SELECT_INDICATORS, (rs, n) -> new Indicator(rs.getString("project_code"), rs.getInt("seq"),
                rs.getString("level1"), rs.getString("level2"), rs.getString("level3"), rs.getString("description"),
                rs.getString("target"), rs.getString("basis")), fiscalYear);
    }

    /**
     * What the plan step states of the stored plan: how many projects and indicators, and in which unit their
     * checkpoints were read ("4 × WAN, AUTO: …", joined by "; ").
     */
    public record Summary(int projects, int indicators, String unitNotes) {
    }

    /** The plan files stored last: their fingerprint, and the summary recorded then (none before migration V27). */
    public record Load(String fingerprint, Optional<Summary> summary) {
    }

    /** The plan files stored last, if any. */
    public Optional<Load> lastLoad() {
        return jdbc.query(LAST_LOAD, (rs, n) -> {
            int projects = rs.getInt("project_count");
            boolean recorded = !rs.wasNull();
            return new Load(rs.getString("fingerprint"), recorded
                    ? Optional.of(new Summary(projects, rs.getInt("indicator_count"), rs.getString("unit_notes")))
                    : Optional.empty());
        }).stream().findFirst();
    }

    /** Records that the plan files of this fingerprint are stored, with the summary of the tables as they are now. */
    public Summary recordLoad(String fingerprint) {
        Summary summary = summary();
        // A summary too long for its column (it never is: the notes are a few fixed phrases) is counted each night.
        boolean fits = summary.unitNotes().length() <= UNIT_NOTES_COLUMN;
        jdbc.update(RECORD_LOAD, fingerprint, fits ? summary.projects() : null, fits ? summary.indicators() : null,
                fits ? summary.unitNotes() : null);
        return summary;
    }

    /** The summary of the stored plan, counted from its tables. */
    public Summary summary() {
        return new Summary(projectCount(), indicatorCount(), unitNotes().entrySet().stream()
                .map(e -> e.getValue() + " × " + e.getKey()).reduce((a, b) -> a + "; " + b).orElse("none"));
    }

    private int projectCount() {
        return jdbc.queryForObject(COUNT_PROJECTS, Integer.class);
    }

    private int indicatorCount() {
        return jdbc.queryForObject(COUNT_INDICATORS, Integer.class);
    }

    /** How many stored projects were read in each unit, and why: "4 × WAN, AUTO: …". */
    private Map<String, Integer> unitNotes() {
        Map<String, Integer> notes = new java.util.TreeMap<>();
        jdbc.query(UNIT_NOTES, rs -> {
            notes.put(rs.getString("plan_unit") + ", " + rs.getString("plan_unit_note"), rs.getInt("n"));
        });
        return notes;
    }

    /** The projects of a fiscal year ordered by unit and project code, with their checkpoints. */
    public List<BudgetProject> findProjects(int fiscalYear) {
        Map<String, List<PlanCheckpoint>> checkpoints = new LinkedHashMap<>();
        jdbc.query(SELECT_CHECKPOINTS, rs -> {
            checkpoints.computeIfAbsent(rs.getString("project_code"), k -> new ArrayList<>())
                    .add(new PlanCheckpoint(rs.getDate("checkpoint_date").toLocalDate(),
                            Money.ofYuan(rs.getBigDecimal("cumulative_yuan"))));
        }, fiscalYear);
        return jdbc.query(SELECT_PROJECTS, (rs, n) -> new BudgetProject(
                rs.getInt("fiscal_year"), rs.getString("unit_code"), rs.getString("unit_name"),
                rs.getString("project_code"), rs.getString("project_name"),
                Money.ofYuan(rs.getBigDecimal("budget_yuan")), Money.ofYuan(rs.getBigDecimal("fiscal_funds_yuan")),
                Money.ofYuan(rs.getBigDecimal("other_funds_yuan")), rs.getString("purpose"), rs.getString("goal"),
                PlanUnit.valueOf(rs.getString("plan_unit")), rs.getString("plan_unit_note"),
                checkpoints.getOrDefault(rs.getString("project_code"), List.of())), fiscalYear);
    }
}
