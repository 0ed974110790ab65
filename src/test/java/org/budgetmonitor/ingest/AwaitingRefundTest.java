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
import org.springframework.test.context.TestPropertySource;

/**
 * A refund that names no project (项目编码 empty, 原凭证号 given) read before its original voucher is
 * stored: it is rejected with the reason until a night has stored the original, then counted on the
 * original's project, whatever the order of the files and the size of the chunks (one line here).
 */
@JobTest
@TestPropertySource(properties = "monitor.ingest.chunk-size=1")
class AwaitingRefundTest {

    private static final String HEADER = Exports.HEADER + ",原凭证号";

    @Autowired
    NightlyJobHarness job;

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

    private JobExecution night(String asOf) throws Exception {
        JobExecution execution = job.run(LocalDate.parse(asOf), plan, inbox, tmp.resolve("out"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    private String rejected(String asOf) throws Exception {
        return Files.readString(tmp.resolve("out/" + asOf + "/rejected-" + asOf + ".csv"));
    }

    @Test
    void aRefundReadBeforeItsOriginalInTheSameNightIsCountedOnTheOriginalsProject() throws Exception {
        Exports.write(inbox, "a-refunds.csv", HEADER, "2026-01-11,,-50.00,R1,甲,退款,V1");
        Exports.write(inbox, "b-payments.csv", HEADER, "2026-01-10,P1,100.00,V1,甲,摘要,");

        JobExecution execution = night("2026-01-12");

        assertThat(job.totalYuan()).isEqualByComparingTo("50.00");
        assertThat(job.paymentCount()).isEqualTo(2);
        assertThat(rejected("2026-01-12")).doesNotContain("R1", "V1");
        assertThat(NightlyJobHarness.ingestContext(execution).getLong(IngestWriter.REJECTED)).isZero();
        assertThat(NightlyJobHarness.ingestContext(execution).getLong(IngestWriter.INSERTED)).isEqualTo(2);
    }

    @Test
    void aRefundWhoseOriginalComesOnALaterNightIsRejectedUntilThenAndCountedThen() throws Exception {
        Exports.write(inbox, "a-refunds.csv", HEADER, "2026-01-11,,-50.00,R1,甲,退款,V1");
        night("2026-01-11");
        assertThat(job.totalYuan()).isEqualByComparingTo("0");
        assertThat(rejected("2026-01-11")).contains("a-refunds.csv,2,\"refund of voucher V1: the original voucher is "
                + "unknown and the refund names no 项目编码 (project_code); it is counted, and this line taken off the "
                + "rejections, once a payment of that voucher is stored\"");

        Exports.write(inbox, "b-payments.csv", HEADER, "2026-01-10,P1,100.00,V1,甲,摘要,");
        night("2026-01-12");

        assertThat(job.totalYuan()).isEqualByComparingTo("50.00");
        assertThat(rejected("2026-01-12")).doesNotContain("R1", "V1");
        night("2026-01-13");
        assertThat(job.totalYuan()).isEqualByComparingTo("50.00");
        assertThat(job.paymentCount()).isEqualTo(2);
    }

    @Test
    void aWaitingRefundWhoseFileIsCorrectedWithoutItIsNeverCounted() throws Exception {
        Exports.write(inbox, "refunds.csv", HEADER, "2026-01-11,,-50.00,R1,甲,退款,V1",
                "2026-01-11,P1,-5.00,R2,乙,退款,V7");
        night("2026-01-11");
        // The correction covers the same days and drops R1; V1 comes later.
        Exports.write(inbox, "refunds.csv", HEADER, "2026-01-11,P1,-5.00,R2,乙,退款,V7");
        night("2026-01-12");
        Exports.write(inbox, "payments.csv", HEADER, "2026-01-10,P1,100.00,V1,甲,摘要,");
        night("2026-01-13");

        assertThat(job.totalYuan()).isEqualByComparingTo("95.00");
        assertThat(job.paymentCount()).isEqualTo(2);
    }
}
