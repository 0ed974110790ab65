package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doCallRealMethod;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** A run that fails part-way is restarted by running it again, and ends with the same totals. */
@JobTest
@TestPropertySource(properties = "monitor.ingest.chunk-size=2")
class RestartTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);

    @Autowired
    NightlyJobHarness job;

    @Autowired
    JdbcTemplate jdbc;

    @MockitoSpyBean
    DisbursementRepository disbursements;

    @TempDir
    Path tmp;

    Path plan;
    Path inbox;

    @BeforeEach
    void setUp() {
        job.clear();
        plan = Exports.plan(tmp.resolve("plan"));
        inbox = tmp.resolve("inbox");
        List<String> lines = new ArrayList<>(List.of(Exports.HEADER));
        for (int i = 1; i <= 9; i++) {
            lines.add("2026-0" + i + "-15,P1," + i + "00.00,V" + i + ",收款人,摘要");
        }
        lines.add("2026-02-15,P1,200.00,V2,收款人,摘要"); // a second identical payment
        Exports.write(inbox, "a.csv", lines.toArray(String[]::new));
        Exports.write(inbox, "b.csv", Exports.HEADER, "2026-10-01,P1,1000.00,V10,收款人,摘要", "bad,P1,1,V11,,");
    }

    private JobExecution run() throws Exception {
        return job.run(AS_OF, plan, inbox, tmp.resolve("out"));
    }

    @Test
    void aRunThatFailedMidIngestRestartsWhereItStoppedWithTheSameTotals() throws Exception {
        // The third chunk fails to write: two chunks (four lines) are committed.
        doCallRealMethod().doCallRealMethod().doThrow(new IllegalStateException("database went away"))
                .doCallRealMethod().when(disbursements).store(anyList(), anyLong());

        JobExecution failed = run();
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(job.paymentCount()).isEqualTo(4);

        JobExecution restarted = run();

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(job.paymentCount()).isEqualTo(11);
        // 100 + … + 900 = 4,500, + 200 again, + 1,000
        assertThat(job.totalYuan()).isEqualByComparingTo("5700.00");
        var ingest = NightlyJobHarness.ingestContext(restarted);
        assertThat(ingest.getLong(IngestWriter.INSERTED)).isEqualTo(11);
        assertThat(ingest.getLong(IngestWriter.DUPLICATES)).isZero();
        assertThat(ingest.getLong(IngestWriter.REJECTED)).isEqualTo(1);
    }

    @Test
    void aRunWhoseProcessDiedIsRecoveredAndRestarted() throws Exception {
        doCallRealMethod().doThrow(new IllegalStateException("killed")).doCallRealMethod()
                .when(disbursements).store(anyList(), anyLong());
        JobExecution failed = run();
        // Make it look as a kill -9 leaves it: still STARTED, no end time.
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL WHERE JOB_EXECUTION_ID = ?",
                failed.getId());
        jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL WHERE JOB_EXECUTION_ID = ?",
                failed.getId());

        JobExecution restarted = run();

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(job.totalYuan()).isEqualByComparingTo("5700.00");
    }

    private void failInTheThirdChunk() {
        // Chunks of two lines: the first two chunks (four lines of a.csv) are committed.
        doCallRealMethod().doCallRealMethod().doThrow(new IllegalStateException("database went away"))
                .doCallRealMethod().when(disbursements).store(anyList(), anyLong());
    }

    @Test
    void aRestartReadsAFileAddedSinceTheFailureEvenWhenItsNameSortsFirst() throws Exception {
        failInTheThirdChunk();
        JobExecution failed = run();
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        Exports.write(inbox, "0-added.csv", Exports.HEADER, "2026-11-01,P1,7.00,V20,收款人,摘要");

        JobExecution restarted = run();

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(job.totalYuan()).isEqualByComparingTo("5707.00");
        assertThat(job.paymentCount()).isEqualTo(12);
    }

    @Test
    void aRestartReadsTheHalfReadFileAfreshWhenItChangedSinceTheFailure() throws Exception {
        failInTheThirdChunk();
        assertThat(run().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(job.paymentCount()).isEqualTo(4);
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-01-15,P1,100.00,V1,收款人,摘要",
                "2026-03-15,P1,300.00,V3,收款人,摘要");

        JobExecution restarted = run();

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(job.totalYuan()).isEqualByComparingTo("1400.00");
        assertThat(job.paymentCount()).isEqualTo(3);
    }

    @Test
    void aHalfReadFileGoneFromTheInboxBeforeTheRestartCountsNothing() throws Exception {
        failInTheThirdChunk();
        assertThat(run().getStatus()).isEqualTo(BatchStatus.FAILED);
        java.nio.file.Files.delete(inbox.resolve("a.csv"));

        JobExecution restarted = run();

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(job.totalYuan()).isEqualByComparingTo("1000.00");
        assertThat(NightlyJobHarness.ingestContext(restarted).getString(InboxReader.DECISIONS))
                .isEqualTo("a.csv: half-read by the interrupted attempt and gone from the inbox (or unreadable); its 4 payments taken out");
    }

    @Test
    void aRestartCountsEachFileOnceInTheSummary() throws Exception {
        failInTheThirdChunk();
        assertThat(run().getStatus()).isEqualTo(BatchStatus.FAILED);

        JobExecution restarted = run();

        var ingest = NightlyJobHarness.ingestContext(restarted);
        assertThat(ingest.getInt(InboxReader.FILES_READ)).isEqualTo(2);
        assertThat(ingest.getString(InboxReader.UNCHANGED)).isEmpty();
    }

    @Test
    void aHalfReadFileThatCannotBeReadAtTheRestartCountsNothingAndIsRejected() throws Exception {
        failInTheThirdChunk();
        assertThat(run().getStatus()).isEqualTo(BatchStatus.FAILED);
        java.nio.file.Files.delete(inbox.resolve("a.csv"));
        java.nio.file.Files.createDirectories(inbox.resolve("a.csv"));

        JobExecution restarted = run();

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(job.totalYuan()).isEqualByComparingTo("1000.00");
        assertThat(jdbc.queryForList("SELECT reason FROM rejected_row WHERE source_file = 'a.csv'", String.class))
                .singleElement().asString().startsWith("cannot read file");
    }
}
