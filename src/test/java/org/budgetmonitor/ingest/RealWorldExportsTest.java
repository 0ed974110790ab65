package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

/** The fixture exports of src/test/resources/exports, each showing one thing real systems do. */
@JobTest
class RealWorldExportsTest {

    private static final Path FIXTURES = Path.of("src/test/resources/exports");

    @Autowired
    NightlyJobHarness job;

    @Autowired
    JdbcTemplate jdbc;

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

    private JobExecution runAsOf(String asOf, String... fixtures) throws Exception {
        Files.createDirectories(inbox);
        for (String fixture : fixtures) {
            Files.copy(FIXTURES.resolve(fixture), inbox.resolve(fixture));
        }
        JobExecution execution = job.run(LocalDate.parse(asOf), plan, inbox, tmp.resolve("out"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    private JobExecution run(String... fixtures) throws Exception {
        return runAsOf("2026-12-31", fixtures);
    }

    private BigDecimal actual(String project) {
        BigDecimal sum = jdbc.queryForObject("SELECT SUM(amount_yuan) FROM disbursement WHERE project_code = ?",
                BigDecimal.class, project);
        return sum == null ? BigDecimal.ZERO : sum;
    }

    private List<String> output(String name) throws IOException {
        return Files.readAllLines(tmp.resolve("out/2026-12-31").resolve(name), StandardCharsets.UTF_8);
    }

    private static String ingestContext(JobExecution execution, String key) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("ingest")).findFirst()
                .orElseThrow().getExecutionContext().getString(key);
    }

    @Test
    void readsAGbkExportWithTitleLinesCrlfAndAMatchingTotalRow() throws Exception {
        run("gbk-title-lines.csv");

        assertThat(actual("P1")).isEqualByComparingTo("2000.50");
        assertThat(actual("P2")).isEqualByComparingTo("3000.00");
        assertThat(jdbc.queryForObject("SELECT payee FROM disbursement WHERE voucher_no = 'GK-001'", String.class))
                .isEqualTo("沧州华彩印务有限公司");
        assertThat(output("rejected-2026-12-31.csv")).hasSize(1);
    }

    @Test
    void convertsAmountsInWanToYuan() throws Exception {
        run("wan-header.csv", "wan-note.csv");

        assertThat(actual("P1")).isEqualByComparingTo("37345.00");
    }

    @Test
    void skipsRepeatedHeadersAndBlankLinesAndKeepsQuotedCommasAndLineBreaks() throws Exception {
        run("layout.csv", "tab-separated.csv");

        assertThat(actual("P1")).isEqualByComparingTo("600.00");
        assertThat(actual("P2")).isEqualByComparingTo("400.00");
        assertThat(jdbc.queryForObject("SELECT summary FROM disbursement WHERE voucher_no = 'L-001'", String.class))
                .isEqualTo("场地费\n（含布展）");
        assertThat(jdbc.queryForObject("SELECT source_line FROM disbursement WHERE voucher_no = 'L-002'", Long.class))
                .isEqualTo(7); // after a two-line record, a repeated header and blank lines
    }

    @Test
    void storesQuotesBackslashesAndEmptyCellsOfTextExactlyAsTheExportHasThem() throws Exception {
        Exports.write(inbox, "quotes.csv", Exports.HEADER,
                "2026-01-10,P1,100.00,Q-1,\"华彩\"\"印务\"\", 有限公司\",\\N 摘要\\",
                "2026-01-11,P1,200.00,Q-2,,");
        run();

        assertThat(jdbc.queryForObject("SELECT payee FROM disbursement WHERE voucher_no = 'Q-1'", String.class))
                .isEqualTo("华彩\"印务\", 有限公司");
        assertThat(jdbc.queryForObject("SELECT summary FROM disbursement WHERE voucher_no = 'Q-1'", String.class))
                .isEqualTo("\\N 摘要\\");
        assertThat(jdbc.queryForList("SELECT payee FROM disbursement WHERE voucher_no = 'Q-2'", String.class))
                .containsExactly("");
    }

    @Test
    void rejectsAWholeFileWhoseTotalRowDisagreesAndCountsNoneOfIt() throws Exception {
        JobExecution execution = run("total-mismatch.csv", "subtotals.csv");

        assertThat(actual("P1")).isEqualByComparingTo("300.00"); // from subtotals.csv only
        assertThat(actual("P2")).isEqualByComparingTo("50.00");
        assertThat(output("rejected-2026-12-31.csv")).anySatisfy(line -> assertThat(line).startsWith(
                "total-mismatch.csv,4,control total mismatch: the 合计 row states 310.00 元 for 金额 but the file's rows"
                        + " add up to 300.00 元"));
        assertThat(ingestContext(execution, InboxReader.REJECTED_FILES)).isEqualTo("total-mismatch.csv");
    }

    @Test
    void readsEveryAmountAndDateFormAndRejectsTheRestWithAReason() throws Exception {
        run("amounts-and-dates.csv");

        // 1,234.56 − 1,234.56 − 100 + 1,234.56 − 1,000
        assertThat(actual("P1")).isEqualByComparingTo("134.56");
        assertThat(output("rejected-2026-12-31.csv")).containsSubsequence(
                "amounts-and-dates.csv,7,\"支付日期 (date) '31/03/2026' is not a date (2026-03-31, 2026/3/31, 2026年3月31日 "
                        + "or 20260331)\",\"31/03/2026,P1,10.00,A-006\"",
                "amounts-and-dates.csv,8,金额 (amount) '12.345' is not a whole number of 分,\"2026-03-31,P1,12.345,A-007\"");
    }

    @Test
    void countsMarkedReversalsAgainstTheActualWhateverTheirSign() throws Exception {
        run("reversals.csv");

        assertThat(actual("P1")).isEqualByComparingTo("3500.00"); // 5,000 − 1,000 − 200 − 300
    }

    @Test
    void netsRefundsAgainstTheirOriginalVoucherAndReportsThoseItCannotPlace() throws Exception {
        JobExecution execution = run("treasury-refunds.csv");

        // P1: 10,000 + 3,000 − 1,000 (RF-1) − 10,000 (RF-2, its share of V-100) − 500 (RF-3)
        assertThat(actual("P1")).isEqualByComparingTo("1500.00");
        // P2: 6,000 − 6,000 (RF-2) − 700 (RF-4, original unknown but the project is named)
        assertThat(actual("P2")).isEqualByComparingTo("-700.00");
        assertThat(output("rejected-2026-12-31.csv")).anySatisfy(line -> assertThat(line).startsWith(
                "treasury-refunds.csv,9,refund of voucher V-998: the original voucher is unknown"));
        assertThat(jdbc.queryForList("SELECT DISTINCT original_voucher_no FROM disbursement WHERE original_known = FALSE",
                String.class)).containsExactly("V-999");
        // …and the run summary names it, from what the writer recorded.
        assertThat(execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("ingest")).findFirst()
                .orElseThrow().getExecutionContext().getString(IngestWriter.UNMATCHED_REFUNDS)).isEqualTo("V-999");
    }

