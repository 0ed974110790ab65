package org.budgetmonitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.budgetmonitor.ops.ProgressLine;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest step draws its progress line while it reads, and blanks it before the step ends. The
 * line's clock advances 300 ms each time it is read, so the line is drawn however fast the machine
 * (it waits a second before it first draws).
 */
@JobTest
@TestPropertySource(properties = "monitor.report.enabled=false")
@ExtendWith(OutputCaptureExtension.class)
class IngestProgressJobTest {

    @TestConfiguration
    static class SlowClock {
        @Bean
        @Primary
        ProgressLine steppingProgressLine() {
            AtomicLong nanos = new AtomicLong();
            return new ProgressLine(() -> System.out, () -> nanos.addAndGet(300_000_000L), true);
        }
    }

    @Autowired
    NightlyJobHarness job;

    @TempDir
    Path tmp;

    @Test
    void drawsTheIngestProgressInPlaceAndClearsIt(CapturedOutput output) throws Exception {
        job.clear();
        Path inbox = tmp.resolve("inbox");
        for (String name : new String[] {"a.csv", "b.csv"}) {
            List<String> lines = new ArrayList<>(List.of(Exports.HEADER));
            for (int i = 0; i < 6_000; i++) {
                lines.add("2026-03-" + String.format("%02d", 1 + i % 28) + ",P1,1.00," + name + "-V" + i + ",甲,摘要");
            }
            Exports.write(inbox, name, lines.toArray(String[]::new));
        }

        JobExecution execution = job.run(LocalDate.of(2026, 3, 31), Exports.plan(tmp.resolve("plan")), inbox,
                tmp.resolve("out"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String out = output.getOut();
        assertThat(out).containsPattern("\ringest [ab]\\.csv · [0-9,]+ lines · [0-9,]+ rows/s · \\d+% · about .+ left");
        String afterLastDraw = out.substring(out.lastIndexOf("\ringest "));
        assertThat(afterLastDraw).containsPattern("^\ringest [^\r\n]*\r +\r");
    }
}
