package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetmonitor.money.Money;
import org.budgetmonitor.quarterly.QuarterlyFixtures;
import org.budgetmonitor.quarterly.QuarterlyReview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The English documents say the unit of every amount as the Chinese ones do (万元 is "10k CNY", 元
 * "CNY"), and print every heading whole. Checked against the Chinese text of the same place: the
 * bundles key by key, the PDFs' column headings element by element, the workbooks' headings column by
 * column, the quarterly flag cells row by row.
 */
class EnglishUnitsTest {

    /** Keeps the whole text of a cut-off element in the filled pages, with where it was cut. */
    private static final JasperTemplates TEMPLATES = new JasperTemplates();

    static {
        ((SimpleJasperReportsContext) TEMPLATES.context()).setProperty("net.sf.jasperreports.print.keep.full.text", "true");
    }

    private static final LocalDate Q3 = LocalDate.of(2026, 9, 30);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"report/report", "report/quarterly", "report/html"})
    void everyEnglishTextStatesTheUnitItsChineseTextStates(String bundle) throws IOException {
        Properties zh = properties(bundle + "_zh.properties");
        Properties en = properties(bundle + "_en.properties");
        List<String> missing = new ArrayList<>();
        for (String key : zh.stringPropertyNames()) {
            String chinese = zh.getProperty(key);
            String english = en.getProperty(key);
            if (english != null && !statesTheSameUnit(chinese, english)) {
                missing.add(key + " = " + english);
            }
        }
        assertThat(missing).as("English texts without the unit their Chinese text names").isEmpty();
    }

    @Test
    void theVarianceReportsColumnHeadingsArePrintedWholeAndStateTheirUnits() throws JRException {
        List<JRPrintText> zh = headings(fill(varianceFixtures(), "zh"));
        List<JRPrintText> en = headings(fill(varianceFixtures(), "en"));

        assertThat(en).hasSameSizeAs(zh).isNotEmpty();
        assertWhole(zh);
        assertWhole(en);
        assertSameUnits(texts(zh), texts(en));
    }

    @Test
    void theQuarterlyReviewsColumnHeadingsArePrintedWholeAndStateTheirUnits() throws JRException {
        List<JRPrintText> zh = headings(fillQuarterly("zh"));
        List<JRPrintText> en = headings(fillQuarterly("en"));

        assertThat(en).hasSameSizeAs(zh).isNotEmpty();
        assertWhole(zh);
        assertWhole(en);
        assertSameUnits(texts(zh), texts(en));
    }

    @Test
    void theQuarterlyFlagCellsStateTheUnitOfTheirAmounts() {
        QuarterlyReport zh = assemble("zh");
        QuarterlyReport en = assemble("en");

        List<String> zhCells = new ArrayList<>();
        List<String> enCells = new ArrayList<>();
        zh.rows().forEach(r -> zhCells.add(r.flagText()));
        en.rows().forEach(r -> enCells.add(r.flagText()));
        zh.focus().forEach(r -> zhCells.add(r.flagText()));
        en.focus().forEach(r -> enCells.add(r.flagText()));

        assertThat(zhCells).anyMatch(c -> c.contains("万元")); // the fixture has an amount in a flag cell
        assertSameUnits(zhCells, enCells);
    }

    @Test
    void theVarianceWorkbooksHeadingsStateTheirUnitsAndFitTheirRows() throws IOException {
        RenderedReport zh = RenderedReport.render(varianceFixtures(), "zh", Files.createDirectories(dir.resolve("zh")));
        RenderedReport en = RenderedReport.render(varianceFixtures(), "en", Files.createDirectories(dir.resolve("en")));

        assertWorkbookHeadings(zh.xlsx, en.xlsx);
    }

    @Test
    void theQuarterlyWorkbooksHeadingsStateTheirUnitsAndFitTheirRows() throws IOException {
        Path zh = dir.resolve("q-zh.xlsx");
        Path en = dir.resolve("q-en.xlsx");
        writeQuarterlyWorkbook("zh", zh);
        writeQuarterlyWorkbook("en", en);

        assertWorkbookHeadings(zh, en);
    }

    // --- the rule ---

    /** A text naming 万元 (or 元) in Chinese says 10k CNY (or CNY) in English, and the other way round. */
    private static boolean statesTheSameUnit(String chinese, String english) {
        boolean wan = chinese.contains("万元");
        boolean yuan = chinese.replace("万元", "").contains("元");
        boolean tenThousand = english.contains("10k CNY") || english.contains("10,000 yuan");
        String rest = english.replace("10k CNY", "").replace("10,000 yuan", "");
        boolean cny = rest.contains("CNY") || rest.contains("yuan");
        return wan == tenThousand && (!yuan || cny);
    }

    private static void assertSameUnits(List<String> chinese, List<String> english) {
        assertThat(english).hasSameSizeAs(chinese);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < chinese.size(); i++) {
            if (!statesTheSameUnit(chinese.get(i), english.get(i))) {
                wrong.add(flat(english.get(i)) + " (Chinese: " + flat(chinese.get(i)) + ")");
            }
        }
        assertThat(wrong).as("English headings or cells without their unit").isEmpty();
    }

    /** Whole, and not shrunk below 7 pt to fit (the heading style is 7.5 pt). */
    private static void assertWhole(List<JRPrintText> headings) {
        assertThat(headings.stream().filter(t -> t.getTextTruncateIndex() != null)
                .map(t -> flat(t.getFullText()) + " printed as " + flat(t.getFullText().substring(0, t.getTextTruncateIndex())))
                .toList()).as("headings cut off").isEmpty();
        assertThat(headings.stream().filter(t -> t.getFontSize() < 7f)
                .map(t -> flat(t.getFullText()) + " at " + t.getFontSize() + " pt").toList())
                .as("headings shrunk to fit").isEmpty();
    }

    /**
     * Excel shows a wrapped heading only as far as its row is high: each line of the heading, wrapped
     * at the column's width (a Chinese character as wide as two Latin ones), takes 12 pt at 9 pt bold.
     */
    private static void assertWorkbookHeadings(Path zhFile, Path enFile) throws IOException {
        try (XSSFWorkbook zh = open(zhFile); XSSFWorkbook en = open(enFile)) {
            assertThat(en.getNumberOfSheets()).isEqualTo(zh.getNumberOfSheets());
            List<String> cutOff = new ArrayList<>();
            int tables = 0;
            for (int s = 0; s < en.getNumberOfSheets(); s++) {
                Row zhHeader = headerRow(zh.getSheetAt(s));
                Row enHeader = headerRow(en.getSheetAt(s));
                if (enHeader == null) {
                    continue;
                }
                tables++;
                assertSameUnits(cells(zhHeader, Cell::getStringCellValue), cells(enHeader, Cell::getStringCellValue));
                for (Row header : List.of(zhHeader, enHeader)) {
                    XSSFSheet sheet = (XSSFSheet) header.getSheet();
                    for (Cell cell : header) {
                        int width = sheet.getColumnWidth(cell.getColumnIndex()) / 256;
                        float needed = 12f * wrappedLines(cell.getStringCellValue(), width);
                        if (header.getHeightInPoints() < needed) {
                            cutOff.add(sheet.getSheetName() + ": " + flat(cell.getStringCellValue()) + " needs "
                                    + needed + " pt, row is " + header.getHeightInPoints());
                        }
                    }
                }
            }
            assertThat(tables).isPositive();
            assertThat(cutOff).as("workbook headings taller than their row").isEmpty();
        }
    }

    private static int wrappedLines(String heading, int widthChars) {
        int lines = 0;
        for (String line : heading.split("\n", -1)) {
            int used = 0;
            lines++;
            for (String word : line.split(" ")) {
                int w = width(word);
                if (used > 0 && used + 1 + w > widthChars) {
                    lines++;
                    used = 0;
                }
                used += (used > 0 ? 1 : 0) + w;
                while (used > widthChars) { // a word wider than the column breaks anywhere
                    lines++;
                    used -= widthChars;
                }
            }
        }
        return lines;
    }

    private static int width(String text) {
        return text.codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum();
    }

    // --- the documents ---

    /** The sample, one project's budget adjusted (so the adjusted budget heading is printed too). */
    private static ReportFixtures varianceFixtures() {
        return ReportFixtures.sample().adjustment("13091626P000175100046", "2026-03-01", "5.00", "沧临财预〔2026〕12号",
                "追加招商活动经费");
    }

    private static JasperPrint fill(ReportFixtures fixtures, String language) throws JRException {
        ReportText text = ReportText.forLanguage(language);
        return new ReportRenderer(TEMPLATES).fill(fixtures.reports(text).get(0), text, null);
    }

    private static QuarterlyReview review() {
        return new QuarterlyFixtures(Q3)
                .project("472001", "P1", "国内招商", "20", QuarterlyFixtures.DOMESTIC_PLAN, "2026-02-15=1.2", "2026-08-15=6")
                .project("472001", "P4", "展会相关费用", "15", QuarterlyFixtures.FAIRS_PLAN, "2026-06-20=16")
                .project("472001", "P5", "河北省药品医疗器械检验研究院沧州实验室", "100", QuarterlyFixtures.LAB_PLAN,
                        "2026-03-20=25", "2026-06-20=27", "2026-09-10=25")
                .review();
    }

    private static QuarterlyReport assemble(String language) {
        return new QuarterlyReportAssembler(QuarterlyText.forLanguage(language))
                .assemble(review(), Money.ofWan("5"), LocalDateTime.of(2026, 10, 1, 3, 0));
    }

    private static JasperPrint fillQuarterly(String language) throws JRException {
        return new QuarterlyReportRenderer(TEMPLATES, ReportProperties.DEFAULTS)
                .fill(assemble(language), QuarterlyText.forLanguage(language), QuarterlyReportRenderer.Audience.COMBINED);
    }

    private static void writeQuarterlyWorkbook(String language, Path file) throws IOException {
        QuarterlyText text = QuarterlyText.forLanguage(language);
        QuarterlyReport report = assemble(language);
        try (OutputStream out = Files.newOutputStream(file)) {
            new QuarterlyWorkbook(text).write(review(), report, report.reportId(), List.of(), out);
        }
    }

    /** The column headings of every table of the filled pages, subreports included, in page order. */
    private static List<JRPrintText> headings(JasperPrint print) {
        List<JRPrintText> headings = new ArrayList<>();
        for (JRPrintPage page : print.getPages()) {
            collect(page.getElements(), headings);
        }
        return headings;
    }

    private static void collect(List<JRPrintElement> elements, List<JRPrintText> headings) {
        for (JRPrintElement e : elements) {
            if (e instanceof JRPrintFrame frame) {
                collect(frame.getElements(), headings);
            } else if (e instanceof JRPrintText t && t.getStyle() != null && "ColumnHeader".equals(t.getStyle().getName())) {
                headings.add(t);
            }
        }
    }

    private static List<String> texts(List<JRPrintText> headings) {
        return headings.stream().map(JRPrintText::getFullText).toList();
    }

    private static Row headerRow(XSSFSheet sheet) {
        PaneInformation pane = sheet.getPaneInformation();
        return pane == null || pane.getHorizontalSplitTopRow() == 0 ? null
                : sheet.getRow(pane.getHorizontalSplitTopRow() - 1);
    }

    private static <T> List<T> cells(Row row, Function<Cell, T> value) {
        List<T> values = new ArrayList<>();
        row.forEach(c -> values.add(value.apply(c)));
        return values;
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static Properties properties(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = EnglishUnitsTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static String flat(String text) {
        return text.replace("\n", " ");
    }
}
