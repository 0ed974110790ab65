package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintImage;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.DateTick;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The charts of the filled report: their axes, lines and points read from the JFreeChart each chart
 * image draws, and their words from an SVG canvas that keeps text as text (the PDF draws chart text
 * as outlines, which PDFBox cannot read).
 */
class CurveChartAxisTest {

    private static final JasperTemplates TEMPLATES = new JasperTemplates();
    private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text\\s*>");

    @Test
    void chineseChartsLabelTheTwelveMonthEndsInChineseAndStopAtTheEndOfTheFiscalYear() throws Exception {
        List<List<String>> charts = curveChartTexts("zh", ReportFixtures.sample());
        assertThat(charts).hasSize(3); // two RED, one YELLOW in the sample
        for (List<String> texts : charts) {
            assertThat(texts).containsSubsequence("年初", "1月底", "2月底", "3月底", "4月底", "5月底", "6月底", "7月底",
                    "8月底", "9月底", "10月底", "11月底", "12月底");
            assertThat(texts).noneMatch(t -> t.contains("2027") || t.contains("Jan") || t.contains("13月"));
            assertThat(texts).filteredOn(t -> t.equals("1月底")).hasSize(1); // no second January at the right end
        }
    }

    @Test
    void englishChartsLabelTheMonthEndsInEnglishWithoutAYearTickBeyondDecember() throws Exception {
        List<List<String>> charts = curveChartTexts("en", ReportFixtures.sample());
        assertThat(charts).hasSize(3);
        for (List<String> texts : charts) {
            assertThat(texts).containsSubsequence("Start", "31 Jan", "28 Feb", "31 Mar", "30 Jun", "31 Jul", "31 Dec");
            assertThat(texts).noneMatch(t -> t.contains("2027") || t.contains("月"));
        }
    }

