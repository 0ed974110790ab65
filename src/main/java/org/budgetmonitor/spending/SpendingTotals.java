package org.budgetmonitor.spending;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.budgetmonitor.support.PostgresCopy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Net spending per project per month ({@code project_year_total}, a row per project and year with a
 * column per month), kept up to date from the
 * stored payments, and the actual spending of every project read from it (and, from its payment counts,
 * each unit's latest pay date).
 *
 * <p>Why: with millions of payment lines a year, adding up the year's lines every night would make
 * each night cost as much as the whole year. The monthly totals are brought up to date from the
 * payments stored since the last update (those with an id above the watermark), so a night costs
 * what its new lines cost; reading the actuals costs one row per project plus the lines dated after
 * the as-of date within its month (usually none).
 */
@Repository
public class SpendingTotals {

    private static final String WATERMARK = "SELECT through_payment_id FROM totals_watermark WHERE id = 1";
    private static final String SET_WATERMARK = "UPDATE totals_watermark SET through_payment_id = ? WHERE id = 1";
    // The payments stored since the watermark, a range of ids at a time: memory stays bounded, and a
    // range on the primary key is read along its index even before the database has statistics of a
    // freshly loaded table (an open-ended "id > ? ORDER BY id LIMIT n" may then be planned as a scan
    // of the whole table for every page).
    private static final String LAST_PAYMENT = "SELECT MAX(id) FROM disbursement";
    private static final String NEW_PAYMENTS = """
            SELECT pay_date, project_code, amount_yuan FROM disbursement WHERE id > ? AND id <= ?""";
    private static final int PAGE = 50_000;

    private static final String MONTH_COLUMNS = "m01_yuan, m02_yuan, m03_yuan, m04_yuan, m05_yuan, m06_yuan, "
            + "m07_yuan, m08_yuan, m09_yuan, m10_yuan, m11_yuan, m12_yuan";
    /** How many payments each month's amount adds up (V10): a month can net to 0 and still have payments. */
    private static final String COUNT_COLUMNS = MONTH_COLUMNS.replace("_yuan", "_payments");
    // m01_yuan = m01_yuan + ?, …, m12_yuan = m12_yuan + ?, m01_payments = m01_payments + ?, …
    private static final String ADD = "UPDATE project_year_total SET "
            + String.join(", ", Stream.of((MONTH_COLUMNS + ", " + COUNT_COLUMNS).split(", "))
                    .map(c -> c + " = " + c + " + ?").toList())
            + " WHERE fiscal_year = ? AND project_code = ?";
    private static final String INSERT = "INSERT INTO project_year_total (fiscal_year, project_code, " + MONTH_COLUMNS
            + ", " + COUNT_COLUMNS + ") VALUES (?, ?" + ", ?".repeat(24) + ")";
    // PostgreSQL: the night's sums in a staging table of the session, emptied by each transaction's commit.
    private static final String CREATE_STAGE = "CREATE TEMPORARY TABLE IF NOT EXISTS total_stage (fiscal_year INTEGER, "
            + "project_code VARCHAR(64), " + (MONTH_COLUMNS + ", ").replace(", ", " NUMERIC, ")
            + (COUNT_COLUMNS + ", ").replace(", ", " INTEGER, ").replaceAll(", $", "") + ") ON COMMIT DELETE ROWS";
    private static final String COPY_STAGE = "COPY total_stage (fiscal_year, project_code, " + MONTH_COLUMNS + ", "
            + COUNT_COLUMNS + ") FROM STDIN (FORMAT csv)";
    private static final String ADD_STAGED = "UPDATE project_year_total t SET "
            + String.join(", ", Stream.of((MONTH_COLUMNS + ", " + COUNT_COLUMNS).split(", "))
                    .map(c -> c + " = t." + c + " + s." + c).toList())
            + " FROM total_stage s WHERE t.fiscal_year = s.fiscal_year AND t.project_code = s.project_code";
    private static final String INSERT_STAGED = "INSERT INTO project_year_total (fiscal_year, project_code, "
            + MONTH_COLUMNS + ", " + COUNT_COLUMNS + ") SELECT s.fiscal_year, s.project_code, " + MONTH_COLUMNS + ", "
            + COUNT_COLUMNS + " FROM total_stage s WHERE NOT EXISTS (SELECT 1 FROM project_year_total t "
            + "WHERE t.fiscal_year = s.fiscal_year AND t.project_code = s.project_code)";
    private static final String STORED_PROJECTS = "SELECT project_code FROM project_year_total WHERE fiscal_year = ?";
    private static final int MAX_PROJECT_YEARS_IN_MEMORY = 200_000;
    private static final String YEAR = "SELECT project_code, " + MONTH_COLUMNS
            + " FROM project_year_total WHERE fiscal_year = ?";
    static final String LATER_IN_MONTH = """
            SELECT project_code, pay_date, SUM(amount_yuan) AS total FROM disbursement
            WHERE pay_date > ? AND pay_date <= ? GROUP BY project_code, pay_date""";
    private static final String YEAR_COUNTS = "SELECT project_code, " + COUNT_COLUMNS
            + " FROM project_year_total WHERE fiscal_year = ?";
    // Only the payments the totals hold (id up to the watermark) count, but the id is tested per row, not
    // in the WHERE clause: there H2 plans "id <= watermark" along the primary key, a scan of the whole year
    // (12 s at a million payments) for a read of a few days.
    static final String COUNTED_LATER_IN_MONTH = """
            SELECT project_code, SUM(CASE WHEN id <= ? THEN 1 ELSE 0 END) FROM disbursement
            WHERE pay_date > ? AND pay_date <= ? GROUP BY project_code""";

    // The same payments counted two ways: the totals were added up along the primary key (id ranges),
    // this reads them along the pay-date index. They differ only when the table and its index do.
    private static final String ALL_TOTALS = "SELECT SUM(" + MONTH_COLUMNS.replace(", ", " + ") + "), SUM("
            + COUNT_COLUMNS.replace(", ", " + ") + ") FROM project_year_total";
    private static final String ALL_PAYMENTS_BY_DATE =
            "SELECT SUM(amount_yuan), COUNT(*) FROM disbursement WHERE pay_date >= DATE '1900-01-01'";

    // The watermark against the last payment, and what the totals count: in one statement, so that the answer is of
    // one moment.
    private static final String COUNTED = "SELECT w.through_payment_id, (SELECT COALESCE(MAX(id), 0) FROM disbursement), "
            + "(SELECT COALESCE(SUM(" + COUNT_COLUMNS.replace(", ", " + ") + "), 0) FROM project_year_total), "
            + "(SELECT COALESCE(SUM(" + MONTH_COLUMNS.replace(", ", " + ") + "), 0) FROM project_year_total) "
            + "FROM totals_watermark w WHERE w.id = 1";

    // Each unit's latest pay date lies in its latest month with payments, which the counts tell: only such
    // months' payments are read, a range of pay dates each (along the pay-date index), not every year's.
    private static final String COUNTS_THROUGH_YEAR = "SELECT project_code, fiscal_year, " + COUNT_COLUMNS
            + " FROM project_year_total WHERE fiscal_year <= ?";
    static final String LATEST_BETWEEN = """
            SELECT project_code, MAX(pay_date) FROM disbursement WHERE pay_date >= ? AND pay_date <= ?
            GROUP BY project_code""";
    private static final String LATEST_OF_EVERY_PAYMENT =
            "SELECT project_code, MAX(pay_date) FROM disbursement WHERE pay_date <= ? GROUP BY project_code";

    private static final NavigableMap<LocalDate, BigDecimal> EMPTY = Collections.emptyNavigableMap();

    private final JdbcTemplate jdbc;
    private final int page;
    private final int maxInMemory;
    /** PostgreSQL: the sums are copied into a staging table and added in two statements. */
    private final boolean copy;

    @Autowired
    public SpendingTotals(JdbcTemplate jdbc) {
        this(jdbc, PAGE);
    }

    /** @param page how many payment ids a read of the new payments spans */
    SpendingTotals(JdbcTemplate jdbc, int page) {
        this(jdbc, page, MAX_PROJECT_YEARS_IN_MEMORY);
    }

    /** @param maxInMemory how many projects' years are summed before they are written (and summing starts again) */
    SpendingTotals(JdbcTemplate jdbc, int page, int maxInMemory) {
        this.jdbc = jdbc;
        this.page = page;
        this.maxInMemory = maxInMemory;
        this.copy = PostgresCopy.isPostgres(jdbc);
    }

    /**
     * A change to one project's spending in one month.
     *
     * @param payments how many payments it adds (negative: takes out)
     */
    public record Change(LocalDate payDate, String projectCode, BigDecimal amountYuan, int payments) {

        /** A stored payment of that amount taken out again (a correction or an abandoned file). */
        public static Change takenOut(LocalDate payDate, String projectCode, BigDecimal amountYuan) {
            return new Change(payDate, projectCode, amountYuan.negate(), -1);
        }
    }

    /** Adds the payments stored since the last update to the monthly totals; returns how many. */
    public long catchUp() {
        long through = watermark();
        Long last = jdbc.queryForObject(LAST_PAYMENT, Long.class);
        if (last == null || last <= through) {
            return 0;
        }
        long applied = 0;
        // A year's payments add up to one row per project: sums are kept per project and year, and
        // written once, however many pages they came in. In BigDecimal, exact whatever the amounts: a
        // sum in long 分 overflowed (or wrapped silently) on amounts stored before they were bounded.
        Map<ProjectYear, Sums> sums = new HashMap<>();
        for (long from = through; from < last; from += page) {
            long[] rows = {0};
            jdbc.query(NEW_PAYMENTS, rs -> {
                rows[0]++;
                add(sums, rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBigDecimal(3), 1);
            }, from, Math.min(from + page, last));
            applied += rows[0];
            if (sums.size() >= maxInMemory) {
                write(sums);
                sums.clear();
            }
        }
        write(sums);
        jdbc.update(SET_WATERMARK, last);
        return applied;
    }

    /**
     * After {@link #catchUp()}: whether the monthly totals still add up to the stored payments, read
     * along the pay-date index. Empty when they do; otherwise what differs. A database whose table
     * and index disagree (seen on H2 after a killed process) must not produce a night's figures.
     */
    public Optional<String> disagreementWithPayments() {
        BigDecimal[] totals = new BigDecimal[2];
        jdbc.query(ALL_TOTALS, rs -> {
            totals[0] = orZero(rs.getBigDecimal(1));
            totals[1] = orZero(rs.getBigDecimal(2));
        });
        BigDecimal[] payments = new BigDecimal[2];
        jdbc.query(ALL_PAYMENTS_BY_DATE, rs -> {
            payments[0] = orZero(rs.getBigDecimal(1));
            payments[1] = orZero(rs.getBigDecimal(2));
        });
        if (totals[0].compareTo(payments[0]) == 0 && totals[1].compareTo(payments[1]) == 0) {
            return Optional.empty();
        }
        return Optional.of("the monthly totals count " + totals[1].toPlainString() + " payments of "
                + totals[0].toPlainString() + " 元, but the payments table read by pay date holds "
                + payments[1].toPlainString() + " of " + payments[0].toPlainString() + " 元");
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** How many payments are stored and their net sum (元). */
    public record Counted(long payments, BigDecimal totalYuan) {
    }

    /**
     * The stored payments' number and net sum as the totals count them, when they count every one (their
     * watermark is the last payment's id); empty while payments wait to be counted. A province's 50,000 rows
     * of totals instead of a count of the year's payments: a scan of a million rows (PostgreSQL counts along an
     * index, H2 only for a table without a condition) that would grow with every year kept.
     */
    public Optional<Counted> countedPayments() {
        return jdbc.query(COUNTED, rs -> {
            rs.next();
            return rs.getLong(1) == rs.getLong(2) ? Optional.of(new Counted(rs.getLong(3), rs.getBigDecimal(4)))
                    : Optional.<Counted>empty();
        });
    }

    /** The id of the last payment the totals include: payments above it are not counted yet. */
    public long watermark() {
        return jdbc.queryForObject(WATERMARK, Long.class);
    }

    /** Adds changes (negative ones take payments out) to the monthly totals. */
    public void apply(Collection<Change> changes) {
        Map<ProjectYear, Sums> sums = new HashMap<>();
        changes.forEach(c -> add(sums, c.payDate(), c.projectCode(), c.amountYuan(), c.payments()));
        write(sums);
    }

    private record ProjectYear(String projectCode, int year) {
    }

    /** A project's year: net amount (元) and number of payments per month. */
    private record Sums(BigDecimal[] yuan, int[] payments) {

        Sums() {
            this(new BigDecimal[12], new int[12]);
            Arrays.fill(yuan, BigDecimal.ZERO);
        }
    }

    private static void add(Map<ProjectYear, Sums> sums, LocalDate payDate, String projectCode, BigDecimal yuan,
            int payments) {
        Sums year = sums.computeIfAbsent(new ProjectYear(projectCode, payDate.getYear()), k -> new Sums());
        int m = payDate.getMonthValue() - 1;
        year.yuan()[m] = year.yuan()[m].add(yuan);
        year.payments()[m] += payments;
    }

    private void write(Map<ProjectYear, Sums> sums) {
        if (sums.isEmpty()) {
            return;
        }
        // The staging table is the session's: only within a transaction are COPY and the statements after it
        // sure to share one connection (the steps always run in one).
        if (copy && TransactionSynchronizationManager.isActualTransactionActive()) {
            writeByCopy(sums);
            return;
        }
        // Updated where the project's year has a row, inserted where not: knowing which first saves
        // a statement per project on the first night of a year (or of a full load), when none has.
        Set<ProjectYear> stored = new HashSet<>();
        sums.keySet().stream().map(ProjectYear::year).distinct().forEach(year -> jdbc.query(STORED_PROJECTS,
                rs -> {
                    stored.add(new ProjectYear(rs.getString(1), year));
                }, year));
        List<Map.Entry<ProjectYear, Sums>> updates = new ArrayList<>();
        List<Map.Entry<ProjectYear, Sums>> inserts = new ArrayList<>();
        for (Map.Entry<ProjectYear, Sums> e : sums.entrySet()) {
            (stored.contains(e.getKey()) ? updates : inserts).add(e);
        }
        jdbc.batchUpdate(ADD, updates, 1000, (ps, e) -> bind(ps, e, 1, 25, 26));
        jdbc.batchUpdate(INSERT, inserts, 1000, (ps, e) -> bind(ps, e, 3, 1, 2));
    }

    private void writeByCopy(Map<ProjectYear, Sums> sums) {
        jdbc.execute(CREATE_STAGE);
        jdbc.execute("TRUNCATE total_stage"); // an earlier write of this transaction left its rows
        PostgresCopy.copyIn(jdbc, COPY_STAGE, new ArrayList<>(sums.entrySet()), (csv, i, e) -> {
            csv.append(e.getKey().year()).append(',');
            PostgresCopy.text(csv, e.getKey().projectCode());
            for (BigDecimal yuan : e.getValue().yuan()) {
                csv.append(',').append(yuan.toPlainString());
            }
            for (int payments : e.getValue().payments()) {
                csv.append(',').append(payments);
            }
            csv.append('\n');
        });
        jdbc.update(ADD_STAGED);
        jdbc.update(INSERT_STAGED);
    }

    /**
     * Binds the twelve monthly amounts (元) from position {@code first}, then the twelve payment
     * counts, and the year and the project.
     */
    private static void bind(PreparedStatement ps, Map.Entry<ProjectYear, Sums> e, int first, int yearAt,
            int projectAt) throws SQLException {
        for (int m = 0; m < 12; m++) {
            ps.setBigDecimal(first + m, e.getValue().yuan()[m]);
            ps.setInt(first + 12 + m, e.getValue().payments()[m]);
        }
        ps.setInt(yearAt, e.getKey().year());
        ps.setString(projectAt, e.getKey().projectCode());
    }

    /**
     * Every project's net spending in its fiscal year up to and including {@code asOf}, as amounts
     * per point in time: one point per month before the as-of date's month (at the month's last
     * day) and one at the as-of date. {@code exactDates} (e.g. mid-month plan checkpoints) get a
     * point of their own, so that the cumulative amount read at any of these dates is exact.
     *
     * @return per project code, the net amount (元) paid in the period ending at each point
     */
    public Map<String, NavigableMap<LocalDate, BigDecimal>> actualsThrough(LocalDate asOf,
            Collection<LocalDate> exactDates) {
        LocalDate yearStart = asOf.withDayOfYear(1);
        // The dates within a month where a period must end besides the month's last day.
        Map<YearMonth, TreeSet<LocalDate>> splits = new HashMap<>();
        List<LocalDate> candidates = new ArrayList<>(exactDates);
        candidates.add(asOf);
        for (LocalDate date : candidates) {
            if (!date.isBefore(yearStart) && !date.isAfter(asOf) && !date.equals(YearMonth.from(date).atEndOfMonth())) {
                splits.computeIfAbsent(YearMonth.from(date), m -> new TreeSet<>()).add(date);
            }
        }
        // Per split month and project: the amounts paid on each day after the month's first split.
        Map<YearMonth, Map<String, NavigableMap<LocalDate, BigDecimal>>> later = new HashMap<>();
        splits.forEach((month, dates) -> {
            Map<String, NavigableMap<LocalDate, BigDecimal>> days = new HashMap<>();
            jdbc.query(LATER_IN_MONTH, rs -> {
                days.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                        .put(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3));
            }, Date.valueOf(dates.first()), Date.valueOf(month.atEndOfMonth()));
            later.put(month, days);
        });

        // The months and their last days once, not once a project (a province has 50,000 of them).
        YearMonth[] months = new YearMonth[asOf.getMonthValue()];
        LocalDate[] monthEnds = new LocalDate[months.length];
        for (int m = 0; m < months.length; m++) {
            months[m] = YearMonth.of(asOf.getYear(), m + 1);
            monthEnds[m] = months[m].atEndOfMonth();
        }
        Map<String, NavigableMap<LocalDate, BigDecimal>> result = new HashMap<>();
        jdbc.query(YEAR, rs -> {
            String project = rs.getString(1);
            NavigableMap<LocalDate, BigDecimal> points = new TreeMap<>();
            for (int m = 0; m < months.length; m++) {
                YearMonth month = months[m];
                BigDecimal total = rs.getBigDecimal(2 + m);
                TreeSet<LocalDate> ends = splits.get(month);
                if (ends == null) {
                    points.put(monthEnds[m], total);
                } else {
                    splitMonth(points, month, total, ends, later.get(month).getOrDefault(project, EMPTY), asOf);
                }
            }
            result.put(project, points);
        }, asOf.getYear());
        return result;
    }

    /**
     * The project codes with at least one counted payment dated in {@code asOf}'s year up to and
     * including {@code asOf}, whatever the payments add up to (a payment and its reversal are two).
     * A code whose only payments are dated later is not among them, although it has a row of totals.
     */
    public Set<String> codesWithPaymentsThrough(LocalDate asOf) {
        YearMonth month = YearMonth.from(asOf);
        Map<String, Integer> laterInMonth = new HashMap<>();
        if (!asOf.equals(month.atEndOfMonth())) {
            jdbc.query(COUNTED_LATER_IN_MONTH, rs -> {
                laterInMonth.put(rs.getString(1), rs.getInt(2));
            }, watermark(), Date.valueOf(asOf), Date.valueOf(month.atEndOfMonth()));
        }
        Set<String> codes = new HashSet<>();
        jdbc.query(YEAR_COUNTS, rs -> {
            String project = rs.getString(1);
            long payments = -laterInMonth.getOrDefault(project, 0);
            for (int m = 1; m <= asOf.getMonthValue(); m++) {
                payments += rs.getInt(1 + m);
            }
            if (payments > 0) {
                codes.add(project);
            }
        }, asOf.getYear());
        return codes;
    }

    /**
     * Each unit's latest pay date on or before {@code notAfter}, in any year (units without one absent): the latest
     * of its projects' payments. Read from each unit's latest month with payments by the counts, usually the date's
     * own month for every unit: one month's payments, not each project's latest month (spread over several).
     *
     * @param unitByProject the unit of each project code; payments of codes not in it count for no unit
     */
    public Map<String, LocalDate> latestPayDatesOfUnits(LocalDate notAfter, Map<String, String> unitByProject) {
        Long last = jdbc.queryForObject(LAST_PAYMENT, Long.class);
        if (last == null) {
            return new HashMap<>();
        }
        if (last > watermark()) {
            return ofEveryPayment(notAfter, unitByProject); // payments not counted yet (a failed night)
        }
        YearMonth dateMonth = YearMonth.from(notAfter);
        Map<String, TreeSet<YearMonth>> monthsWithPayments = new HashMap<>();
        jdbc.query(COUNTS_THROUGH_YEAR, rs -> {
            String unit = unitByProject.get(rs.getString(1));
            if (unit == null) {
                return;
            }
            int year = rs.getInt(2);
            int throughMonth = year == notAfter.getYear() ? notAfter.getMonthValue() : 12;
            for (int m = 1; m <= throughMonth; m++) {
                if (rs.getInt(2 + m) > 0) {
                    monthsWithPayments.computeIfAbsent(unit, k -> new TreeSet<>()).add(YearMonth.of(year, m));
                }
            }
        }, notAfter.getYear());
        // Each month is read once, for all the units whose answer lies in it.
        Map<YearMonth, Map<String, LocalDate>> read = new HashMap<>();
        Function<YearMonth, Map<String, LocalDate>> latestIn = month -> read.computeIfAbsent(month,
                m -> ofUnits(latestByProject(LATEST_BETWEEN, m.atDay(1), m.equals(dateMonth) ? notAfter : m.atEndOfMonth()),
                        unitByProject));
        Map<String, LocalDate> latest = new HashMap<>();
        for (Map.Entry<String, TreeSet<YearMonth>> entry : monthsWithPayments.entrySet()) {
            String unit = entry.getKey();
            for (YearMonth month : entry.getValue().descendingSet()) {
                LocalDate date = latestIn.apply(month).get(unit);
                if (date != null) {
                    latest.put(unit, date);
                    break;
                }
                // The date's own month may count only payments after the date (a re-run of an earlier day):
                // the unit's answer is in an earlier month. Any other month counted with payments holds some.
                if (!month.equals(dateMonth)) {
                    return ofEveryPayment(notAfter, unitByProject); // the totals are out of step, the payments are right
                }
            }
        }
        return latest;
    }

    private Map<String, LocalDate> ofEveryPayment(LocalDate notAfter, Map<String, String> unitByProject) {
        return ofUnits(latestByProject(LATEST_OF_EVERY_PAYMENT, notAfter), unitByProject);
    }

    /** Per unit, the latest of its projects' dates (projects of no unit left out). */
    private static Map<String, LocalDate> ofUnits(Map<String, LocalDate> byProject, Map<String, String> unitByProject) {
        Map<String, LocalDate> byUnit = new HashMap<>();
        byProject.forEach((project, date) -> {
            String unit = unitByProject.get(project);
            if (unit != null) {
                byUnit.merge(unit, date, (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        return byUnit;
    }

    /** Per project code, the MAX(pay_date) of a query grouped by project code. */
    private Map<String, LocalDate> latestByProject(String sql, LocalDate... bounds) {
        Map<String, LocalDate> latest = new HashMap<>();
        jdbc.query(sql, rs -> {
            latest.put(rs.getString(1), rs.getObject(2, LocalDate.class));
        }, Stream.of(bounds).map(Date::valueOf).toArray());
        return latest;
    }

    /** A month's total as periods ending at each split date (and at the month's end if before the as-of date). */
    private static void splitMonth(NavigableMap<LocalDate, BigDecimal> points, YearMonth month, BigDecimal total,
            TreeSet<LocalDate> ends, NavigableMap<LocalDate, BigDecimal> laterDays, LocalDate asOf) {
        List<LocalDate> periodEnds = new ArrayList<>(ends);
        if (month.atEndOfMonth().isBefore(asOf)) {
            periodEnds.add(month.atEndOfMonth());
        }
        BigDecimal before = BigDecimal.ZERO; // paid up to the previous split within the month
        for (LocalDate end : periodEnds) {
            BigDecimal upToEnd = total.subtract(sum(laterDays.tailMap(end, false).values()));
            points.put(end, upToEnd.subtract(before));
            before = upToEnd;
        }
    }

    private static BigDecimal sum(Collection<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
