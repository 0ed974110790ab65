package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

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
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** Faults of one file — unreadable, rewritten while read, a line too long to store — never stop the night. */
@JobTest
class InboxFaultsTest {

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
    }

    private JobExecution run() throws Exception {
        JobExecution execution = job.run(AS_OF, plan, inbox, tmp.resolve("out"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    private List<String> rejects() {
        return jdbc.queryForList("SELECT source_file || ':' || line_no || ': ' || reason FROM rejected_row "
                + "ORDER BY source_file, line_no", String.class);
    }

    @Test
    void aCsvThatCannotBeReadIsRejectedWithItsCauseAndTheOthersAreStored() throws Exception {
        Exports.write(inbox, "good.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要");
        Files.createDirectories(inbox.resolve("locked.csv"));
        Files.createSymbolicLink(inbox.resolve("gone.csv"), tmp.resolve("no-such-file.csv"));

        JobExecution execution = run();

        assertThat(job.totalYuan()).isEqualByComparingTo("100.00");
        assertThat(rejects()).satisfiesExactly(
                gone -> assertThat(gone).startsWith("gone.csv:0: cannot read file: NoSuchFileException"),
                locked -> assertThat(locked).startsWith("locked.csv:0: cannot read file: IOException: Is a directory"));
        assertThat(NightlyJobHarness.ingestContext(execution).getString(InboxReader.REJECTED_FILES)).isEqualTo("gone.csv\nlocked.csv");
        assertThat(Files.readString(tmp.resolve("out/2026-12-31/rejected-2026-12-31.csv"))).contains("locked.csv,0,");
    }

    @Test
    void aFileRewrittenWhileItIsReadIsRejectedWholeAndNoneOfItCountsWhileTheOthersDo() throws Exception {
        Exports.write(inbox, "0-first.csv", Exports.HEADER, "2026-01-05,P1,1.00,F1,甲,摘要");
        List<String> lines = new ArrayList<>(List.of(Exports.HEADER));
        for (int i = 1; i <= 5000; i++) {
            lines.add("2026-02-01,P1,10.00,V" + i + ",收款人甲,这是一个足够长的摘要用来让文件大于读取缓冲区");
        }
        Path big = Exports.write(inbox, "big.csv", lines.toArray(String[]::new));
        Exports.write(inbox, "z-last.csv", Exports.HEADER, "2026-03-05,P1,2.00,Z1,甲,摘要");
        // The exporter rewrites big.csv in place after the first chunk of it was stored.
        AtomicBoolean rewritten = new AtomicBoolean();
        doAnswer(invocation -> {
            Object stored = invocation.callRealMethod();
            if (rewritten.compareAndSet(false, true)) {
                rewrite(big, Exports.HEADER + "\n2026-02-01,P1,99.00,W1,乙,摘要\n");
            }
            return stored;
        }).when(disbursements).store(anyList(), anyLong());

        JobExecution execution = run();

        assertThat(job.totalYuan()).isEqualByComparingTo("3.00");
        assertThat(rejects()).singleElement().satisfies(reject -> assertThat(reject)
                .startsWith("big.csv:").contains("file changed while it was being read")
                .contains("the whole file was rejected"));
        assertThat(jdbc.queryForObject("SELECT status FROM ingested_file WHERE file_name = 'big.csv'", String.class))
                .isEqualTo("REJECTED");
        assertThat(NightlyJobHarness.ingestContext(execution).getLong(IngestWriter.INSERTED)).isEqualTo(2);

        // The next night reads the file as it now is.
        run();
        assertThat(job.totalYuan()).isEqualByComparingTo("102.00");
    }

    @Test
    void aLineWithAFieldTooLongToStoreIsRejectedAndTheRestOfTheChunkIsStored() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲," + "长".repeat(2001),
                "2026-01-11,P1,200.00,V2,乙,摘要");
        Exports.write(inbox, "b.csv", Exports.HEADER, "2026-01-12,P1,300.00,V3,丙,摘要");

        run();

        assertThat(job.totalYuan()).isEqualByComparingTo("500.00");
        assertThat(rejects()).containsExactly(
                "a.csv:2: 摘要 (summary) is 2001 characters long; at most 2000 can be stored");
    }

    @Test
    void aLineWithMoreValuesThanItsHeaderHasColumnsIsRejectedNotReadShifted() throws Exception {
        // An unquoted thousands separator: read by position, the amount would be 1.00 and the voucher 234.56.
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-01-10,P1,1,234.56,V1,甲,摘要",
                "2026-01-11,P1,200.00,V2,乙,摘要", "2026-01-12,P1,\"1,234.56\",V3,丙,摘要",
                "2026-01-13,P1,5.00,V4,丁,摘要,,");

        run();

        assertThat(job.totalYuan()).isEqualByComparingTo("1439.56");
        assertThat(rejects()).containsExactly("a.csv:2: the line has 7 values but the header names 6 columns: "
                + "a comma inside a value that is not quoted (an amount like 1,234.56, say) would move every value "
                + "after it; the line is not read");
    }

    private static void rewrite(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
