package org.budgetmonitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/** The run summary says when project codes were normalised, with examples. */
@JobTest
class NormalisedCodesSummaryTest {

    @Autowired
    NightlyJobHarness job;

    @Autowired
    NightlyRunSummary summary;

    @TempDir
    Path tmp;

    @Test
    void namesHowManyLinesHadTheirCodeNormalisedWithExamples() throws Exception {
        job.clear();
        Path inbox = tmp.resolve("inbox");
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-03-01,p1,1.00,V1,甲,摘要", "2026-03-02,p1,2.00,V2,甲,摘要",
                "2026-03-03,Ｐ1,3.00,V3,甲,摘要", "2026-03-04,P 1,4.00,V4,甲,摘要", "2026-03-05,P1,5.00,V5,甲,摘要");

        JobExecution execution = job.run(LocalDate.of(2026, 3, 31), Exports.plan(tmp.resolve("plan")), inbox,
                tmp.resolve("out"));

        assertThat(summary.summary(execution))
                .contains("\n              project codes normalised: 4 lines (p1 → P1, Ｐ1 → P1, P 1 → P1)\n")
                .contains("unplanned codes 0");
    }
}
