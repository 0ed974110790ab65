package org.budgetmonitor.plan;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.support.RowBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The revisions of each year's plan (see {@link PlanTimeline}): plan-file versions and adjustments. */
@Repository
public class PlanRevisionRepository {

    static final String ADJUSTMENTS = "ADJUSTMENTS";

    private static final String INSERT_REVISION = """
            INSERT INTO plan_revision (fiscal_year, source, effective_date, fingerprint, document, recorded_at)
            VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)""";
    private static final String INSERT_PROJECT = """
            INSERT INTO plan_revision_project (revision_id, project_code, removed, unit_code, unit_name, project_name,
                budget_yuan, fiscal_funds_yuan, other_funds_yuan, purpose, goal, plan_unit, plan_unit_note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_CHECKPOINT = """
            INSERT INTO plan_revision_checkpoint (revision_id, project_code, checkpoint_date, cumulative_yuan)
            VALUES (?, ?, ?, ?)""";
    private static final String INSERT_ADJUSTMENT = """
            INSERT INTO plan_adjustment (revision_id, seq, source_line, project_code, effective_date, budget_change_yuan,
                fiscal_change_yuan, other_change_yuan, document_no, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_ADJUSTMENT_CHECKPOINT = """
            INSERT INTO plan_adjustment_checkpoint (revision_id, seq, checkpoint_date, figure) VALUES (?, ?, ?, ?)""";
    private static final String SELECT_VERSIONS = """
            SELECT id, effective_date, source, fingerprint FROM plan_revision
            WHERE fiscal_year = ? AND source <> 'ADJUSTMENTS' AND id <= ? ORDER BY id""";
    private static final String SELECT_VERSION_PROJECTS = """
            SELECT p.revision_id, p.project_code, p.removed, p.unit_code, p.unit_name, p.project_name, p.budget_yuan,
                   p.fiscal_funds_yuan, p.other_funds_yuan, p.purpose, p.goal, p.plan_unit, p.plan_unit_note
            FROM plan_revision_project p JOIN plan_revision r ON r.id = p.revision_id
            WHERE r.fiscal_year = ? AND r.id <= ?""";
    static final String SELECT_VERSION_CHECKPOINTS = """
            SELECT c.revision_id, c.project_code, c.checkpoint_date, c.cumulative_yuan
            FROM plan_revision_checkpoint c JOIN plan_revision r ON r.id = c.revision_id
            WHERE r.fiscal_year = ? AND r.id <= ?""";
    private static final String LATEST_ADJUSTMENTS = """
            SELECT MAX(id) FROM plan_revision WHERE fiscal_year = ? AND source = 'ADJUSTMENTS' AND id <= ?""";
    private static final String SELECT_ADJUSTMENTS = """
            SELECT seq, source_line, project_code, effective_date, budget_change_yuan, fiscal_change_yuan,
                   other_change_yuan, document_no, reason
            FROM plan_adjustment WHERE revision_id = ? ORDER BY seq""";
    private static final String SELECT_ADJUSTMENT_CHECKPOINTS = """
            SELECT seq, checkpoint_date, figure FROM plan_adjustment_checkpoint WHERE revision_id = ?
            ORDER BY seq, checkpoint_date""";
    private static final String LATEST_REVISION = "SELECT COALESCE(MAX(id), 0) FROM plan_revision";
    private static final String YEARS_WITH_ADJUSTMENTS = """
            SELECT DISTINCT fiscal_year FROM plan_revision WHERE source = 'ADJUSTMENTS'""";
    private static final String LAST_RUN = "SELECT as_of, revision_id FROM plan_run ORDER BY id DESC FETCH FIRST 1 ROWS ONLY";
    private static final String RECORD_RUN = "INSERT INTO plan_run (as_of, revision_id) VALUES (?, ?)";

    private final JdbcTemplate jdbc;
    // The two timelines a night asks for (the plan now, and the one the last run used); a whole year's
    // plan each, so no more are kept.
    private final Map<TimelineKey, PlanTimeline> timelines = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TimelineKey, PlanTimeline> eldest) {
            return size() > 2;
        }
    };

    public PlanRevisionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest revision id of any year, 0 when there is none: the plan version a document used. */
    public long latestRevision() {
        return jdbc.queryForObject(LATEST_REVISION, Long.class);
    }

    /** The year's plan as recorded now. */
    public PlanTimeline timeline(int fiscalYear) {
        return timeline(fiscalYear, Long.MAX_VALUE);
    }

    /** The year's plan as it was recorded up to a revision: the plan version an earlier document used. */
    public PlanTimeline timeline(int fiscalYear, long upToRevision) {
        // Revisions are only ever added, so the timeline up to the latest one stays what it is until
        // the next is recorded: read once, though the plan step, the summary and the variance each ask
        // (at 50,000 projects a read takes seconds).
        TimelineKey key = new TimelineKey(fiscalYear, Math.min(upToRevision, latestRevision()));
        synchronized (timelines) {
            PlanTimeline known = timelines.get(key);
            if (known != null) {
                return known;
            }
        }
        long adjustmentsRevision = latestAdjustments(fiscalYear, key.upTo());
        PlanTimeline timeline = new PlanTimeline(fiscalYear, versions(fiscalYear, key.upTo()),
                adjustmentsRevision == 0 ? List.of() : adjustments(adjustmentsRevision), adjustmentsRevision);
        synchronized (timelines) {
            timelines.put(key, timeline);
        }
        return timeline;
    }

    private record TimelineKey(int fiscalYear, long upTo) {
    }

    /**
     * Lets go of the timelines read so far, so that the year's plan (about 55 MB at 50,000 projects) is not held
     * while nothing needs it: the night's last reader of the plan, the report step, calls this before it renders.
     * A later ask reads the tables again.
     */
    public void forgetTimelines() {
        synchronized (timelines) {
            timelines.clear();
        }
    }

    /** The same timeline with a new version and adjustments not stored yet: to validate before storing. */
    public PlanTimeline timelineWith(int fiscalYear, PlanVersion newVersion, List<Adjustment> newAdjustments) {
        List<PlanVersion> versions = new ArrayList<>(versions(fiscalYear, Long.MAX_VALUE));
        if (newVersion != null) {
            versions.add(newVersion);
        }
        return new PlanTimeline(fiscalYear, versions, newAdjustments, 0);
    }

    List<PlanVersion> versions(int fiscalYear, long upTo) {
        Map<Long, Map<String, List<PlanCheckpoint>>> checkpoints = new HashMap<>();
        // A year's 200,000 checkpoints fall on a few dates, kept once each in the timeline the night holds.
        Map<LocalDate, LocalDate> dates = new HashMap<>();
        jdbc.query(SELECT_VERSION_CHECKPOINTS, rs -> {
            LocalDate date = dates.computeIfAbsent(rs.getObject("checkpoint_date", LocalDate.class), d -> d);
            checkpoints.computeIfAbsent(rs.getLong("revision_id"), k -> new HashMap<>())
                    .computeIfAbsent(rs.getString("project_code"), k -> new ArrayList<>())
                    .add(new PlanCheckpoint(date,
                            Money.ofYuan(rs.getBigDecimal("cumulative_yuan"))));
        }, fiscalYear, upTo);
        // Ordered here, each project's few checkpoints by date: sorting the year's 200,000 rows (50,000
        // projects) in the database took longer than reading them.
        checkpoints.values().forEach(byProject -> byProject.values()
                .forEach(list -> list.sort(java.util.Comparator.comparing(PlanCheckpoint::date))));
        Map<Long, Map<String, BudgetProject>> changed = new HashMap<>();
        Map<Long, Set<String>> removed = new HashMap<>();
        jdbc.query(SELECT_VERSION_PROJECTS, rs -> {
            long id = rs.getLong("revision_id");
            String code = rs.getString("project_code");
            if (rs.getBoolean("removed")) {
                removed.computeIfAbsent(id, k -> new HashSet<>()).add(code);
                return;
            }
            changed.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(code, new BudgetProject(fiscalYear,
                    rs.getString("unit_code"), rs.getString("unit_name"), code, rs.getString("project_name"),
                    Money.ofYuan(rs.getBigDecimal("budget_yuan")), Money.ofYuan(rs.getBigDecimal("fiscal_funds_yuan")),
                    Money.ofYuan(rs.getBigDecimal("other_funds_yuan")), rs.getString("purpose"), rs.getString("goal"),
                    PlanUnit.valueOf(rs.getString("plan_unit")), rs.getString("plan_unit_note"),
                    checkpoints.getOrDefault(id, Map.of()).getOrDefault(code, List.of())));
        }, fiscalYear, upTo);
        return jdbc.query(SELECT_VERSIONS, (rs, n) -> {
            long id = rs.getLong("id");
            return new PlanVersion(id, fiscalYear, rs.getDate("effective_date").toLocalDate(), rs.getString("source"),
                    rs.getString("fingerprint"), changed.getOrDefault(id, Map.of()), removed.getOrDefault(id, Set.of()));
        }, fiscalYear, upTo);
    }

    private long latestAdjustments(int fiscalYear, long upTo) {
        Long id = jdbc.queryForObject(LATEST_ADJUSTMENTS, Long.class, fiscalYear, upTo);
        return id == null ? 0 : id;
    }

    /** The year's adjustments as stored last (empty when there are none). */
    public List<Adjustment> currentAdjustments(int fiscalYear) {
        long id = latestAdjustments(fiscalYear, Long.MAX_VALUE);
        return id == 0 ? List.of() : adjustments(id);
    }

    public Set<Integer> yearsWithAdjustments() {
        return new HashSet<>(jdbc.queryForList(YEARS_WITH_ADJUSTMENTS, Integer.class));
    }

    private List<Adjustment> adjustments(long revisionId) {
        Map<Integer, TreeMap<LocalDate, BigDecimal>> plans = new HashMap<>();
        jdbc.query(SELECT_ADJUSTMENT_CHECKPOINTS, rs -> {
            plans.computeIfAbsent(rs.getInt("seq"), k -> new TreeMap<>())
                    .put(rs.getDate("checkpoint_date").toLocalDate(), rs.getBigDecimal("figure").stripTrailingZeros());
        }, revisionId);
        return jdbc.query(SELECT_ADJUSTMENTS, (rs, n) -> new Adjustment(rs.getString("project_code"),
                rs.getDate("effective_date").toLocalDate(), Money.ofYuan(rs.getBigDecimal("budget_change_yuan")),
                Money.ofYuan(rs.getBigDecimal("fiscal_change_yuan")), Money.ofYuan(rs.getBigDecimal("other_change_yuan")),
                rs.getString("document_no"), rs.getString("reason"), plans.getOrDefault(rs.getInt("seq"), new TreeMap<>()),
                rs.getLong("source_line")), revisionId);
    }

    /** Records a plan-file version and returns its id. */
    public long recordVersion(PlanVersion version, String document) {
        long id = insertRevision(version.fiscalYear(), version.source(), version.effectiveDate(), version.fingerprint(),
                document);
        // The projects, then their checkpoints: each table's rows sent as they are made.
        RowBatch projects = new RowBatch(jdbc, INSERT_PROJECT);
        for (BudgetProject p : version.changed().values()) {
            projects.add(id, p.code(), false, p.unitCode(), p.unitName(), p.name(), p.budget().yuan(),
                    p.fiscalFunds().yuan(), p.otherFunds().yuan(), p.purpose(), p.goal(), p.planUnit().name(),
                    p.planUnitNote());
        }
        for (String code : version.removed()) {
            projects.add(id, code, true, null, null, null, null, null, null, null, null, null, null);
        }
        projects.finish();
        RowBatch checkpoints = new RowBatch(jdbc, INSERT_CHECKPOINT);
        for (BudgetProject p : version.changed().values()) {
            for (PlanCheckpoint c : p.checkpoints()) {
                checkpoints.add(id, p.code(), Date.valueOf(c.date()), c.cumulative().yuan());
            }
        }
        checkpoints.finish();
        return id;
    }

    /** Records a year's adjustments as now read (the whole set; empty when the file no longer has any). */
    public long recordAdjustments(int fiscalYear, String fingerprint, List<Adjustment> adjustments) {
        long id = insertRevision(fiscalYear, ADJUSTMENTS, null, fingerprint, AdjustmentsCsvReader.FILE);
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> figures = new ArrayList<>();
        int seq = 0;
        for (Adjustment a : adjustments) {
            seq++;
            lines.add(new Object[] {id, seq, a.line(), a.projectCode(), Date.valueOf(a.effectiveDate()),
                a.budgetChange().yuan(), a.fiscalChange().yuan(), a.otherChange().yuan(), a.documentNo(), a.reason()});
            for (var f : a.revisedPlan().entrySet()) {
                figures.add(new Object[] {id, seq, Date.valueOf(f.getKey()), f.getValue()});
            }
        }
        jdbc.batchUpdate(INSERT_ADJUSTMENT, lines);
        jdbc.batchUpdate(INSERT_ADJUSTMENT_CHECKPOINT, figures);
        return id;
    }

    private long insertRevision(int fiscalYear, String source, LocalDate effective, String fingerprint, String document) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement(INSERT_REVISION, new String[] {"id"});
            ps.setInt(1, fiscalYear);
            ps.setString(2, source);
            ps.setDate(3, effective == null ? null : Date.valueOf(effective));
            ps.setString(4, fingerprint);
            ps.setString(5, document);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** The as-of date and latest revision of the run before, if any. */
    public Optional<PlanRun> lastRun() {
        return jdbc.query(LAST_RUN, (rs, n) -> new PlanRun(rs.getDate("as_of").toLocalDate(), rs.getLong("revision_id")))
                .stream().findFirst();
    }

    public void recordRun(LocalDate asOf, long revisionId) {
        jdbc.update(RECORD_RUN, Date.valueOf(asOf), revisionId);
    }

    /** What a run saw of the plan: its as-of date and the latest revision then. */
    public record PlanRun(LocalDate asOf, long revisionId) {
    }
}
