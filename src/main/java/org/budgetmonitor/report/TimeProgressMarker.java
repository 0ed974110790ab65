package org.budgetmonitor.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.util.Locale;

import net.sf.jasperreports.charts.JRAbstractChartCustomizer;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.engine.JRParameter;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;

/**
 * Draws the time progress (the same for every project) as one line across the execution-rate
 * bars, labelled, and prints each bar's rate at its end: the officer sees at a glance which
 * projects are behind the calendar. Tick labels are whole percents at whole-percent ticks. Named by {@code customizerClass} in quarterly-report.jrxml;
 * reads the {@code TIME_PROGRESS} and {@code TIME_PROGRESS_LABEL} parameters.
 */
public class TimeProgressMarker extends JRAbstractChartCustomizer {

    static final String TIME_PROGRESS = "TIME_PROGRESS";
    static final String LABEL = "TIME_PROGRESS_LABEL";

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        if (!(chart.getPlot() instanceof CategoryPlot plot)) {
            return;
        }
        // The axis font is the report font as JasperReports loaded it (from the TTF): a Font built here
        // by family name would not find it, and the Chinese label would print as boxes.
        Font reportFont = plot.getRangeAxis().getTickLabelFont();
        if (plot.getRenderer() instanceof BarRenderer bars) {
            bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}%",
                    new java.text.DecimalFormat("0.00")));
            bars.setDefaultItemLabelsVisible(true);
            bars.setDefaultItemLabelFont(reportFont.deriveFont(Font.PLAIN, 7.5f));
            bars.setShadowVisible(false);
            bars.setMaximumBarWidth(0.08);
        }
        if (plot.getRangeAxis() instanceof NumberAxis axis) {
            // Whole-percent ticks: the template's "0" mask labelled JFreeChart's 2.5 steps as "38" for 37.5.
            Object locale = getParameterValue(JRParameter.REPORT_LOCALE);
            ChartMarks.exactTicks(axis, 0, locale instanceof Locale l ? l : Locale.ROOT);
        }
        plot.getRangeAxis().setUpperBound(Math.max(110, plot.getRangeAxis().getUpperBound()));
        plot.getRangeAxis().setLowerBound(0);
        Object value = getParameterValue(TIME_PROGRESS);
        if (value instanceof BigDecimal pct) {
            // A chart coordinate is a double: the last step, after all the arithmetic in BigDecimal.
            ValueMarker marker = new ValueMarker(pct.doubleValue(), new Color(0xE6, 0x51, 0x00),
                    new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
            Object label = getParameterValue(LABEL);
            if (label != null) {
                marker.setLabel(label.toString());
                marker.setLabelFont(reportFont.deriveFont(Font.BOLD, 8f));
                marker.setLabelPaint(new Color(0xBF, 0x36, 0x0C));
                marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            }
            plot.addRangeMarker(marker, org.jfree.chart.ui.Layer.FOREGROUND);
        }
    }
}
