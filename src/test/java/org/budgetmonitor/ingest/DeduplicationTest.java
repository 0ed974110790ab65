package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

/** The rule of README "Duplicates": no payment is ever counted twice, and none is lost. */
@JobTest
class DeduplicationTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);

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

    private JobExecution run() throws Exception {
        JobExecution execution = job.run(AS_OF, plan, inbox, tmp.resolve("out"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    private static long counter(JobExecution execution, String key) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("ingest")).findFirst()
                .orElseThrow().getExecutionContext().getLong(key);
    }

    @Test
    void theSameFileReadTwiceIsSkippedTheSecondTimeAsUnchanged() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER,
                "2026-01-10,P1,100.00,V1,甲,摘要", "2026-02-10,P1,200.00,V2,乙,摘要");
        run();

        JobExecution second = run();

        assertThat(job.totalYuan()).isEqualByComparingTo("300.00");
        assertThat(counter(second, IngestWriter.INSERTED)).isZero();
        var ingest = second.getStepExecutions().stream().filter(s -> s.getStepName().equals("ingest")).findFirst()
                .orElseThrow().getExecutionContext();
        assertThat(ingest.getString(InboxReader.UNCHANGED)).isEqualTo("a.csv");
    }

    @Test
    void theSameLinesInAFileWithAnotherLayoutAddNothing() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要");
        run();
        Exports.write(inbox, "b.csv", "凭证号\t日期\t项目代码\t金额（元）\t收款人\t摘要", "V1\t2026年1月10日\tP1\t100\t甲\t摘要");

        JobExecution second = run();

        assertThat(job.totalYuan()).isEqualByComparingTo("100.00");
        assertThat(counter(second, IngestWriter.DUPLICATES)).isEqualTo(1);
    }

    @Test
    void aCopyOfAFileUnderAnotherNameAddsNothing() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要");
        Files.copy(inbox.resolve("a.csv"), inbox.resolve("a-copy.csv"));

        run();

        assertThat(job.totalYuan()).isEqualByComparingTo("100.00");
    }

    @Test
    void overlappingExportsCountTheOverlapOnce() throws Exception {
        Exports.write(inbox, "jan-jun.csv", Exports.HEADER,
                "2026-01-10,P1,100.00,V1,甲,摘要", "2026-06-10,P1,200.00,V2,乙,摘要");
        Exports.write(inbox, "jan-jul.csv", Exports.HEADER,
                "2026-01-10,P1,100,V1,甲,摘要", "2026-06-10,P1,\"200.00\",V2,乙,摘要", "2026-07-10,P1,50.00,V3,丙,摘要");

        JobExecution execution = run();

        assertThat(job.totalYuan()).isEqualByComparingTo("350.00");
        assertThat(counter(execution, IngestWriter.INSERTED)).isEqualTo(3);
        assertThat(counter(execution, IngestWriter.DUPLICATES)).isEqualTo(2);
    }

    @Test
    void identicalLinesWithinOneFileAreSeparatePayments() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER,
                "2026-03-01,P1,4000.00,V9,广告公司,广告位租赁", "2026-03-01,P1,4000.00,V9,广告公司,广告位租赁");

        run();

        assertThat(job.totalYuan()).isEqualByComparingTo("8000.00");
    }

    @Test
    void aRepeatedLineCountsAsOftenAsTheFileThatHoldsItMostOften() throws Exception {
        String line = "2026-03-01,P1,4000.00,V9,广告公司,广告位租赁";
        Exports.write(inbox, "a.csv", Exports.HEADER, line, line);
        Exports.write(inbox, "b.csv", Exports.HEADER, line);
        Exports.write(inbox, "c.csv", Exports.HEADER, line, line, line);
        run();
        Exports.write(inbox, "d.csv", Exports.HEADER, line, line);

        run();

        assertThat(job.paymentCount()).isEqualTo(3);
        assertThat(job.totalYuan()).isEqualByComparingTo("12000.00");
    }

    @Test
    void aLineBreakInsideAFieldIsTheSameWhetherTheExportEndsItsLinesWithCrLfLfOrCr() throws Exception {
        // One export as written on Windows, its copy after a Unix transfer, and an old Mac one.
        String[] lines = {Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,\"办公用品\n第二批\"", "2026-01-11,P1,200.00,V2,乙,摘要"};
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("a-windows.csv"), String.join("\n", lines).replace("\n", "\r\n") + "\r\n",
                StandardCharsets.UTF_8);
        Exports.write(inbox, "b-unix.csv", lines);
        Files.writeString(inbox.resolve("c-mac.csv"), String.join("\n", lines).replace("\n", "\r") + "\r",
                StandardCharsets.UTF_8);

        run();

        assertThat(job.paymentCount()).isEqualTo(2);
        assertThat(job.totalYuan()).isEqualByComparingTo("300.00");
        assertThat(job.sourceOf("V1")).isEqualTo("a-windows.csv:2");
    }

    @Test
    void aPaymentIdIdentifiesAPaymentEvenWhenRepeatedInOneFile() throws Exception {
        String header = "date,project_code,amount,voucher_no,payment_id";
        Exports.write(inbox, "treasury-1.csv", header, "2026-05-01,P1,700.00,G1,TS1", "2026-05-01,P1,700.00,G1,TS1");
        Exports.write(inbox, "treasury-2.csv", header, "2026-05-01,P1,700.00,G1,TS1", "2026-05-02,P1,700.00,G1,TS2");

        run();

        assertThat(job.totalYuan()).isEqualByComparingTo("1400.00");
    }

    @Test
    void rejectedLinesAreRecordedAndTheRestOfTheFileIsRead() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER,
                "2026-01-10,P1,100.00,V1,甲,摘要", "2026-13-01,P1,5.00,V2,乙,摘要", "", "2026-01-12,P1,1.00,V3,丙,摘要");

        JobExecution execution = run();

        assertThat(job.totalYuan()).isEqualByComparingTo("101.00");
        assertThat(counter(execution, IngestWriter.REJECTED)).isEqualTo(1);
        assertThat(Files.readString(tmp.resolve("out/2026-12-31/rejected-2026-12-31.csv")))
                .contains("a.csv,3,支付日期 (date) '2026-13-01' does not exist,\"2026-13-01,P1,5.00,V2,乙,摘要\"");
    }

    @Test
    void aFileWithoutARequiredColumnIsRejectedWholeWithTheReason() throws Exception {
        Exports.write(inbox, "a.csv", "支付日期,项目编码,凭证号", "2026-01-10,P1,V1", "2026-01-11,P1,V2");

        JobExecution execution = run();

        assertThat(job.paymentCount()).isZero();
        assertThat(counter(execution, IngestWriter.REJECTED)).isEqualTo(1);
        assertThat(Files.readString(tmp.resolve("out/2026-12-31/rejected-2026-12-31.csv")))
                .contains("a.csv,1,\"no header row naming [支付日期 (date), 项目编码 (project_code), 金额 (amount), 凭证号 (voucher_no)]");
    }
}
