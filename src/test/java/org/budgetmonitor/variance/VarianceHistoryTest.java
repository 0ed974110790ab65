package org.budgetmonitor.variance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.budgetmonitor.variance.FlaggedSinceTest.row;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A province stores 50,000 variance rows a night: kept for every night, that was 15 million rows a year,
 * in the database and in every nightly backup. The full rows are kept for the latest nights only
 * ({@code monitor.variance.keep-days}, 7); "since when" reads every night's flags from their compact form.
 */
@JobTest
class VarianceHistoryTest {

    static final LocalDate JAN = LocalDate.of(2026, 1, 1);

    @Autowired
    NightlyJobHarness job;

    @Autowired
    VarianceRepository variances;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void setUp() {
        job.clear();
    }

    @Test
    void keepsTheFullRowsOfTheLastSevenDaysOnlyAndTheFlagsOfEveryNight() {
        for (int day = 0; day < 30; day++) {
            LocalDate night = JAN.plusDays(day);
            variances.replace(night, List.of(row(night, "P1", Flag.RED), row(night, "P2", day < 10 ? Flag.GREEN : Flag.YELLOW)));
        }
        LocalDate last = JAN.plusDays(29);

        assertThat(jdbc.queryForList("SELECT DISTINCT as_of FROM variance_result ORDER BY as_of", Date.class))
                .map(Date::toLocalDate).containsExactlyElementsOf(last.minusDays(7).datesUntil(last.plusDays(1)).toList());
        assertThat(variances.findByAsOf(last)).hasSize(2);
        assertThat(variances.flaggedSince(last)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "P1", new FlagRun(JAN, JAN), "P2", new FlagRun(JAN.plusDays(10), null)));
    }

    @Test
    void everyFieldOfARowIsReadBackAsStoredWhateverItsText() {
        LocalDate night = LocalDate.of(2026, 6, 30);
        // Quotes, the CSV delimiter, a line break, a backslash and COPY's end-of-data marker inside names.
        VarianceRow awkward = new VarianceRow(night, "P\"1,", true, "实验室 \"一期\", 第二批\n\\.\\N \\", "U1",
                "单位,\r\n\"本级\"", Money.ofYuan(new BigDecimal("250000.00")), LocalDate.of(2026, 6, 30),
                Money.ofYuan(new BigDecimal("125000.00")), new BigDecimal("123456.1234567891"),
                Money.ofYuan(new BigDecimal("-0.01")), new BigDecimal("33.3333333333"), new BigDecimal("-16.6666666667"),
                Flag.YELLOW, List.of(Reason.BEHIND_PLAN, Reason.MISSED_CHECKPOINT), Money.ofYuan(new BigDecimal("200000.00")));
        VarianceRow empty = new VarianceRow(night, "", true, "", "", "", null, null, null, null,
                Money.ofYuan(BigDecimal.ZERO), null, null, Flag.GREEN, List.of(), null);
        VarianceRow unplanned = VarianceRow.unplanned(night, "X9", Money.ofYuan(new BigDecimal("12.34")));

        variances.replace(night, List.of(awkward, empty, unplanned));

        List<VarianceRow> read = variances.findByAsOf(night);
        assertThat(read).hasSize(3);
        assertThat(read.get(0)).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(awkward);
        assertThat(read.get(1).projectName()).isEmpty();
        assertThat(read.get(1).unitName()).isEmpty();
        assertThat(read.get(1).budget()).isNull();
        assertThat(read.get(1).reasons()).isEmpty();
        assertThat(read.get(2)).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(unplanned);
    }

    /**
     * The steps after the variance read the night from memory when their job stored it: each figure exactly as
     * the table gives it back (value and scale), so the CSV, the report and the mail print the same either way.
     */
    @Test
    void theNightAJobStoredIsReadByThatJobExactlyAsTheTableHoldsIt() {
        LocalDate night = LocalDate.of(2026, 6, 30);
        // More decimals than the columns keep, and fewer: both come back at the column's scale.
        VarianceRow fine = new VarianceRow(night, "P1", true, "实验室", "U1", "本级",
                Money.ofYuan(new BigDecimal("250000.123456")), night, Money.ofYuan(new BigDecimal("125000.12345675")),
                new BigDecimal("123456.123456789049"), Money.ofYuan(new BigDecimal("-0.005")),
                new BigDecimal("33.33333333335"), new BigDecimal("-16"), Flag.YELLOW, List.of(Reason.BEHIND_PLAN),
                Money.ofYuan(new BigDecimal("200000")));
        VarianceRow noOriginal = new VarianceRow(night, "P2", true, "二期", "U1", "本级",
                Money.ofYuan(new BigDecimal("10")), null, null, null, Money.ofYuan(new BigDecimal("3")), null, null,
                Flag.GREEN, List.of(), null);
        VarianceRow unplanned = VarianceRow.unplanned(night, "X9", Money.ofYuan(new BigDecimal("12.3")));

        transactions.executeWithoutResult(status -> variances.replace(night, List.of(fine, noOriginal, unplanned), 41));

        List<VarianceRow> fromMemory = variances.findByAsOf(night, 41);
        List<VarianceRow> fromTable = variances.findByAsOf(night);
        assertThat(fromMemory).isNotSameAs(fromTable);
        assertThat(fromMemory.stream().map(VarianceRow::toString))
                .containsExactlyElementsOf(fromTable.stream().map(VarianceRow::toString).toList());
        assertThat(fromMemory.get(0).actual().yuan()).isEqualByComparingTo("-0.01");
        assertThat(fromMemory.get(1).originalBudget()).isEqualTo(fromMemory.get(1).budget());
    }

    @Test
    void anotherJobOrARolledBackNightReadsTheTable() {
        LocalDate night = LocalDate.of(2026, 6, 30);
        variances.replace(night, List.of(row(night, "P1", Flag.RED)), 41);
        assertThat(variances.findByAsOf(night, 41)).isSameAs(variances.findByAsOf(night, 41));
        // A restart is a new job execution: it reads what is stored, not what the failed one held.
        assertThat(variances.findByAsOf(night, 42)).isNotSameAs(variances.findByAsOf(night, 41));

        transactions.executeWithoutResult(status -> {
            variances.replace(night, List.of(row(night, "P1", Flag.GREEN)), 43);
            status.setRollbackOnly();
        });

        assertThat(variances.findByAsOf(night, 43)).singleElement().extracting(VarianceRow::flag).isEqualTo(Flag.RED);
        assertThat(variances.findByAsOf(night, 41)).singleElement().extracting(VarianceRow::flag).isEqualTo(Flag.RED);
    }

    @Test
    void aNightWhoseFullRowsWerePrunedIsNeverReadAsANightWithoutProjects() {
        LocalDate first = LocalDate.of(2026, 6, 1);
        LocalDate later = first.plusDays(8);
        variances.replace(first, List.of(row(first, "P1", Flag.RED)));
        variances.replace(later, List.of(row(later, "P1", Flag.RED)));

        assertThatThrownBy(() -> variances.findByAsOf(first)).isInstanceOf(IllegalStateException.class)
                .hasMessage("no variance figures are stored for 2026-06-01: a night's figures are kept for "
                        + "monitor.variance.keep-days (7) days after it; run that night again (--as-of=2026-06-01)");
    }

    @Test
    void aDayStoredAgainAfterLaterOnesChangesOnlyItsOwnNight() {
        LocalDate apr = LocalDate.of(2026, 4, 30);
        LocalDate may = LocalDate.of(2026, 5, 31);
        LocalDate jun = LocalDate.of(2026, 6, 30);
        variances.replace(apr, List.of(row(apr, "P1", Flag.RED)));
        variances.replace(may, List.of(row(may, "P1", Flag.GREEN)));
        variances.replace(jun, List.of(row(jun, "P1", Flag.RED)));
        assertThat(variances.flaggedSince(jun)).containsExactlyEntriesOf(Map.of("P1", new FlagRun(jun, jun)));

        variances.replace(may, List.of(row(may, "P1", Flag.RED)));

        assertThat(variances.flaggedSince(jun)).containsExactlyEntriesOf(Map.of("P1", new FlagRun(apr, apr)));
        assertThat(variances.flaggedSince(may)).containsExactlyEntriesOf(Map.of("P1", new FlagRun(apr, apr)));
    }

    @Test
    void aProjectFirstPlannedLaterIsNumberedThenAndEarlierNightsDoNotKnowIt() {
        LocalDate may = LocalDate.of(2026, 5, 31);
        LocalDate jun = LocalDate.of(2026, 6, 30);
        variances.replace(may, List.of(row(may, "P1", Flag.RED)));
        variances.replace(jun, List.of(row(jun, "P1", Flag.RED), row(jun, "P0", Flag.YELLOW)));

        assertThat(variances.flaggedSince(jun)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "P1", new FlagRun(may, may), "P0", new FlagRun(jun, null)));
        assertThat(variances.flaggedSince(may)).containsExactlyEntriesOf(Map.of("P1", new FlagRun(may, may)));
    }

    @Test
    void theMigrationTakesTheFlagsOfTheNightsStoredBeforeFromTheirRows() throws Exception {
        LocalDate may = LocalDate.of(2026, 6, 26); // within the days whose full rows are kept
        LocalDate jun = LocalDate.of(2026, 6, 30);
        variances.replace(may, List.of(row(may, "P1", Flag.YELLOW), row(may, "P2", Flag.GREEN)));
        variances.replace(jun, List.of(row(jun, "P1", Flag.RED), row(jun, "P2", Flag.RED)));
        // As a database of the version before: the rows, no flags.
        jdbc.update("DELETE FROM variance_flags");
        jdbc.update("DELETE FROM flag_code");
        assertThat(variances.flaggedSince(jun)).isEmpty();

        try (Connection connection = dataSource.getConnection()) {
            new V21__FlagsOfStoredNights().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }

        assertThat(variances.flaggedSince(jun)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "P1", new FlagRun(may, jun), "P2", new FlagRun(jun, jun)));
    }
}
