package org.budgetmonitor.report;

import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import java.util.ResourceBundle;

import net.sf.jasperreports.charts.JRAbstractChartCustomizer;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.engine.JRParameter;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;

/**
 * The nightly report's execution-rate bars: tick labels that are the ticks' values (whole percents),
 * the 100 % line (the whole budget spent), and each bar's rate printed at its end so that a project
 * at 0 % shows "0.00%" instead of nothing. Named by {@code customizerClass} in variance-report.jrxml.
 */
public class RateChartCustomizer extends JRAbstractChartCustomizer {

    static final String FULL_LABEL_KEY = "chart.rates.full";
    private static final Color FULL = new Color(0x37, 0x47, 0x4F);

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        if (!(chart.getPlot() instanceof CategoryPlot plot) || !(plot.getRangeAxis() instanceof NumberAxis axis)) {
            return;
        }
        Locale locale = (Locale) getParameterValue(JRParameter.REPORT_LOCALE);
        ResourceBundle bundle = (ResourceBundle) getParameterValue(JRParameter.REPORT_RESOURCE_BUNDLE);
        customize(plot, axis, locale == null ? Locale.ROOT : locale,
                bundle == null ? "100%" : bundle.getString(FULL_LABEL_KEY));
    }

    static void customize(CategoryPlot plot, NumberAxis axis, Locale locale, String fullLabel) {
        // The axis font is the report font as JasperReports loaded it (from the TTF): a Font built here
        // by family name would not find it, and Chinese text would print as boxes.
        Font font = axis.getTickLabelFont();
        if (plot.getRenderer() instanceof BarRenderer bars) {
            ChartMarks.barValues(bars, font.deriveFont(Font.PLAIN, 7f));
            bars.setMaximumBarWidth(0.08);
        }
        ChartMarks.exactTicks(axis, 0, locale);
        Range values = DatasetUtils.findRangeBounds(plot.getDataset());
        double low = values == null ? 0 : Math.min(0, values.getLowerBound());
        double high = values == null ? 0 : values.getUpperBound();
        // Room beyond the longest bar for its label, and the 100 % line always inside the plot.
        double span = Math.max(110, high) - low;
        axis.setRange(low < 0 ? low - span * 0.1 : 0, Math.max(110, high + span * 0.1));
        ChartMarks.addRangeLine(plot, ChartMarks.line(100, FULL, false, fullLabel, font.deriveFont(Font.BOLD, 7.5f),
                RectangleAnchor.TOP_LEFT, TextAnchor.TOP_RIGHT)); // left of the line: inside the plot
    }
}
