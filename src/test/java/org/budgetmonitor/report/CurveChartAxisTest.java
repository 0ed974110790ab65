package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The project charts' date axis, read from the filled report: each chart is drawn into an SVG
 * canvas that keeps text as text (the PDF draws chart text as outlines, which PDFBox cannot read).
 */
class CurveChartAxisTest {

    private static final JasperTemplates TEMPLATES = new JasperTemplates();
    private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text\\s*>");

    @Test
    void chineseChartsLabelTheTwelveMonthsInChineseAndStopAtTheEndOfTheFiscalYear() throws Exception {
        List<List<String>> charts = curveChartTexts("zh");
        assertThat(charts).hasSize(3); // two RED, one YELLOW in the sample
        for (List<String> texts : charts) {
            assertThat(texts).containsSubsequence("1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月",
                    "11月", "12月");
            assertThat(texts).noneMatch(t -> t.contains("2027") || t.contains("Jan") || t.contains("13月"));
            assertThat(texts).filteredOn(t -> t.equals("1月")).hasSize(1); // no second January at the right end
        }
    }

    @Test
    void englishChartsLabelTheMonthsInEnglishWithoutAYearTickBeyondDecember() throws Exception {
        List<List<String>> charts = curveChartTexts("en");
        assertThat(charts).hasSize(3);
        for (List<String> texts : charts) {
            assertThat(texts).containsSubsequence("Jan", "Feb", "Jun", "Jul", "Dec");
            assertThat(texts).noneMatch(t -> t.contains("2027") || t.contains("月"));
            assertThat(texts).filteredOn(t -> t.equals("Jan")).hasSize(1);
        }
    }

    /** The text of each cumulative-curve chart (recognised by its legend), in drawing order. */
    private static List<List<String>> curveChartTexts(String language) throws JRException, IOException {
        ReportText text = ReportText.forLanguage(language);
        VarianceReport report = ReportFixtures.sample().reports(text).get(0);
        JasperPrint print = new ReportRenderer(TEMPLATES).fill(report, text, null);
        List<List<String>> charts = new ArrayList<>();
        for (JRPrintPage page : print.getPages()) {
            for (JRPrintImage image : images(page.getElements())) {
                List<String> texts = svgTexts(image);
                if (texts.contains(text.get("chart.curve.actual"))) {
                    charts.add(texts);
                }
            }
        }
        return charts;
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

    private static List<String> svgTexts(JRPrintImage image) throws JRException, IOException {
        Document doc = GenericDOMImplementation.getDOMImplementation()
                .createDocument("http://www.w3.org/2000/svg", "svg", null);
        SVGGraphics2D canvas = new SVGGraphics2D(doc);
        ((Graphics2DRenderable) image.getRenderer()).render(TEMPLATES.context(), canvas,
                new Rectangle2D.Double(0, 0, image.getWidth(), image.getHeight()));
        StringWriter svg = new StringWriter();
        canvas.stream(svg, true);
        List<String> texts = new ArrayList<>();
        Matcher m = TEXT.matcher(svg.toString());
        while (m.find()) {
            texts.add(m.group(1).strip());
        }
        return texts;
    }
}
