package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
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
    void aTitleAboutPaymentsOverFiftyThousandYuanIsNoNoteThatTheAmountsAreInWan() throws Exception {
        // 大额支付 lists are titled by their threshold: the amounts below are still in 元.
        Exports.write(inbox, "large.csv", "预算单位大额资金支付明细表（单笔5万元以上）", Exports.HEADER,
                "2026-01-12,P1,60000.00,B1,甲,摘要");

        run();

        assertThat(actual("P1")).isEqualByComparingTo("60000.00");
    }

    @Test
    void aUnitNameWithYuanInItDoesNotUndoTheNoteThatTheAmountsAreInWan() throws Exception {
        // 元氏县 is a county: its name on the line after 单位：万元 says nothing of the amounts.
        Exports.write(inbox, "county.csv", "单位：万元", "预算单位：元氏县教育局", Exports.HEADER,
                "2026-01-13,P1,1.5,C1,甲,摘要");

        run();

        assertThat(actual("P1")).isEqualByComparingTo("15000.00");
    }

    @Test
    void readsAHeaderWhoseAmountColumnStatesItsUnitAsAUnitNote() throws Exception {
        Exports.write(inbox, "a-yuan.csv", "支付日期,项目编码,金额（单位：元）,凭证号", "2026-01-22,P1,100.00,N1");
        Exports.write(inbox, "b-wan.csv", "支付日期,项目编码,金额(单位:人民币万元),凭证号", "2026-01-23,P1,0.5,N2");

        run();

        assertThat(actual("P1")).isEqualByComparingTo("5100.00");
        assertThat(output("rejected-2026-12-31.csv")).hasSize(1);
    }

    @Test
    void readsAHeaderWhoseRequiredColumnsAreMarkedWithAnAsteriskAndSkipsItRepeated() throws Exception {
        // Import templates mark the columns that must be filled: *支付日期, ＊项目编码, 金额（元）*.
        Exports.write(inbox, "a-marked.csv", "*支付日期,*项目编码,*金额（元）,*凭证号,收款人",
                "2026-01-22,P1,100.00,M1,甲", "*支付日期,*项目编码,*金额（元）,*凭证号,收款人", "2026-01-23,P1,200.00,M2,乙");
        Exports.write(inbox, "b-marked.csv", "＊支付日期,＊项目编码,金额（万元）*,凭证号 *", "2026-01-24,P1,0.5,M3");

        run();

        assertThat(actual("P1")).isEqualByComparingTo("5300.00");
        assertThat(output("rejected-2026-12-31.csv")).hasSize(1);
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
    void takesATotalRowWhoseLabelCountsItsLinesForTheControlTotalNotForABadLine() throws Exception {
        Exports.write(inbox, "a-counted.csv", Exports.HEADER, GOOD_A, GOOD_B, "合计（共2笔）,,350.00,,,");
        Exports.write(inbox, "b-counted.csv", Exports.HEADER, "2026-04-03,P1,10.00,B-1,甲,摘要", "合计：共 1 笔,,11.00,,,");

        run();

        assertThat(actual("P1")).isEqualByComparingTo("350.00"); // a-counted only
        assertThat(rejectedRows("a-counted.csv")).isEmpty();
        assertThat(rejectedRows("b-counted.csv")).singleElement().asString().startsWith("3|control total mismatch:"
                + " the 合计 row states 11.00 元 for 金额 but the file's rows add up to 10.00 元");
    }

    @Test
    void rejectsAFileJoiningTwoExportsWithTheirColumnsInAnotherOrderAndKeepsTheOthers() throws Exception {
        // Two exports pasted into one file: below the second header 凭证号 and 金额 change places, and
        // read by the first header's columns the voucher 500 would be stored as 500.00 元.
        Exports.write(inbox, "a-joined.csv", "支付日期,项目编码,金额,凭证号", "2026-01-18,P1,1.00,I1",
                "支付日期,项目编码,凭证号,金额", "2026-01-19,P1,500,2.00");
        Exports.write(inbox, "b-good.csv", Exports.HEADER, GOOD_A);
        // The same columns, but below the second header the amounts are in 万元.
        Exports.write(inbox, "c-joined.csv", "支付日期,项目编码,金额,凭证号", "2026-01-18,P1,1.00,J1",
                "支付日期,项目编码,金额（万元）,凭证号", "2026-01-19,P1,2.5,J2");

        JobExecution execution = run();

        assertThat(actual("P1")).isEqualByComparingTo("100.00"); // b-good only
        assertThat(rejectedRows("a-joined.csv")).singleElement().asString()
                .startsWith("3|line 3 is a header with its columns in another order than the file's header");
        assertThat(rejectedRows("c-joined.csv")).singleElement().asString()
                .startsWith("3|line 3 is a header with its amounts in another unit than the file's header");
        assertThat(ingestContext(execution, InboxReader.REJECTED_FILES)).isEqualTo("a-joined.csv\nc-joined.csv");
    }

    @Test
    void readsAnAmountThatNamesItsUnitOnlyWhenTheUnitIsTheFilesAndRejectsItOtherwise() throws Exception {
        Exports.write(inbox, "wan.csv", "支付日期,项目编码,金额（万元）,凭证号", "2026-01-14,P1,1.5万元,D1",
                "2026-01-14,P1,100元,D2");
        Exports.write(inbox, "yuan.csv", Exports.HEADER, "2026-01-15,P1,300元,Y1,甲,摘要", "2026-01-15,P1,2万元,Y2,甲,摘要");

        run();

        assertThat(actual("P1")).isEqualByComparingTo("15300.00"); // D1 and Y1
        assertThat(rejectedRows("wan.csv")).containsExactly(
                "3|金额 (amount) '100元' says 元, but the file's amounts are in 万元: which is meant cannot be told");
        assertThat(rejectedRows("yuan.csv")).containsExactly(
                "3|金额 (amount) '2万元' says 万元, but the file's amounts are in 元: which is meant cannot be told");
    }

    @Test
    void rejectsAnAmountWithTwoSignsAsItsLineWithTheCellAsWrittenAndKeepsTheFilesOtherLines() throws Exception {
        // (-5) is -5 to one reader and +5 to another: the line is reported, not guessed, and nothing else is lost.
        Exports.write(inbox, "yuan.csv", Exports.HEADER, "2026-01-16,P1,100.00,S1,甲,摘要", "2026-01-16,P1,(-5.00),S2,甲,摘要",
                "2026-01-16,P1,\"（－1,234.56）\",S3,甲,摘要", "2026-01-16,P1,-¥(20)元,S4,甲,摘要", "2026-01-16,P1,(30),S5,甲,摘要",
                "2026-01-16,P1,200.00,S6,甲,摘要");
        Exports.write(inbox, "wan.csv", "支付日期,项目编码,金额（万元）,凭证号", "2026-01-17,P1,(-1.5)万元,W1", "2026-01-17,P1,0.01,W2");

        JobExecution execution = run();

        assertThat(actual("P1")).isEqualByComparingTo("370.00"); // 100 − 30 + 200 + 100 (W2)
        assertThat(rejectedRows("yuan.csv")).containsExactly(
                "3|金额 (amount): '(-5.00)' has two signs (brackets and '-'): whether it means -5.00 or 5.00 cannot be told",
                "4|金额 (amount): '（－1,234.56）' has two signs (brackets and '-'): whether it means -1234.56 or 1234.56"
                        + " cannot be told",
                "5|金额 (amount): '-¥(20)元' has two signs ('-' and brackets): whether it means -20 or 20 cannot be told");
        assertThat(rejectedRows("wan.csv")).containsExactly(
                "2|金额 (amount) '(-1.5)万元': '(-1.5)' has two signs (brackets and '-'): whether it means -1.5 or 1.5"
                        + " cannot be told");
        assertThat(output("rejected-2026-12-31.csv")).contains("yuan.csv,3,金额 (amount): '(-5.00)' has two signs"
                + " (brackets and '-'): whether it means -5.00 or 5.00 cannot be told,\"2026-01-16,P1,(-5.00),S2,甲,摘要\"");
        assertThat(ingestContext(execution, InboxReader.REJECTED_FILES)).isEmpty();
    }

    @Test
    void aTotalRowThatDisagreesWithLinesOfUnreadableAmountsSaysWhichLinesTheSumLeftOut() throws Exception {
        // Which sign (-5.00) has the 合计 row cannot tell either: the file is rejected, with the line to look at.
        Exports.write(inbox, "a-total.csv", Exports.HEADER, GOOD_A, "2026-04-02,P1,(-5.00),S-1,甲,摘要",
                "2026-04-02,P1,12a,S-2,甲,摘要", "合计,,95.00");

        run();

        assertThat(rejectedRows("a-total.csv")).containsExactly("5|control total mismatch: the 合计 row states 95.00 元"
                + " for 金额 but the file's rows add up to 100.00 元, without the 2 line(s) whose amount cannot be read (line 3,"
                + " 金额 (amount): '(-5.00)' has two signs (brackets and '-'): whether it means -5.00 or 5.00 cannot be"
                + " told; line 4, 金额 (amount): '12a' is not a number); the whole file was rejected and none of its lines"
                + " counted");
    }

    @Test
    void readsExcelTextCellsAsTheirTextSoCodesMatchThePlanAndAPaymentCountsOnce() throws Exception {
        // ="…" is how exporters keep Excel from dropping leading zeros; quoted, it reads "=""…""".
        Exports.write(inbox, "a-excel.csv", Exports.HEADER, "2026-01-10,=\"P1\",100.00,=\"000123\",甲,摘要",
                "\"=\"\"2026-01-11\"\"\",\"=\"\"P1\"\"\",\"=\"\"200.00\"\"\",=\"000124\",乙,摘要");
        // the same payments, exported again as plain text
        Exports.write(inbox, "b-plain.csv", Exports.HEADER, "2026-01-10,P1,100.00,000123,甲,摘要",
                "2026-01-11,P1,200.00,000124,乙,摘要");

        JobExecution execution = run();

        assertThat(actual("P1")).isEqualByComparingTo("300.00");
        assertThat(job.paymentCount()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT voucher_no FROM disbursement ORDER BY voucher_no", String.class))
                .containsExactly("000123", "000124");
        assertThat(output("rejected-2026-12-31.csv")).hasSize(1);
        assertThat(ingestContext(execution, InboxReader.NOTICES)).isEmpty();
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
                "treasury-refunds.csv,9,\"refund of voucher V-998: the original voucher is unknown"));
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

    // --- issue 13: a bad file is a rejected file, never a failed night ---

    private static final String GOOD_A = "2026-04-01,P1,100.00,G-1,沧州华彩印务有限公司,办公用品";
    private static final String GOOD_B = "2026-04-02,P1,250.00,G-2,保定恒通科技有限公司,会议费";

    private List<String> rejectedRows(String file) {
        return jdbc.queryForList("SELECT line_no || '|' || reason FROM rejected_row WHERE source_file = ?", String.class,
                file);
    }

    @Test
    void rejectsFileWithUnterminatedQuoteAndKeepsTheOthers() throws Exception {
        Exports.write(inbox, "a-good.csv", Exports.HEADER, GOOD_A, GOOD_B);
        Exports.write(inbox, "b-open-quote.csv", Exports.HEADER, "2026-04-03,P1,10.00,B-1,甲,摘要",
                "2026-04-04,P1,20.00,B-2,\"乙公司,摘要", "2026-04-05,P1,30.00,B-3,丙,摘要");
        Exports.write(inbox, "c-good.csv", Exports.HEADER, "2026-04-06,P1,5.00,G-3,丁,摘要");

        JobExecution execution = run();

        assertThat(actual("P1")).isEqualByComparingTo("355.00"); // a-good and c-good only
        assertThat(rejectedRows("b-open-quote.csv")).singleElement().asString()
                .startsWith("3|a quote opened on line 3 is never closed");
        assertThat(output("rejected-2026-12-31.csv")).anySatisfy(line -> assertThat(line)
                .startsWith("b-open-quote.csv,3,a quote opened on line 3 is never closed"));
        assertThat(ingestContext(execution, InboxReader.REJECTED_FILES)).isEqualTo("b-open-quote.csv");
    }

    @Test
    void rejectsFileWithAnAmbiguousQuoteAndKeepsTheOthers() throws Exception {
        Exports.write(inbox, "a-good.csv", Exports.HEADER, GOOD_A);
        Exports.write(inbox, "b-ambiguous.csv", Exports.HEADER, "2026-04-03,P1,10.00,B-1,\"沧州,某公司\"分公司,办公用品");

        run();

        assertThat(actual("P1")).isEqualByComparingTo("100.00");
        assertThat(rejectedRows("b-ambiguous.csv")).singleElement().asString()
                .startsWith("2|field 5 on line 2 opens with a quote but has text after a closing quote");
    }

    @Test
    void storesAStrayQuoteInAFieldAsTextAndCountsItOnceWhenACorrectExportRepeatsIt() throws Exception {
        Exports.write(inbox, "a-stray.csv", Exports.HEADER, "2026-04-01,P1,100.00,SQ1,\"沧州某公司\"分公司,办公用品",
                GOOD_B);
        // the same payment, exported again with its quotes escaped as CSV wants them
        Exports.write(inbox, "b-escaped.csv", Exports.HEADER, "2026-04-01,P1,100.00,SQ1,\"\"\"沧州某公司\"\"分公司\",办公用品");

        run();

        assertThat(jdbc.queryForList("SELECT payee FROM disbursement WHERE voucher_no = 'SQ1'", String.class))
                .containsExactly("\"沧州某公司\"分公司");
        assertThat(actual("P1")).isEqualByComparingTo("350.00");
        assertThat(job.paymentCount()).isEqualTo(2);
    }

    @Test
    void rejectsAFileMixingUtf8AndLatin1AndCountsNoPaymentTwice() throws Exception {
        Exports.write(inbox, "a-clean.csv", Exports.HEADER, GOOD_A, GOOD_B);
        // an overlapping export of the same payments, with one Latin-1 byte: read as GB18030 its
        // Chinese would become new payees, and so new payments
        Files.write(inbox.resolve("b-mixed.csv"), concat((Exports.HEADER + "\n" + GOOD_A + "\n" + GOOD_B + "\n"
                + "2026-04-03,P1,7.00,M-3,Caf").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9},
                "s,摘要\n".getBytes(StandardCharsets.UTF_8)));

        JobExecution execution = run();

        assertThat(actual("P1")).isEqualByComparingTo("350.00");
        assertThat(job.paymentCount()).isEqualTo(2);
        assertThat(rejectedRows("b-mixed.csv")).singleElement().asString().startsWith("4|file mixes encodings");
        assertThat(output("rejected-2026-12-31.csv")).anySatisfy(line -> assertThat(line)
                .startsWith("b-mixed.csv,4,\"file mixes encodings"));
        assertThat(ingestContext(execution, InboxReader.REJECTED_FILES)).isEqualTo("b-mixed.csv");
    }

    @Test
    void readsUtf16ExportsWithAByteOrderMarkAsExcelsUnicodeTextSavesThem() throws Exception {
        // Excel's "Unicode 文本": UTF-16LE with a BOM, tab-separated, CRLF; the same payments as a UTF-8 export.
        String tabbed = String.join("\t", Exports.HEADER.split(",")) + "\r\n"
                + String.join("\t", GOOD_A.split(",")) + "\r\n" + String.join("\t", GOOD_B.split(",")) + "\r\n";
        Files.createDirectories(inbox);
        Files.write(inbox.resolve("a-unicode-le.csv"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                tabbed.getBytes(StandardCharsets.UTF_16LE)));
        Files.write(inbox.resolve("b-unicode-be.csv"), concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                (Exports.HEADER + "\n" + GOOD_B + "\n2026-04-03,P1,7.00,U-3,上海某公司,摘要\n")
                        .getBytes(StandardCharsets.UTF_16BE)));
        Exports.write(inbox, "c-utf8.csv", Exports.HEADER, GOOD_A);

        run();

        assertThat(actual("P1")).isEqualByComparingTo("357.00");
        assertThat(job.paymentCount()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT payee FROM disbursement WHERE voucher_no = 'U-3'", String.class))
                .isEqualTo("上海某公司");
        assertThat(output("rejected-2026-12-31.csv")).hasSize(1);
    }

    @Test
    void rejectsAUtf16ExportThatIsNotValidUtf16AtTheLineOfItsBadCharacter() throws Exception {
        Files.createDirectories(inbox);
        // a high surrogate with no low one after it, on line 3
        Files.write(inbox.resolve("bad-utf16.csv"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                (Exports.HEADER + "\n" + GOOD_A + "\n2026-04-03,P1,7.00,U-3,").getBytes(StandardCharsets.UTF_16LE),
                new byte[] {0x3D, (byte) 0xD8, 0x41, 0x00}, "\n".getBytes(StandardCharsets.UTF_16LE)));

        run();

        assertThat(job.paymentCount()).isZero();
        assertThat(rejectedRows("bad-utf16.csv")).singleElement().asString()
                .startsWith("3|file starts with a UTF-16LE byte-order mark but is not valid UTF-16LE (first bad character on line 3)");
    }

    @Test
    void rejectsAFileCutOffInTheMiddleOfACharacterSayingSoAndKeepsTheOthers() throws Exception {
        Exports.write(inbox, "a-good.csv", Exports.HEADER, GOOD_A);
        // A copy interrupted two bytes into the three of 有 (UTF-8), or one byte into the two of 印 (GBK).
        byte[] utf8 = (Exports.HEADER + "\n" + GOOD_B + "\n2026-04-03,P1,9.00,F2,沧州华彩印务").getBytes(StandardCharsets.UTF_8);
        Files.write(inbox.resolve("b-cut-utf8.csv"), concat(utf8, Arrays.copyOf("有".getBytes(StandardCharsets.UTF_8), 2)));
        java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");
        byte[] gb = (Exports.HEADER + "\r\n" + GOOD_B + "\r\n2026-04-03,P1,9.00,G2,沧州华彩").getBytes(gbk);
        Files.write(inbox.resolve("c-cut-gbk.csv"), concat(gb, Arrays.copyOf("印".getBytes(gbk), 1)));
        byte[] utf16 = (Exports.HEADER + "\n" + GOOD_B + "\n2026-04-03,P1,9.00,U2,沧州华彩").getBytes(StandardCharsets.UTF_16LE);
        Files.write(inbox.resolve("d-cut-utf16.csv"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, utf16,
                Arrays.copyOf("印".getBytes(StandardCharsets.UTF_16LE), 1)));

        run();

        assertThat(actual("P1")).isEqualByComparingTo("100.00");
        assertThat(rejectedRows("b-cut-utf8.csv")).singleElement().asString().startsWith("3|file ends in the middle"
                + " of a UTF-8 character on line 3: it was cut off (a copy or an export not finished?)");
        assertThat(rejectedRows("c-cut-gbk.csv")).singleElement().asString().startsWith("3|file ends in the middle"
                + " of a GB18030 character on line 3: it was cut off (a copy or an export not finished?)");
        assertThat(rejectedRows("d-cut-utf16.csv")).singleElement().asString().startsWith("3|file ends in the middle"
                + " of a UTF-16LE character on line 3: it was cut off (a copy or an export not finished?)");
    }

    private static final String CUT = "the file ends in the middle of line 3, with no line break after it as every"
            + " other line has: the export may have been cut off (a copy or an export not finished?); the line is not"
            + " counted, the file's other lines are, and a complete export of it is read as usual";

    @Test
    void rejectsTheLastLineOfAFileCutOffInTheMiddleOfItWhateverItHoldsAndKeepsTheRest() throws Exception {
        Files.createDirectories(inbox);
        // The writer killed mid-line: the amount (its last field) cut short, the payee cut and the summary
        // missing, or most fields missing.
        Files.writeString(inbox.resolve("a-cut-amount.csv"), "支付日期,项目编码,凭证号,收款人,摘要,金额\r\n"
                + "2026-06-30,P1,K-1,甲,摘要,100.00\r\n2026-06-30,P1,K-2,乙,摘要,12");
        Files.writeString(inbox.resolve("b-cut-payee.csv"), Exports.HEADER + "\n" + GOOD_A + "\n"
                + "2026-04-02,P1,250.00,G-2,保定恒通");
        Files.writeString(inbox.resolve("c-cut-short.csv"), Exports.HEADER + "\r\n" + GOOD_B + "\r\n2026-04-03,P1,3");
        Files.write(inbox.resolve("d-cut-utf16.csv"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, (Exports.HEADER
                + "\n2026-04-06,P1,5.00,U-1,甲,摘要\n2026-04-06,P1,6.00,U-2,乙").getBytes(StandardCharsets.UTF_16LE)));

        JobExecution execution = run();

        assertThat(actual("P1")).isEqualByComparingTo("455.00"); // K-1, G-1, G-2 (of c-cut-short.csv) and U-1
        assertThat(job.paymentCount()).isEqualTo(4);
        assertThat(rejectedRows("a-cut-amount.csv")).containsExactly("3|" + CUT);
        assertThat(rejectedRows("b-cut-payee.csv")).containsExactly("3|" + CUT);
        assertThat(rejectedRows("c-cut-short.csv")).containsExactly("3|" + CUT);
        assertThat(rejectedRows("d-cut-utf16.csv")).containsExactly("3|" + CUT);
        assertThat(output("rejected-2026-12-31.csv")).contains(
                "a-cut-amount.csv,3,\"" + CUT + "\",\"2026-06-30,P1,K-2,乙,摘要,12\"");
        assertThat(ingestContext(execution, InboxReader.REJECTED_FILES)).isEmpty();
    }

    @Test
    void aCompleteExportOfAFileCutOffCountsEachOfItsPaymentsOnce() throws Exception {
        Files.createDirectories(inbox);
        // A system that writes its year to date under a new name each night, and one that reuses its file name.
        Files.writeString(inbox.resolve("ledger-0402.csv"), Exports.HEADER + "\n" + GOOD_A + "\n"
                + GOOD_B.substring(0, 30));
        Files.writeString(inbox.resolve("export.csv"), Exports.HEADER + "\n" + "2026-04-05,P1,1.00,E-1,甲,摘要\n"
                + "2026-04-05,P1,2.00,E-2,乙,摘");
        run();
        assertThat(actual("P1")).isEqualByComparingTo("101.00");

        // The next night: both written whole, the ledger with a day more.
        Exports.write(inbox, "ledger-0403.csv", Exports.HEADER, GOOD_A, GOOD_B, "2026-04-03,P1,7.00,G-3,甲,摘要");
        Exports.write(inbox, "export.csv", Exports.HEADER, "2026-04-05,P1,1.00,E-1,甲,摘要", "2026-04-05,P1,2.00,E-2,乙,摘要");
        JobExecution next = run();

        assertThat(actual("P1")).isEqualByComparingTo("360.00"); // G-1, G-2, G-3, E-1, E-2: each once
        assertThat(job.paymentCount()).isEqualTo(5);
        assertThat(ingestContext(next, InboxReader.CORRECTED)).isEqualTo("export.csv");
        // the cut ledger is still in the inbox, and its line still not counted
        assertThat(rejectedRows("ledger-0402.csv")).containsExactly("3|" + CUT);
    }

    @Test
    void rejectsAFileCutOffInsideAQuotedFieldSayingItMayHaveBeenCutOffAndKeepsTheOthers() throws Exception {
        Exports.write(inbox, "a-good.csv", Exports.HEADER, GOOD_A);
        Files.writeString(inbox.resolve("b-cut-quote.csv"), Exports.HEADER + "\n" + GOOD_B
                + "\n2026-04-03,P1,10.00,B-1,\"沧州华彩印务");

        JobExecution execution = run();

        assertThat(actual("P1")).isEqualByComparingTo("100.00");
        assertThat(rejectedRows("b-cut-quote.csv")).containsExactly("3|a quote opened on line 3 is never closed and the"
                + " file ends in the middle of a line, with no line break after it as every other line has: the export"
                + " may have been cut off (a copy or an export not finished?); the whole file was rejected and none of"
                + " its lines counted");
        assertThat(ingestContext(execution, InboxReader.REJECTED_FILES)).isEqualTo("b-cut-quote.csv");
    }

    @Test
    void aCheckedTotalRowLastWithoutALineBreakCompletesItsFileAndOneCutShortRejectsIt() throws Exception {
        Files.createDirectories(inbox);
        // The 合计 row was written after every line: when it agrees with them, none of them was cut.
        Files.writeString(inbox.resolve("a-total.csv"), Exports.HEADER + "\n" + GOOD_A + "\n" + GOOD_B + "\n合计,,350.00");
        Files.writeString(inbox.resolve("b-total-cut.csv"), Exports.HEADER + "\n" + "2026-04-03,P1,17.00,T-1,甲,摘要"
                + "\n合计,,1");

        run();

        assertThat(actual("P1")).isEqualByComparingTo("350.00");
        assertThat(rejectedRows("a-total.csv")).isEmpty();
        assertThat(rejectedRows("b-total-cut.csv")).containsExactly("3|the 合计 row on line 3 ends the file in the middle"
                + " of the row, with no line break after it as every other line has: the export may have been cut off (a"
                + " copy or an export not finished?): its 金额 reads '1' where the file's rows add up to 17.00 元; the whole"
                + " file was rejected and none of its lines counted");
    }

    @Test
    void rejectsAnEmptyExportAsEmptyAndReadsItWhenItIsWritten() throws Exception {
        Files.createDirectories(inbox);
        Files.write(inbox.resolve("a-empty.csv"), new byte[0]);
        Files.write(inbox.resolve("b-bom-only.csv"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n'});

        run();

        assertThat(rejectedRows("a-empty.csv")).containsExactly("1|file is empty (0 bytes): an export not written,"
                + " or not yet? It is read again when it is next in the inbox");
        assertThat(rejectedRows("b-bom-only.csv")).containsExactly("1|file holds no text (5 bytes: blank lines or a"
                + " byte-order mark only): an export not written, or not yet? It is read again when it is next in the"
                + " inbox");

        Exports.write(inbox, "a-empty.csv", Exports.HEADER, GOOD_A);
        run();

        assertThat(actual("P1")).isEqualByComparingTo("100.00");
    }

    @Test
    void rejectsALatin1ExportInsteadOfReadingItAsGb18030AndKeepsTheOthers() throws Exception {
        Exports.write(inbox, "a-good.csv", Exports.HEADER, GOOD_A);
        Files.write(inbox.resolve("b-latin1.csv"), concat(("date,project_code,amount,voucher_no,payee,summary\n"
                + "2026-04-03,P1,7.00,L-1,Caf").getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9},
                "s,x\n".getBytes(StandardCharsets.US_ASCII)));
        Files.write(inbox.resolve("c-gbk.csv"), (Exports.HEADER + "\n" + GOOD_B + "\n").getBytes("GBK"));

        run();

        assertThat(actual("P1")).isEqualByComparingTo("350.00");
        assertThat(jdbc.queryForObject("SELECT payee FROM disbursement WHERE voucher_no = 'G-2'", String.class))
                .isEqualTo("保定恒通科技有限公司");
        assertThat(rejectedRows("b-latin1.csv")).singleElement().asString()
                .startsWith("2|file is not UTF-8, and though it decodes as GB18030 it reads as WINDOWS-1252 text");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
