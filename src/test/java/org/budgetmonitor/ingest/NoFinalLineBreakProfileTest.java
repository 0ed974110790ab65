package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** A payment system whose profile says it writes no line break after the last line of its exports. */
@JobTest
@TestPropertySource(properties = {
    "monitor.ingest.profiles[0].name=单位报账系统",
    "monitor.ingest.profiles[0].file-pattern=claims-*.csv",
    "monitor.ingest.profiles[0].final-line-break=false"
})
class NoFinalLineBreakProfileTest {

    @Autowired
    NightlyJobHarness job;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() {
        job.clear();
    }

    @Test
    void theLastLineOfSuchASystemsExportIsReadAndOtherFilesStillHaveTheirsCheck() throws Exception {
        Path inbox = tmp.resolve("inbox");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("claims-0301.csv"), Exports.HEADER + "\r\n2026-03-01,P1,100.00,C1,甲,摘要\r\n"
                + "2026-03-01,P1,200.00,C2,乙,摘要");
        Files.writeString(inbox.resolve("other.csv"), Exports.HEADER + "\n2026-03-02,P1,7.00,O1,甲,摘要\n"
                + "2026-03-02,P1,8.00,O2,乙,摘要");

        JobExecution execution = job.run(LocalDate.of(2026, 3, 31), Exports.plan(tmp.resolve("plan")), inbox,
                tmp.resolve("out"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(job.totalYuan()).isEqualByComparingTo("307.00");
        assertThat(jdbc.queryForList("SELECT source_file || ' ' || line_no FROM rejected_row", String.class))
                .containsExactly("other.csv 3");
    }
}
