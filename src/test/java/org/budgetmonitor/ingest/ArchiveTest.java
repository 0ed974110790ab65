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
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

/** With --archive-dir, ingested files leave the inbox after they are stored; bad files stay. */
@JobTest
@TestPropertySource(properties = "monitor.ingest.archive-dir=target/archive-test/archive")
class ArchiveTest {

    private static final Path ROOT = Path.of("target/archive-test");

    @Autowired
    NightlyJobHarness job;

    @BeforeEach
    void setUp() throws Exception {
        job.clear();
        FileSystemUtils.deleteRecursively(ROOT);
    }

    @Test
    void movesIngestedFilesToTheDatedArchiveAndLeavesRejectedFilesInTheInbox() throws Exception {
        Path inbox = ROOT.resolve("inbox");
        Exports.write(inbox, "good.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要");
        Exports.write(inbox, "good.csv.ok", "");
        Exports.write(inbox, "bad.csv", "会议纪要", "今天讨论了预算");

        var execution = job.run(LocalDate.of(2026, 6, 30), Exports.plan(ROOT.resolve("plan")), inbox, ROOT.resolve("out"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(ROOT.resolve("archive/2026-06-30/good.csv")).exists();
        assertThat(inbox.resolve("good.csv")).doesNotExist();
        assertThat(inbox.resolve("good.csv.ok")).doesNotExist();
        assertThat(inbox.resolve("bad.csv")).exists();
        assertThat(job.totalYuan()).isEqualByComparingTo("100.00");
        assertThat(Files.list(inbox)).hasSize(1);
    }
}
