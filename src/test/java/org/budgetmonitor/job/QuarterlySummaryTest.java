package org.budgetmonitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

/** The quarterly run's summary says which flags the review raised above the nightly rules' counts. */
@JobTest
class QuarterlySummaryTest {

    @Autowired
    NightlyJobHarness job;

    @Autowired
    NightlyRunSummary summary;

    @TempDir
    Path tmp;

    @Test
    void namesTheProjectsProjectedOverBudgetThatTheReviewFlagsYellow() throws Exception {
        job.clear();
        Path inbox = tmp.resolve("inbox");
        FileSystemUtils.copyRecursively(Path.of("sample-data/disbursements"), inbox);

        JobExecution execution = job.runQuarterly(LocalDate.of(2026, 9, 30), Path.of("sample-data/plan"), inbox,
                tmp.resolve("out"), Path.of("sample-data/progress"), false);

        // The nightly rules count 河北 GREEN; the review, projecting 102.95 of 100, YELLOW. 国内招商 is RED against
        // its budget in force from 07-01 (25.00: gap −22.18 on 09-30).
        assertThat(summary.summary(execution)).contains("flags:      RED 3  YELLOW 0  GREEN 2")
                .contains("\n              projected over budget at the current pace (at least YELLOW in the review): "
                        + "13091626P00018210006K 河北省药品医疗器械检验研究院沧州实验室 (102.95 of 100.00 万元)\n");
    }
}