    @Test
    void takesTheBankConfirmedAmountAndDateAndListsUnconfirmedLinesAsPending() throws Exception {
        runAsOf("2026-06-30", "confirmed.csv");

        assertThat(actual("P1")).isEqualByComparingTo("2990.00");
        assertThat(jdbc.queryForObject("SELECT pay_date FROM disbursement WHERE voucher_no = 'C-002'", LocalDate.class))
                .isEqualTo(LocalDate.of(2026, 7, 1));
        List<String> pending = Files.readAllLines(tmp.resolve("out/2026-06-30/pending-2026-06-30.csv"));
        assertThat(pending).hasSize(2);
        assertThat(pending.get(1)).startsWith("2026-06-30,P1,3000.00,C-003,");
        assertThat(Files.readAllLines(tmp.resolve("out/2026-06-30/variance-2026-06-30.csv")).get(1))
                .contains(",0.10,"); // as of 30 Jun only C-001 (confirmed 29 Jun) is spending: 1,000 元
    }

    @Test
    void aCorrectedFileReplacesItsEarlierRowsAndNeverAddsToThem() throws Exception {
        Files.createDirectories(inbox);
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要", "2026-01-11,P1,200.00,V2,乙,摘要",
                "2026-01-12,P1,10.00,V4,丁,摘要");
        Exports.write(inbox, "b.csv", Exports.HEADER, "2026-01-11,P1,200.00,V2,乙,摘要", "2026-01-12,P1,400.00,V3,丙,摘要");
        run();
        assertThat(actual("P1")).isEqualByComparingTo("710.00");

        // V1 was 100 by mistake, and V2 was never paid: the corrected export (of the same days) says so.
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-01-10,P1,150.00,V1,甲,摘要", "2026-01-12,P1,10.00,V4,丁,摘要");
        JobExecution correction = run();

        // V2 stays: b.csv still holds it.
        assertThat(actual("P1")).isEqualByComparingTo("760.00");
        assertThat(ingestContext(correction, InboxReader.CORRECTED)).isEqualTo("a.csv");
        assertThat(ingestContext(correction, InboxReader.UNCHANGED)).isEqualTo("b.csv");
    }

    @Test
    void rejectsBinaryGarbageWhole() throws Exception {
        JobExecution execution = run("garbage.csv", "tab-separated.csv");

        assertThat(actual("P1")).isEqualByComparingTo("300.00");
        assertThat(ingestContext(execution, InboxReader.REJECTED_FILES)).isEqualTo("garbage.csv");
        assertThat(output("rejected-2026-12-31.csv")).anySatisfy(line -> assertThat(line).contains("binary"));
    }
}
