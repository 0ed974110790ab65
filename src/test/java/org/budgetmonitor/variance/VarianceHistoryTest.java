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
