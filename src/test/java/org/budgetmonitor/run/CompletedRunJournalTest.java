package org.budgetmonitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.budgetmonitor.spending.SpendingTotals;
import org.budgetmonitor.support.JobParameterNames;
import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

/** The journal line of a completed run says what the payments table then holds, however it is worked out. */
@JobTest
class CompletedRunJournalTest {

    @Autowired
    NightlyJobHarness job;

    @Autowired
    SpendingTotals totals;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    CompletedRunJournal journal;

    @BeforeEach
    void setUp() throws Exception {
        job.clear();
        Path inbox = tmp.resolve("inbox");
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要", "2026-02-10,P1,200.00,V2,乙,摘要",
                "2026-02-11,P2,50.00,V3,丙,摘要", "2026-03-01,P1,-20.00,V4,乙,冲销");
        assertThat(job.run(LocalDate.of(2026, 3, 31), Exports.plan(tmp.resolve("plan")), inbox, tmp.resolve("out"))
                .getStatus()).isEqualTo(BatchStatus.COMPLETED);
        MonitorProperties properties = new MonitorProperties("nightly", null, null, null, null, tmp.resolve("data"), null,
                false, null, null, null, false, false);
        // The line is labelled with the URL's database; the statements run on the test's own.
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://localhost/journalled");
        journal = new CompletedRunJournal(jdbc, totals, properties, environment);
    }

    private RunJournal.Entry recordedLine() throws Exception {
        JobExecution execution = MetaDataInstanceFactory.createJobExecution("nightly", 1L, 7L,
                new JobParametersBuilder().addLocalDate(JobParameterNames.AS_OF, LocalDate.of(2026, 3, 31))
                        .toJobParameters());
        execution.setStatus(BatchStatus.COMPLETED);
        journal.record(execution);
        var lines = journal.journal().read().on("postgresql://localhost/journalled");
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    @Test
    void recordsThePaymentsStoredAndTheirTotalWhenTheTotalsCountEveryOne() throws Exception {
        RunJournal.Entry line = recordedLine();

        assertThat(line.payments()).isEqualTo(4);
        assertThat(line.totalYuan()).isEqualByComparingTo("330.00");
    }

    @Test
    void countsThePaymentsTableWhenSomeAreNotInTheTotalsYet() throws Exception {
        // A night stopped between its ingest and its totals, then another job completed: no payment is counted yet.
        jdbc.update("DELETE FROM project_year_total");
        jdbc.update("UPDATE totals_watermark SET through_payment_id = 0");

        RunJournal.Entry line = recordedLine();

        assertThat(line.payments()).isEqualTo(4);
        assertThat(line.totalYuan()).isEqualByComparingTo("0");
    }
}
