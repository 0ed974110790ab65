package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetmonitor.spending.FlaggedPaymentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VarianceXlsxTest {

    @TempDir
    Path dir;

    @Test
    void theWorkbookHoldsTheSameFiguresAsNumbersBesideTheProjectNames() throws IOException {
        RenderedReport report = RenderedReport.render(ReportFixtures.sample(), "zh", dir);
        List<Cell> cells = cells(report.xlsx);

        Row row = rowOf(cells, "国内招商").orElseThrow();
        List<Double> numbers = new ArrayList<>();
        row.forEach(c -> {
            if (c.getCellType() == CellType.NUMERIC) {
                numbers.add(c.getNumericCellValue());
            }
        });
        // no, budget, checkpoint date (an Excel date), checkpoint plan, expected, actual, rate, gap
        assertThat(numbers).contains(20.0, 10.0, 1.2, 6.0, -44.0);
        assertThat(texts(cells)).anyMatch(t -> t.contains("预算执行进度监控报告"));
    }

    @Test
    void theFlagAndItsReasonsStandInColumnsOfTheirOwnSoThatTheSheetFiltersByLevel() throws IOException {
        RenderedReport report = RenderedReport.render(ReportFixtures.sample(), "zh", dir);
        try (XSSFWorkbook workbook = open(report.xlsx)) {
            Sheet sheet = workbook.getSheet("项目执行情况");
            List<String> headings = strings(sheet.getRow(0));
            int flag = headings.indexOf("预警");
            int reasons = headings.indexOf("原因");
            assertThat(flag).isPositive();
            assertThat(reasons).isEqualTo(flag + 1);
            Row domestic = find(sheet, "国内招商");
            assertThat(domestic.getCell(flag).getStringCellValue()).isEqualTo("红色");
            assertThat(domestic.getCell(reasons).getStringCellValue()).isEqualTo("进度滞后（节点计划未完成）");
            assertThat(find(sheet, "河北省药品医疗器械检验研究院沧州实验室").getCell(flag).getStringCellValue()).isEqualTo("黄色");
        }
    }

    @Test
    void eachTableHasChineseNameHeadingsInTheFrozenFirstRowAFilterAndPrintsLandscapeOnA4FittedToTheWidth()
            throws IOException {
        RenderedReport report = RenderedReport.render(ReportFixtures.sample(), "zh", dir);
        try (XSSFWorkbook workbook = open(report.xlsx)) {
            List<String> names = new ArrayList<>();
            workbook.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("概况", "项目执行情况", "支付明细", "计划外支出", "拒收明细");
            assertThat(workbook.getActiveSheetIndex()).isEqualTo(1);
            for (String name : names.subList(1, names.size())) {
                XSSFSheet sheet = workbook.getSheet(name);
                assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as(name).isEqualTo((short) 1);
                assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).as(name).startsWith("A1:");
                assertThat(sheet.getRepeatingRows().formatAsString()).as(name).isEqualTo("1:1");
                PrintSetup print = sheet.getPrintSetup();
                assertThat(print.getLandscape()).as(name).isTrue();
                assertThat(print.getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(sheet.getFitToPage()).as(name).isTrue();
                assertThat(print.getFitWidth()).as(name).isEqualTo((short) 1);
                assertThat(print.getFitHeight()).as(name).isEqualTo((short) 0);
                assertThat(sheet.getHeader().getCenter()).as(name).isEqualTo("预算执行进度监控报告");
                assertThat(sheet.getFooter().getCenter()).as(name).isEqualTo("第 &P 页 / 共 &N 页");
            }
            // The projects' filter covers the project rows, not the 合计 below them, which stays in view.
            XSSFSheet projects = workbook.getSheet("项目执行情况");
            assertThat(projects.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:S5"); // through 年初预算, the last column
            assertThat(strings(projects.getRow(5))).contains("合计（4 个项目）", "合计");
        }
    }

    @Test
    void opensOnTheSummaryWhenItWarnsThatTheDataMayBeIncomplete() throws IOException {
        RenderedReport report = RenderedReport.render(ReportFixtures.sample().cutOff(LocalDate.of(2026, 5, 20), 3),
                "zh", dir);
        try (XSSFWorkbook workbook = open(report.xlsx)) {
            assertThat(workbook.getActiveSheetIndex()).isZero();
            assertThat(workbook.getSheetAt(0).isSelected()).isTrue();
            assertThat(workbook.getSheetAt(1).isSelected()).isFalse();
            List<String> summary = new ArrayList<>();
            workbook.getSheetAt(0).forEach(row -> summary.addAll(strings(row)));
            assertThat(summary).anySatisfy(cell -> assertThat(cell).startsWith("数据可能不完整"));
        }
    }

    @Test
    void theTotalRowIsASubtotalFormulaPerFigureColumnWhoseValueIsTheSumOfTheRows() throws IOException {
        RenderedReport report = RenderedReport.render(ReportFixtures.sample(), "zh", dir);
        try (XSSFWorkbook workbook = open(report.xlsx)) {
            Sheet sheet = workbook.getSheet("项目执行情况");
            Row total = sheet.getRow(5);
            List<String> headings = strings(sheet.getRow(0));
            int budget = headings.indexOf("预算\n（万元）");
            int actual = headings.indexOf("实际支出\n（万元）");
            int rate = headings.indexOf("执行率\n（%）");
            assertThat(total.getCell(budget).getCellFormula()).isEqualTo("SUBTOTAL(9,D2:D5)");
            // 20 + 20 + 15 + 100 万元 budget; 1.20 + 10.30 + 2.10 + 40.00 spent; 53.60 / 155 = 34.58 %.
            assertThat(total.getCell(budget).getNumericCellValue()).isEqualTo(155.0);
            assertThat(total.getCell(actual).getNumericCellValue()).isEqualTo(53.6);
            assertThat(total.getCell(rate).getNumericCellValue()).isEqualTo(34.58);
            XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            for (int c : List.of(budget, actual, rate)) {
                assertThat(evaluator.evaluate(total.getCell(c)).getNumberValue()).as(headings.get(c))
                        .isCloseTo(total.getCell(c).getNumericCellValue(), org.assertj.core.api.Assertions.within(1e-9));
            }
        }
    }

    @Test
    void theTotalsGapIsItsActualLessItsExpectedOverItsBudgetRoundedOnceAsEachProjectsIs() throws IOException {
        // 160.00 万元 budget, 53.64 spent: each rate rounded first puts the 合计 gap 0.01 off the rule.
        ReportFixtures fixtures = ReportFixtures.sample()
                .project("472001", "沧州临港经济技术开发区生物医药招商局本级", "13091626P000100000001", "财政信息化运维", "5.00")
                .paid("13091626P000100000001", "2026-02-11", "400.00");
        RenderedReport report = RenderedReport.render(fixtures, "zh", dir);
        try (XSSFWorkbook workbook = open(report.xlsx)) {
            Sheet sheet = workbook.getSheet("项目执行情况");
            Row total = sheet.getRow(6);
            assertThat(strings(total)).contains("合计（5 个项目）");
            List<String> headings = strings(sheet.getRow(0));
            BigDecimal budget = figure(total, headings.indexOf("预算\n（万元）"));
            BigDecimal expected = figure(total, headings.indexOf("应执行\n（万元）"));
            BigDecimal actual = figure(total, headings.indexOf("实际支出\n（万元）"));
            int gap = headings.indexOf("较计划偏差\n（百分点）");
            BigDecimal rule = actual.subtract(expected).multiply(BigDecimal.valueOf(100))
                    .divide(budget, 2, java.math.RoundingMode.HALF_UP);
            // The difference of the two rates, each rounded first, is 0.01 off here.
            BigDecimal twice = actual.multiply(BigDecimal.valueOf(100)).divide(budget, 2, java.math.RoundingMode.HALF_UP)
                    .subtract(expected.multiply(BigDecimal.valueOf(100)).divide(budget, 2, java.math.RoundingMode.HALF_UP));
            assertThat(twice).as("%s %s %s", budget, expected, actual).isNotEqualByComparingTo(rule);
            assertThat(figure(total, gap)).isEqualByComparingTo(rule);
            XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            assertThat(evaluator.evaluate(total.getCell(gap)).getNumberValue()).isCloseTo(rule.doubleValue(), within(1e-9));
        }
    }

    private static BigDecimal figure(Row row, int column) {
        return BigDecimal.valueOf(row.getCell(column).getNumericCellValue());
    }

    @Test
    void severalUnitsGetASubtotalEachAndTheTotalCountsEveryProjectOnce() throws IOException {
        ReportFixtures fixtures = ReportFixtures.sample()
                .project("471005", "财政局本级", "13091626P000100000001", "财政信息化运维", "30.00")
                .paid("13091626P000100000001", "2026-02-11", "20000.00");
        RenderedReport report = RenderedReport.render(fixtures, "zh", dir);
        try (XSSFWorkbook workbook = open(report.xlsx)) {
            Sheet sheet = workbook.getSheet("项目执行情况");
            List<List<String>> rows = new ArrayList<>();
            sheet.forEach(r -> rows.add(strings(r)));
            assertThat(rows.get(5)).contains("小计（4 个项目）", "472001", "单位小计");
            assertThat(rows.get(7)).contains("小计（1 个项目）", "471005", "单位小计");
            assertThat(rows.get(8)).contains("合计（5 个项目）", "合计");
            assertThat(sheet.getRow(5).getCell(3).getCellFormula()).isEqualTo("SUBTOTAL(9,D2:D5)");
            assertThat(sheet.getRow(8).getCell(3).getCellFormula()).isEqualTo("SUBTOTAL(9,D2:D8)");
            XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            // SUBTOTAL leaves the unit subtotals inside its range out: 155 + 30, not 155 + 30 + 185.
            assertThat(evaluator.evaluate(sheet.getRow(8).getCell(3)).getNumberValue()).isEqualTo(185.0);
            assertThat(sheet.getRow(8).getCell(3).getNumericCellValue()).isEqualTo(185.0);
            assertThat(sheet.getRow(7).getCell(7).getNumericCellValue()).isEqualTo(2.0);
            assertThat(((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:S8");
        }
    }

    @Test
    void aSubtotalsAndTheTotalsBalanceIsTheirOwnBudgetLessActualWithAnOverspentProjectInside() throws IOException {
        // 471005 spends 2.00 of a 1.00 budget: its row has 余额 0.00 and 超支 1.00.
        ReportFixtures fixtures = ReportFixtures.sample()
                .project("471005", "财政局本级", "13091626P000100000001", "财政信息化运维", "1.00")
                .paid("13091626P000100000001", "2026-02-11", "20000.00");
        RenderedReport report = RenderedReport.render(fixtures, "zh", dir);
        try (XSSFWorkbook workbook = open(report.xlsx)) {
            Sheet sheet = workbook.getSheet("项目执行情况");
            List<String> headings = strings(sheet.getRow(0));
            int budget = headings.indexOf("预算\n（万元）");
            int actual = headings.indexOf("实际支出\n（万元）");
            int balance = headings.indexOf("余额\n（万元）");
            int over = headings.indexOf("超支\n（万元）");
            assertThat(sheet.getRow(6).getCell(balance).getNumericCellValue()).isEqualTo(0.0);
            XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            for (int r : List.of(5, 7, 8)) { // 472001's subtotal, 471005's, the 合计
                Row row = sheet.getRow(r);
                double net = row.getCell(budget).getNumericCellValue() - row.getCell(actual).getNumericCellValue();
                assertThat(row.getCell(balance).getNumericCellValue()).as("row %d", r).isCloseTo(net, within(1e-9));
                assertThat(evaluator.evaluate(row.getCell(balance)).getNumberValue()).as("row %d", r)
                        .isCloseTo(net, within(1e-9));
            }
            // 471005: 1.00 − 2.00 = −1.00, the overspend beside it; the 合计 nets it: 156.00 − 55.60.
            assertThat(sheet.getRow(7).getCell(balance).getNumericCellValue()).isEqualTo(-1.0);
            assertThat(sheet.getRow(7).getCell(over).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(8).getCell(balance).getNumericCellValue()).isCloseTo(100.4, within(1e-9));
        }
    }

    @Test
    void namesAndCodesThatLookLikeFormulasAreWrittenAsText() throws IOException {
        String unit = "测试单位";
        ReportFixtures fixtures = new ReportFixtures()
                .project("472001", unit, "C1", "=HYPERLINK(\"http://x\",\"点我\")", "10.00")
                .project("472001", unit, "C2", "+1+1", "10.00")
                .project("472001", unit, "C3", "-2+3", "10.00")
                .project("472001", unit, "C4", "@SUM(A1:A2)", "10.00")
                .unplanned("=1+2", "100.00");
        RenderedReport report = RenderedReport.render(fixtures, "zh", dir);
        List<Cell> cells = cells(report.xlsx);

        // The only formulas are the workbook's own subtotals (and a subtotal's 余额, its budget − actual).
        assertThat(cells).filteredOn(c -> c.getCellType() == CellType.FORMULA)
                .allMatch(c -> c.getCellFormula().matches("(SUBTOTAL\\(9,|ROUND\\(|IF\\().*|[A-Z]+\\d+-[A-Z]+\\d+"))
                .noneMatch(c -> c.getCellFormula().contains("HYPERLINK"));
        for (String name : List.of("=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2+3", "@SUM(A1:A2)", "=1+2")) {
            assertThat(cells).as(name).anyMatch(c -> c.getCellType() == CellType.STRING
                    && c.getStringCellValue().equals(name));
        }
        assertThat(texts(cells)).anyMatch(t -> t.contains("=1+2 实际支出 0.01 万元"));
    }

    @Test
    void thePaymentSheetListsEachFlaggedProjectsPaymentsWithASubtotalEqualToItsActual() throws IOException {
        RenderedReport report = RenderedReport.render(ReportFixtures.sample(), "zh", dir);
        try (XSSFWorkbook workbook = open(report.xlsx)) {
            Sheet sheet = workbook.getSheet("支付明细");
            assertThat(strings(sheet.getRow(0))).startsWith("项目编码", "项目名称", "预警", "支付日期", "凭证号", "收款人",
                    "摘要", "金额\n（元）", "资金来源", "来源文件", "行号", "小计\n（万元）", "行类型");
            List<List<String>> rows = new ArrayList<>();
            sheet.forEach(r -> rows.add(new DataFormatterRow(r).values()));
            // 国内招商 (RED): one payment of 12,000 元; 1.20 万元 as in the table. GREEN 宣传 is not listed.
            assertThat(rows).anyMatch(r -> r.containsAll(List.of("13091626P000175100046", "2026-02-15", "12,000.00", "支付")));
            assertThat(rows).anyMatch(r -> r.containsAll(List.of("13091626P000175100046", "共 1 笔", "12,000.00", "1.20",
                    "项目小计")));
            assertThat(rows).anyMatch(r -> r.containsAll(List.of("13091626P00018210006K", "共 2 笔", "400,000.00", "40.00")));
            assertThat(rows).anyMatch(r -> r.containsAll(List.of("13091626P999999999999", "计划外支出", "0.68")));
            assertThat(rows).noneMatch(r -> r.contains("13091626P000177100055"));
            // 3 flagged projects and the unplanned code, counted apart.
            assertThat(rows.get(rows.size() - 1)).contains("合计（3 个项目、1 个计划外编码，6 笔支付）", "439,800.00", "43.98");
        }
    }

    @Test
    void aProjectWithMorePaymentsThanASheetHoldsCarriesOnOnTheNextSheetAndItsSubtotalSpansBoth() throws IOException {
        VarianceReport report = ReportFixtures.sample().reports(ReportText.forLanguage("zh")).get(0);
        Path xlsx = dir.resolve("many.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(50); var out = Files.newOutputStream(xlsx)) {
            PaymentDetailSheet.write(workbook, new WorkbookStyles(workbook), ReportText.forLanguage("zh"), report,
                    payments(25), 10);
            workbook.write(out);
        }
        try (XSSFWorkbook workbook = open(xlsx)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetName(1)).isEqualTo("支付明细（续2）");
            Sheet last = workbook.getSheetAt(2);
            Row subtotal = last.getRow(last.getLastRowNum() - 1);
            assertThat(subtotal.getCell(7).getCellFormula())
                    .isEqualTo("SUBTOTAL(9,'支付明细'!H2:H10,'支付明细（续2）'!H2:H10,'支付明细（续3）'!H2:H8)");
            XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            // 1 + 2 + … + 25 元
            assertThat(evaluator.evaluate(subtotal.getCell(7)).getNumberValue()).isEqualTo(325.0);
            assertThat(subtotal.getCell(7).getNumericCellValue()).isEqualTo(325.0);
        }
    }

    @Test
    void aHundredThousandPaymentsOfOneProjectAreStreamedToTheSheet() throws IOException {
        VarianceReport report = ReportFixtures.sample().reports(ReportText.forLanguage("zh")).get(0);
        Path xlsx = dir.resolve("large.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); var out = Files.newOutputStream(xlsx)) {
            workbook.setCompressTempFiles(true);
            PaymentDetailSheet.write(workbook, new WorkbookStyles(workbook), ReportText.forLanguage("zh"), report,
                    payments(100_000));
            workbook.write(out);
            workbook.close();
        }
        // Read as XML: a DOM of 100,000 rows would cost the test more than the writing did.
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            String xml;
            try (InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
                xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(count(xml, "<row ")).isEqualTo(1 + 100_000 + 1 + 1);
            Matcher subtotal = Pattern.compile("<f>SUBTOTAL\\(9,'支付明细'!H2:H100001\\)</f><v>([^<]+)</v>").matcher(xml);
            assertThat(subtotal.find()).isTrue();
            // 1 + 2 + … + 100,000 元 = 5,000,050,000 元
            assertThat(new BigDecimal(subtotal.group(1))).isEqualByComparingTo("5000050000");
        }
    }

    /** {@code n} payments of 1, 2, … n 元 for the sample's RED 国内招商. */
    private static FlaggedPaymentSource payments(int n) {
        String code = "13091626P000175100046";
        return new FlaggedPaymentSource() {
            @Override
            public List<Project> projects(LocalDate asOf) {
                return List.of(new Project(code, "国内招商", true, "472001", "RED",
                        BigDecimal.valueOf((long) n * (n + 1) / 2)));
            }

            @Override
            public void forEach(LocalDate asOf, Consumer<Payment> sink) {
                for (int i = 1; i <= n; i++) {
                    sink.accept(new Payment(code, LocalDate.of(2026, 1, 1).plusDays(i % 180), "PZ-" + i, "收款单位",
                            "摘要", BigDecimal.valueOf(i).setScale(2), "一般公共预算", "big.csv", (long) (i + 1)));
                }
            }
        };
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** A row's cells as Excel shows them (formats applied, formulas at their stored values). */
    record DataFormatterRow(Row row) {
        List<String> values() {
            DataFormatter format = new DataFormatter();
            List<String> values = new ArrayList<>();
            row.forEach(c -> values.add(c.getCellType() == CellType.FORMULA
                    ? format.formatRawCellContents(c.getNumericCellValue(), c.getCellStyle().getDataFormat(),
                            c.getCellStyle().getDataFormatString())
                    : format.formatCellValue(c)));
            return values;
        }
    }

    static XSSFWorkbook open(Path xlsx) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }

    static Row find(Sheet sheet, String text) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                    return row;
                }
            }
        }
        throw new AssertionError("no row with " + text + " in " + sheet.getSheetName());
    }

    static List<String> strings(Row row) {
        List<String> values = new ArrayList<>();
        row.forEach(c -> values.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : ""));
        return values;
    }

    private static Optional<Row> rowOf(List<Cell> cells, String text) {
        return cells.stream().filter(c -> c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text))
                .map(Cell::getRow).findFirst();
    }

    static List<String> texts(List<Cell> cells) {
        return cells.stream().filter(c -> c.getCellType() == CellType.STRING).map(Cell::getStringCellValue).toList();
    }

    static List<Cell> cells(Path xlsx) throws IOException {
        List<Cell> cells = new ArrayList<>();
        try (XSSFWorkbook workbook = open(xlsx)) {
            for (Sheet sheet : workbook) {
                sheet.forEach(r -> r.forEach(cells::add));
            }
        }
        return cells;
    }
}
