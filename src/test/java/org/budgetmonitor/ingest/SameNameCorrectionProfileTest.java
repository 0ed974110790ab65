package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A payment system whose profile says it re-sends corrections under the file name they correct. */
@JobTest
@TestPropertySource(properties = {
    "monitor.ingest.profiles[0].name=财务软件",
    "monitor.ingest.profiles[0].file-pattern=ledger-*.csv",
    "monitor.ingest.profiles[0].same-name-corrects=true"
})
class SameNameCorrectionProfileTest {

    @Autowired
    NightlyJobHarness job;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() {
        job.clear();
    }

    private JobExecution night(Path inbox) throws Exception {
        JobExecution execution = job.run(LocalDate.of(2026, 3, 31), Exports.plan(tmp.resolve("plan")), inbox,
                tmp.resolve("out"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    @Test
    void aChangedFileOfSuchASystemReplacesItsEarlierVersionWhateverDatesItCovers() throws Exception {
        Path inbox = tmp.resolve("inbox");
        Exports.write(inbox, "ledger-472001.csv", Exports.HEADER, "2026-03-01,P1,100.00,V1,甲,摘要",
                "2026-03-02,P1,200.00,V2,乙,摘要");
        Exports.write(inbox, "other.csv", Exports.HEADER, "2026-03-05,P1,7.00,V7,甲,摘要");
        night(inbox);
        // V2 of 2 March was never paid: the corrected export ends on 1 March.
        Exports.write(inbox, "ledger-472001.csv", Exports.HEADER, "2026-03-01,P1,100.00,V1,甲,摘要");
        Exports.write(inbox, "other.csv", Exports.HEADER, "2026-03-06,P1,3.00,V8,甲,摘要");

        JobExecution correction = night(inbox);

        // other.csv has no such profile: its next export under the same name adds to the first.
        assertThat(job.totalYuan()).isEqualByComparingTo("110.00");
        String decisions = NightlyJobHarness.ingestContext(correction).getString(InboxReader.DECISIONS);
        assertThat(decisions).isEqualTo("""
                ledger-472001.csv: correction 2026-03-01…2026-03-01 of the version of 2026-03-01…2026-03-02 \
                (its 2 payments taken out)
                other.csv: new export 2026-03-06…2026-03-06, not a correction of the version of 2026-03-05…2026-03-05""");
    }
}
