package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly job's workbook against its CSV of the same run: every figure of the project sheet, its
 * 合计, the unplanned codes and rejected lines, and the 支付明细 of the RED and YELLOW projects, whose
 * subtotals are the CSV's actuals.
 */
@JobTest
class NightlyWorkbookTest {

    private static final ReportText ZH = ReportText.forLanguage("zh");
    private static final String HEADER = "支付日期,项目编码,项目名称,金额,凭证号,收款人,摘要,资金性质\n";
    private static final String DOMESTIC = "13091626P000175100046"; // 国内招商: YELLOW at 30 Jun, RED at 30 Nov

    @Autowired
    NightlyJobHarness job;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    Path plan;
    Path inbox;

    @BeforeEach
    void sampleData() throws IOException {
        job.clear();
        plan = Files.createDirectories(dir.resolve("plan"));
        inbox = Files.createDirectories(dir.resolve("inbox"));
        for (String file : List.of("projects.csv", "indicators.csv")) {
            Files.copy(Path.of("sample-data/plan", file), plan.resolve(file));
        }
        try (var files = Files.list(Path.of("sample-data/disbursements"))) {
            for (Path file : files.toList()) {
                Files.copy(file, inbox.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void everyFigureOfTheProjectSheetItsTotalTheUnplannedCodesAndTheRejectsEqualTheCsvOfTheRun() throws Exception {
        LocalDate asOf = LocalDate.of(2026, 11, 30);
        Path out = run(asOf);
        List<CSVRecord> csv = csv(out.resolve("variance-" + asOf + ".csv"));
        try (XSSFWorkbook workbook = VarianceXlsxTest.open(out.resolve("variance-" + asOf + ".xlsx"))) {
            Sheet sheet = workbook.getSheet("项目执行情况");
            List<String> headings = VarianceXlsxTest.strings(sheet.getRow(0));
            Map<String, String> columnOf = Map.of("budget_wan", "预算\n（万元）", "checkpoint_plan_wan", "节点计划\n（万元）",
                    "expected_wan", "应执行\n（万元）", "actual_wan", "实际支出\n（万元）", "execution_rate_pct", "执行率\n（%）",
                    "gap_pp", "较计划偏差\n（百分点）", "time_progress_gap_pp", "较序时进度\n（百分点）",
                    "balance_wan", "余额\n（万元）", "over_budget_wan", "超支\n（万元）");
            Map<String, BigDecimal> sums = new HashMap<>();
            int planned = 0;
            for (CSVRecord line : csv) {
                if (line.get("unit_code").isEmpty()) {
                    continue; // unplanned: its own sheet
                }
                planned++;
                Row row = VarianceXlsxTest.find(sheet, line.get("project_code"));
                assertThat(text(row, headings.indexOf("项目名称"))).isEqualTo(line.get("project_name"));
                assertThat(text(row, headings.indexOf("单位编码"))).isEqualTo(line.get("unit_code"));
                for (var column : columnOf.entrySet()) {
                    BigDecimal expected = new BigDecimal(line.get(column.getKey()));
                    assertThat(number(row, headings.indexOf(column.getValue()))).as(line.get("project_code") + " "
                            + column.getKey()).isEqualByComparingTo(expected);
                    sums.merge(column.getKey(), expected, BigDecimal::add);
                }
                assertThat(date(row.getCell(headings.indexOf("节点日期")))).isEqualTo(line.get("checkpoint_date"));
                assertThat(text(row, headings.indexOf("预警"))).isEqualTo(ZH.flag(Flag.valueOf(line.get("flag"))));
                assertThat(text(row, headings.indexOf("原因"))).isEqualTo(ZH.reasonWords(reasons(line.get("reasons"))));
            }
            assertThat(planned).isEqualTo(5);
            Row total = sheet.getRow(planned + 1);
            assertThat(VarianceXlsxTest.strings(total)).contains("合计（5 个项目）");
            for (String column : List.of("budget_wan", "expected_wan", "actual_wan", "over_budget_wan")) {
                assertThat(number(total, headings.indexOf(columnOf.get(column)))).as(column)
                        .isEqualByComparingTo(sums.get(column));
            }
            // The 合计's 余额 is its own 预算 − 实际 (net: the overspend is not left out), the overspend beside it;
            // the rows' balances, never below 0, add up to more when a project is over budget.
            assertThat(number(total, headings.indexOf(columnOf.get("balance_wan"))))
                    .isEqualByComparingTo(sums.get("budget_wan").subtract(sums.get("actual_wan")))
                    .isEqualByComparingTo(sums.get("balance_wan").subtract(sums.get("over_budget_wan")));
            assertThat(sums.get("over_budget_wan")).isPositive();
            Sheet unplanned = workbook.getSheet("计划外支出");
            List<CSVRecord> unplannedCsv = csv.stream().filter(l -> l.get("unit_code").isEmpty()).toList();
            assertThat(unplanned.getLastRowNum()).isEqualTo(unplannedCsv.size() + 1);
            for (CSVRecord line : unplannedCsv) {
                assertThat(number(VarianceXlsxTest.find(unplanned, line.get("project_code")), 1))
                        .isEqualByComparingTo(line.get("actual_wan"));
            }
            Sheet rejects = workbook.getSheet("拒收明细");
            List<CSVRecord> rejectCsv = csv(out.resolve("rejected-" + asOf + ".csv"));
            assertThat(rejectCsv).isNotEmpty();
            assertThat(rejects.getLastRowNum()).isEqualTo(rejectCsv.size());
            for (int i = 0; i < rejectCsv.size(); i++) {
                Row row = rejects.getRow(i + 1);
                assertThat(text(row, 0)).isEqualTo(rejectCsv.get(i).get("file"));
                assertThat((long) row.getCell(1).getNumericCellValue()).isEqualTo(Long.parseLong(rejectCsv.get(i).get("line")));
                // The CSV's reason, said in the workbook's language (the CSV keeps the stored English words).
                assertThat(text(row, 2)).isEqualTo(RejectReasonWords.forLocale(java.util.Locale.forLanguageTag("zh"))
                        .of(rejectCsv.get(i).get("reason"))).doesNotContain("does not exist", "is not");
            }
        }
    }

    @Test
    void eachFlaggedProjectsPaymentSubtotalIsItsCsvActualWithNoPaymentAfterTheAsOfDateOrFromAnotherYear()
            throws Exception {
        // A payment of the previous fiscal year for a project flagged this year: stored, never listed.
        Files.writeString(inbox.resolve("finance-2025-12.csv"), HEADER
                + "2025-12-20," + DOMESTIC + ",国内招商,7777.00,JZ-2025-9999,沧州某会展公司,上年度会展费,一般公共预算\n",
                StandardCharsets.UTF_8);
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        Path out = run(asOf);
        Map<String, List<Payment>> listed = payments(out.resolve("variance-" + asOf + ".xlsx"));
        Map<String, BigDecimal> subtotals = subtotals(out.resolve("variance-" + asOf + ".xlsx"));

        List<CSVRecord> flagged = csv(out.resolve("variance-" + asOf + ".csv")).stream()
                .filter(l -> !l.get("flag").equals("GREEN")).toList();
        assertThat(flagged).hasSizeGreaterThanOrEqualTo(4); // 2 RED, 2 YELLOW and the unplanned code
        assertThat(subtotals.keySet()).containsExactlyInAnyOrderElementsOf(
                flagged.stream().map(l -> l.get("project_code")).toList());
        for (CSVRecord line : flagged) {
            String code = line.get("project_code");
            assertThat(subtotals.get(code)).as(code).isEqualByComparingTo(line.get("actual_wan"));
            BigDecimal yuan = listed.getOrDefault(code, List.of()).stream().map(Payment::yuan)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(yuan.divide(BigDecimal.valueOf(10_000)).setScale(2, RoundingMode.HALF_UP)).as(code)
                    .isEqualByComparingTo(line.get("actual_wan"));
        }
        List<Payment> all = listed.values().stream().flatMap(List::stream).toList();
        assertThat(all).isNotEmpty().allMatch(p -> !p.day().isAfter(asOf) && p.day().getYear() == 2026);
        assertThat(all).noneMatch(p -> p.voucher().equals("JZ-2025-9999"));
        // The database holds what the sheet leaves out: later payments of the listed projects, last year's.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disbursement WHERE pay_date > ? AND project_code IN ("
                + String.join(",", listed.keySet().stream().map(c -> "'" + c + "'").toList()) + ")", Integer.class,
                java.sql.Date.valueOf(asOf))).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disbursement WHERE voucher_no = 'JZ-2025-9999'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void theUnplannedCodeIsLabelledUnplannedInThePaymentDetailAndCountedApartFromTheProjects() throws Exception {
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        Path out = run(asOf);
        try (XSSFWorkbook workbook = VarianceXlsxTest.open(out.resolve("variance-" + asOf + ".xlsx"))) {
            Sheet detail = workbook.getSheet("支付明细");
            List<String> flags = new ArrayList<>();
            String total = null;
            for (Row row : detail) {
                if (text(row, 0).equals("13091626P000199100001")) {
                    flags.add(text(row, 2));
                }
                if ("合计".equals(text(row, 12))) {
                    total = text(row, 1);
                }
            }
            assertThat(flags).isNotEmpty().containsOnly("计划外");
            // 2 RED and 2 YELLOW projects, and the unplanned code apart.
            assertThat(total).startsWith("合计（4 个项目、1 个计划外编码，");
        }
    }

    @Test
    void aCorrectedExportsReplacedPaymentsAreNotListedAndItsCorrectionsAre() throws Exception {
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        Path corrected = inbox.resolve("corrections.csv");
        Files.writeString(corrected, HEADER
                + "2026-03-10," + DOMESTIC + ",国内招商,9999.00,JZ-C-0001,沧州某广告公司,招商广告（误录）,一般公共预算\n"
                + "2026-03-20," + DOMESTIC + ",国内招商,1000.00,JZ-C-0002,沧州某印务公司,招商资料印制,一般公共预算\n",
                StandardCharsets.UTF_8);
        run(asOf);
        Files.writeString(corrected, HEADER
                + "2026-03-10," + DOMESTIC + ",国内招商,1111.00,JZ-C-0003,沧州某广告公司,招商广告,一般公共预算\n"
                + "2026-03-20," + DOMESTIC + ",国内招商,1000.00,JZ-C-0002,沧州某印务公司,招商资料印制,一般公共预算\n",
                StandardCharsets.UTF_8);
        Path out = run(asOf);

        List<Payment> listed = payments(out.resolve("variance-" + asOf + ".xlsx")).get(DOMESTIC);
        assertThat(listed).extracting(Payment::voucher).contains("JZ-C-0003", "JZ-C-0002").doesNotContain("JZ-C-0001");
        CSVRecord line = csv(out.resolve("variance-" + asOf + ".csv")).stream()
                .filter(l -> l.get("project_code").equals(DOMESTIC)).findFirst().orElseThrow();
        assertThat(line.get("flag")).isNotEqualTo("GREEN");
        // 75,000 元 of the sample, 1,111 + 1,000 of the corrected file: 7.71 万元.
        assertThat(line.get("actual_wan")).isEqualTo("7.71");
        assertThat(subtotals(out.resolve("variance-" + asOf + ".xlsx")).get(DOMESTIC)).isEqualByComparingTo("7.71");
    }

    private record Payment(LocalDate day, String voucher, BigDecimal yuan) {
    }

    private Path run(LocalDate asOf) throws Exception {
        var execution = job.run(asOf, plan, inbox, dir.resolve("out"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return dir.resolve("out").resolve(asOf.toString());
    }

    /** The 支付明细's payment rows by project code. */
    private static Map<String, List<Payment>> payments(Path xlsx) throws IOException {
        Map<String, List<Payment>> payments = new HashMap<>();
        try (XSSFWorkbook workbook = VarianceXlsxTest.open(xlsx)) {
            for (Row row : workbook.getSheet("支付明细")) {
                if ("支付".equals(text(row, 12))) {
                    LocalDate day = row.getCell(3).getDateCellValue().toInstant().atZone(ZoneId.systemDefault())
                            .toLocalDate();
                    payments.computeIfAbsent(text(row, 0), k -> new ArrayList<>())
                            .add(new Payment(day, text(row, 4), number(row, 7)));
                }
            }
        }
        return payments;
    }

    /** The 万元 figure of each 项目小计 row, by project code. */
    private static Map<String, BigDecimal> subtotals(Path xlsx) throws IOException {
        Map<String, BigDecimal> subtotals = new HashMap<>();
        try (XSSFWorkbook workbook = VarianceXlsxTest.open(xlsx)) {
            for (Row row : workbook.getSheet("支付明细")) {
                if ("项目小计".equals(text(row, 12))) {
                    // A formula over the project's payments; a plain 0 for a project without any.
                    Cell yuan = row.getCell(7);
                    assertThat(yuan.getCellType() == CellType.FORMULA ? yuan.getCellFormula() : "0 " + yuan.getNumericCellValue())
                            .matches("SUBTOTAL\\(9,.*|0 0\\.0");
                    subtotals.put(text(row, 0), number(row, 11));
                }
            }
        }
        return subtotals;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.read(); // the BOM
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static List<Reason> reasons(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.stream(csv.split(";")).map(Reason::valueOf).toList();
    }

    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
    }

    /** A figure cell (value or formula's value) as the 2-decimal number it shows. */
    private static BigDecimal number(Row row, int column) {
        return BigDecimal.valueOf(row.getCell(column).getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
    }

    private static String date(Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK ? ""
                : cell.getDateCellValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate().toString();
    }
}
