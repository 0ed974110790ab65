package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.FaultyExports;
import org.budgetmonitor.testing.FaultyExports.Expected;
import org.budgetmonitor.testing.FaultyExports.Fault;
import org.budgetmonitor.testing.FaultyExports.RejectAt;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The promise of issue 13, fault by fault: a bad file among good ones is a rejected file or line,
 * never a failed night; the totals are those of the good lines alone, each counted once.
 */
@JobTest
class FaultInjectionTest {

    // Dates no other test class uses: the context (and database) is shared, and a failed night would be restarted.
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);

    @Autowired
    NightlyJobHarness job;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    Path plan;
    Path inbox;

    @BeforeEach
    void setUp() {
        job.clear();
        plan = Exports.plan(tmp.resolve("plan"));
        inbox = tmp.resolve("inbox");
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aFaultyFileBetweenGoodOnesLosesNothingAndCountsNothingTwice(Fault fault) throws Exception {
        Expected expected = FaultyExports.write(inbox, "a-good", Fault.NONE)
                .plus(FaultyExports.write(inbox, "m-" + fault.name().toLowerCase(), fault))
                .plus(FaultyExports.write(inbox, "z-good", Fault.NONE));

        // A date of its own: a night that failed here would otherwise be restarted by the next case.
        LocalDate asOf = LocalDate.of(2026, 12, 1).plusDays(fault.ordinal());
        JobExecution night = job.run(asOf, plan, inbox, tmp.resolve("out"));

        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertMatches(expected);
        // The next night over the same inbox changes nothing.
        assertThat(job.run(asOf.plusDays(1), plan, inbox, tmp.resolve("out")).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
        assertMatches(expected);
    }

    @Test
    void everyFaultAtOnceStillCompletesTheNightWithTheGoodLinesTotals() throws Exception {
        Expected expected = FaultyExports.write(inbox, "good", Fault.NONE);
        for (Fault fault : Fault.values()) {
            expected = expected.plus(FaultyExports.write(inbox, fault.name().toLowerCase(), fault));
        }

        JobExecution night = job.run(AS_OF, plan, inbox, tmp.resolve("out"));

        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertMatches(expected);
        String rejectedCsv = Files.readString(tmp.resolve("out/2026-11-30/rejected-2026-11-30.csv"));
        for (RejectAt reject : expected.rejects()) {
            assertThat(rejectedCsv).contains(reject.file() + "," + reject.line() + ",");
        }
    }

    /** The stored payments are exactly the good lines, and every bad file or line is reported where it is. */
    void assertMatches(Expected expected) {
        assertThat(job.totalYuan()).isEqualByComparingTo(expected.countedYuan());
        assertThat(job.paymentCount()).isEqualTo(expected.payments());
        BigDecimal monthly = jdbc.queryForObject("SELECT COALESCE(SUM(m01_yuan + m02_yuan + m03_yuan + m04_yuan + m05_yuan"
                + " + m06_yuan + m07_yuan + m08_yuan + m09_yuan + m10_yuan + m11_yuan + m12_yuan), 0)"
                + " FROM project_year_total", BigDecimal.class);
        assertThat(monthly).isEqualByComparingTo(expected.countedYuan());
        List<RejectAt> found = new ArrayList<>();
        jdbc.query("SELECT DISTINCT r.source_file, r.line_no, r.reason FROM rejected_row r", rs -> {
            found.add(new RejectAt(rs.getString(1), rs.getLong(2), rs.getString(3)));
        });
        // A notice about a line taken as it stands (a stray quote) is no rejection.
        found.removeIf(r -> r.reasonContains().contains("taken as text"));
        assertThat(found).hasSameSizeAs(expected.rejects());
        for (RejectAt reject : expected.rejects()) {
            assertThat(found).as("reject of %s line %d", reject.file(), reject.line()).anySatisfy(r -> {
                assertThat(r.file()).isEqualTo(reject.file());
                assertThat(r.line()).isEqualTo(reject.line());
                assertThat(r.reasonContains()).contains(reject.reasonContains());
            });
        }
    }
}