    @Test
    void aMonthEndFigureStandsOnItsMonthEndTickAndEveryTickIsTheLastDayOfItsMonth() throws Exception {
        List<JFreeChart> charts = charts("zh", ReportFixtures.sample(), XYPlot.class);
        assertThat(charts).hasSize(3);
        for (JFreeChart chart : charts) {
            XYPlot plot = chart.getXYPlot();
            Map<String, Double> ticks = new LinkedHashMap<>();
            for (Object t : ticks(chart, plot.getDomainAxis(), plot.getDomainAxisEdge())) {
                DateTick tick = (DateTick) t;
                ticks.put(tick.getText(), tick.getValue());
                LocalDate day = tick.getDate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
                assertThat(day).as(tick.getText()).isEqualTo(day.withDayOfMonth(day.lengthOfMonth()));
            }
            assertThat(ticks).hasSize(13).containsKeys("3月底", "6月底", "12月底");
            // The planned curve's checkpoints (31 Mar, 30 Jun …) and the actual's month ends lie on the ticks
            // of their own month, not the next one's.
            XYDataset data = plot.getDataset();
            int onTicks = 0;
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    LocalDate day = java.time.Instant.ofEpochMilli((long) data.getXValue(s, i))
                            .atZone(ZoneId.systemDefault()).toLocalDate();
                    if (day.getYear() == 2026 && day.equals(day.withDayOfMonth(day.lengthOfMonth()))) {
                        assertThat(data.getXValue(s, i)).isEqualTo(ticks.get(day.getMonthValue() + "月底"));
                        onTicks++;
                    }
                }
            }
            assertThat(onTicks).isEqualTo(4 + 1); // the plan's 4 checkpoints, the actual at the as-of date 30 Jun
            assertThat(plot.getDomainAxis().getRange().getUpperBound()).isGreaterThan(ticks.get("12月底"));
        }
    }

    @Test
    void valueAxisTickLabelsAreTheTicksTrueValuesOnTheCurvesAndTheRateBars() throws Exception {
        ReportFixtures fixtures = ReportFixtures.sample()
                .project("472001", "沧州临港经济技术开发区生物医药招商局本级", "13091626P000199900001", "零星小项目", "0.10")
                .paid("13091626P000199900001", "2026-05-10", "10.00");
        List<JFreeChart> charts = charts("zh", fixtures, null);
        assertThat(charts).hasSizeGreaterThanOrEqualTo(5); // the rate chart and four project charts
        for (JFreeChart chart : charts) {
            ValueAxis axis = chart.getPlot() instanceof XYPlot xy ? xy.getRangeAxis()
                    : ((CategoryPlot) chart.getPlot()).getRangeAxis();
            RectangleEdge edge = chart.getPlot() instanceof XYPlot xy ? xy.getRangeAxisEdge()
                    : ((CategoryPlot) chart.getPlot()).getRangeAxisEdge();
            List<?> ticks = ticks(chart, axis, edge);
            assertThat(ticks).hasSizeGreaterThan(2);
            for (Object t : ticks) {
                NumberTick tick = (NumberTick) t;
                assertThat(new BigDecimal(tick.getText().replace(",", "")).doubleValue()).as(tick.getText())
                        .isCloseTo(tick.getValue(), within(1e-9));
            }
        }
    }

    @Test
    void theRateBarsPrintTheirValuesAZeroBarIncludedAndTheHundredPercentLineIsDrawn() throws Exception {
        ReportFixtures fixtures = ReportFixtures.sample()
                .project("472001", "沧州临港经济技术开发区生物医药招商局本级", "13091626P00017610004U", "综合事务管理", "5.00");
        JFreeChart rates = charts("zh", fixtures, CategoryPlot.class).get(0);
        CategoryPlot plot = rates.getCategoryPlot();
        assertThat(plot.getRangeMarkers(Layer.FOREGROUND)).extracting(m -> ((ValueMarker) m).getValue())
                .containsExactly(100.0);
        List<String> texts = svgTexts(rates);
        // 国内招商 6.00 % against 25.00 %… and 综合事务管理 at 0 %: its bar has no length, its label shows.
        assertThat(texts).contains("6.00%", "0.00%", "100%（预算全部支出）");
    }

    @Test
    void theCurvesDrawTheBudgetLineAndOverBudgetTheActualLineWithTheAmountOver() throws Exception {
        ReportFixtures fixtures = ReportFixtures.sample()
                .paid("13091626P000178100047", "2026-06-20", "139000.00"); // 展会: 2.1 + 13.9 = 16.00 of 15.00
        List<JFreeChart> charts = charts("zh", fixtures, XYPlot.class);
        List<List<Double>> lines = charts.stream().map(c -> c.getXYPlot().getRangeMarkers(Layer.FOREGROUND).stream()
                .map(m -> ((ValueMarker) m).getValue()).toList()).toList();
        assertThat(lines).contains(List.of(20.0), List.of(100.0), List.of(15.0, 16.0));
        List<String> overTexts = charts.stream().map(CurveChartAxisTest::svgTexts)
                .filter(t -> t.contains("预算 15.00 万元")).findFirst().orElseThrow();
        assertThat(overTexts).contains("实际支出 16.00 万元，超支 1.00 万元");
        for (JFreeChart chart : charts) {
            double top = chart.getXYPlot().getRangeMarkers(Layer.FOREGROUND).stream()
                    .mapToDouble(m -> ((ValueMarker) m).getValue()).max().orElseThrow();
            assertThat(chart.getXYPlot().getRangeAxis().getUpperBound()).isGreaterThan(top);
        }
    }

    @Test
    void theChartHeadingStatesBudgetActualAndTheAmountOverAsPdfText(@TempDir Path dir) throws Exception {
        ReportFixtures fixtures = ReportFixtures.sample().paid("13091626P000178100047", "2026-06-20", "139000.00");
        RenderedReport report = RenderedReport.render(fixtures, "zh", dir);
        assertThat(report.text()).contains("预算 15.00 万元　实际支出 16.00 万元　超支 1.00 万元",
                "预算 20.00 万元　实际支出 1.20 万元");
    }

    /** The sample with a RED project that has spent nothing this year: its actual curve is 0 throughout. */
    private static ReportFixtures withANoSpendingProject() {
        return ReportFixtures.sample()
                .project("472001", "沧州临港经济技术开发区生物医药招商局本级", "13091626P00017610004U", "综合事务管理", "5.00");
    }

    @Test
    void everyCurveChartsValueAxisStartsJustBelowZeroSoThatALineAtZeroIsSeenAboveTheAxis() throws Exception {
        List<JFreeChart> charts = charts("zh", withANoSpendingProject(), XYPlot.class);
        assertThat(charts).hasSizeGreaterThanOrEqualTo(4);
        for (JFreeChart chart : charts) {
            ValueAxis axis = chart.getXYPlot().getRangeAxis();
            double span = axis.getUpperBound() - axis.getLowerBound();
            // Below 0 by a sliver of the axis, far less than a tick step: no negative amount is labelled.
            assertThat(axis.getLowerBound()).isNegative().isGreaterThanOrEqualTo(-0.06 * span);
            assertThat(ticks(chart, axis, chart.getXYPlot().getRangeAxisEdge()))
                    .allSatisfy(t -> assertThat(((NumberTick) t).getValue()).isGreaterThanOrEqualTo(0));
        }
    }

    @Test
    void aProjectWithoutSpendingSaysSoInWordsAboveItsChartAndOnlyThatProject(@TempDir Path dir) throws Exception {
        RenderedReport zh = RenderedReport.render(withANoSpendingProject(), "zh", Files.createDirectories(dir.resolve("zh")));
        RenderedReport en = RenderedReport.render(withANoSpendingProject(), "en", Files.createDirectories(dir.resolve("en")));

        assertThat(zh.text()).contains("预算 5.00 万元　实际支出 0.00 万元　实际累计 0.00 万元：本年尚无支出");
        assertThat(zh.occurrences("本年尚无支出")).isEqualTo(1);
        assertThat(en.text().replace("\n", " ")).contains("Budget 5.00; actual 0.00 (10k CNY); actual cumulative 0.00"
                + " (10k CNY): no spending this year yet");
        assertThat(en.occurrences("no spending this year yet")).isEqualTo(1);
    }

    /** The text of each cumulative-curve chart (recognised by its legend), in drawing order. */
    private static List<List<String>> curveChartTexts(String language, ReportFixtures fixtures) throws Exception {
        ReportText text = ReportText.forLanguage(language);
        List<List<String>> charts = new ArrayList<>();
        for (JFreeChart chart : charts(language, fixtures, XYPlot.class)) {
            List<String> texts = svgTexts(chart);
            assertThat(texts).contains(text.get("chart.curve.actual"));
            charts.add(texts);
        }
        return charts;
    }

    /** The JFreeCharts of the filled report (all, or those whose plot is of the given kind), in page order. */
    private static List<JFreeChart> charts(String language, ReportFixtures fixtures, Class<?> plotKind)
            throws JRException, ReflectiveOperationException {
        ReportText text = ReportText.forLanguage(language);
        VarianceReport report = fixtures.reports(text).get(0);
        JasperPrint print = new ReportRenderer(TEMPLATES).fill(report, text, null);
        List<JFreeChart> charts = new ArrayList<>();
        for (JRPrintPage page : print.getPages()) {
            for (JRPrintImage image : images(page.getElements())) {
                // The chart the image draws (the renderer keeps it to draw it at export).
                Field field = image.getRenderer().getClass().getDeclaredField("chart");
                field.setAccessible(true);
                JFreeChart chart = (JFreeChart) field.get(image.getRenderer());
                if (plotKind == null || plotKind.isInstance(chart.getPlot())) {
                    charts.add(chart);
                }
            }
        }
        return charts;
    }

    /** The axis's ticks as the chart draws them at the size it has in the report. */
    private static List<?> ticks(JFreeChart chart, ValueAxis axis, RectangleEdge edge) {
        BufferedImage image = new BufferedImage(802, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle2D.Double(0, 0, 802, 300), info);
        List<?> ticks = axis.refreshTicks(g2, new AxisState(), info.getPlotInfo().getDataArea(), edge);
        g2.dispose();
        return ticks;
    }

    private static List<JRPrintImage> images(List<JRPrintElement> elements) {
        List<JRPrintImage> images = new ArrayList<>();
        for (JRPrintElement element : elements) {
            if (element instanceof JRPrintImage image && image.getRenderer() instanceof Graphics2DRenderable) {
                images.add(image);
            } else if (element instanceof JRPrintFrame frame) {
                images.addAll(images(frame.getElements()));
            }
        }
        return images;
    }

    private static List<String> svgTexts(JFreeChart chart) {
        Document doc = GenericDOMImplementation.getDOMImplementation()
                .createDocument("http://www.w3.org/2000/svg", "svg", null);
        SVGGraphics2D canvas = new SVGGraphics2D(doc);
        chart.draw(canvas, new Rectangle2D.Double(0, 0, 802, 300));
        StringWriter svg = new StringWriter();
        try {
            canvas.stream(svg, true);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> texts = new ArrayList<>();
        Matcher m = TEXT.matcher(svg.toString());
        while (m.find()) {
            texts.add(m.group(1).strip());
        }
        return texts;
    }
}
