package org.budgetmonitor.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TimeZone;

import net.sf.jasperreports.charts.JRAbstractChartCustomizer;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.engine.JRParameter;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTick;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.time.TimePeriodAnchor;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * A project chart's axes and lines. The date axis has a tick at the end of every month of the fiscal
 * year, labelled as a month end in the report's language ("3月底", "31 Mar"), and stops at 31
 * December; each point stands at its own day, so the 3月底 checkpoint is on the 3月底 tick. (Ticks on
 * the first of each month put the month-end figures at the next month's label.) The value axis ticks
 * print their true values and start a little below 0, so that an actual curve at 0 is seen; a line
 * marks the budget and, for a project over budget, another the actual spending with the amount over.
 *
 * <p>Named by {@code customizerClass} in variance-curves.jrxml; reads the subreport's
 * {@code FISCAL_YEAR}, {@code REPORT_LOCALE}, the bundle's {@code chart.axis.monthEnd} date pattern
 * and the current curve's {@code budgetWan}, {@code actualWan} and {@code overBudgetWan}.
 */
public class FiscalYearAxisCustomizer extends JRAbstractChartCustomizer {

    static final String FISCAL_YEAR = "FISCAL_YEAR";
    static final String MONTH_END_PATTERN_KEY = "chart.axis.monthEnd";
    static final String YEAR_START_KEY = "chart.axis.yearStart";
    private static final Color BUDGET = new Color(0x2E, 0x7D, 0x32);
    private static final Color OVER = new Color(0xC6, 0x28, 0x28);

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        if (!(chart.getPlot() instanceof XYPlot plot) || !(plot.getDomainAxis() instanceof DateAxis axis)) {
            return;
        }
        Integer year = (Integer) getParameterValue(FISCAL_YEAR);
        Locale locale = (Locale) getParameterValue(JRParameter.REPORT_LOCALE);
        ResourceBundle bundle = (ResourceBundle) getParameterValue(JRParameter.REPORT_RESOURCE_BUNDLE);
        if (year == null || locale == null || bundle == null) {
            return; // the chart stays readable with JFreeChart's own axis
        }
        if (plot.getDataset() instanceof TimeSeriesCollection series) {
            // A day's point at the start of that day, where its month-end tick is.
            series.setXPosition(TimePeriodAnchor.START);
        }
        plot.setDomainAxis(monthEndAxis(axis, year, locale, bundle.getString(MONTH_END_PATTERN_KEY),
                bundle.getString(YEAR_START_KEY)));
        if (plot.getRangeAxis() instanceof NumberAxis wan) {
            ChartMarks.exactTicks(wan, 2, locale);
            lines(plot, wan, (BigDecimal) getFieldValue("budgetWan"), (BigDecimal) getFieldValue("actualWan"),
                    (BigDecimal) getFieldValue("overBudgetWan"), locale, bundle);
        }
    }

    /**
     * The budget as a line, and when spending is above it, the actual as a second line labelled with
     * the amount over; the value axis reaches above both.
     */
    static void lines(XYPlot plot, NumberAxis axis, BigDecimal budget, BigDecimal actual, BigDecimal over,
            Locale locale, ResourceBundle bundle) {
        if (budget == null) {
            return;
        }
        Font font = axis.getTickLabelFont().deriveFont(Font.BOLD, 7.5f);
        // A chart coordinate is a double: the last step, after the figures were rounded in BigDecimal.
        plot.addRangeMarker(ChartMarks.line(budget.doubleValue(), BUDGET, false,
                format(bundle, locale, "chart.curve.budgetLine", budget), font, RectangleAnchor.BOTTOM_LEFT,
                TextAnchor.TOP_LEFT), org.jfree.chart.ui.Layer.FOREGROUND); // below the line, left: the plan starts low
        double top = budget.doubleValue();
        if (over != null && actual != null) {
            plot.addRangeMarker(ChartMarks.line(actual.doubleValue(), OVER, true,
                    format(bundle, locale, "chart.curve.overLine", actual, over), font, RectangleAnchor.TOP_RIGHT,
                    TextAnchor.BOTTOM_RIGHT), org.jfree.chart.ui.Layer.FOREGROUND);
            top = Math.max(top, actual.doubleValue());
        }
        Range data = DatasetUtils.findRangeBounds(plot.getDataset());
        double low = data == null ? 0 : Math.min(0, data.getLowerBound());
        double high = Math.max(top, data == null ? 0 : data.getUpperBound());
        double span = high <= low ? 1 : high - low;
        // A little below 0: a curve at 0 (no spending yet, the months before the first payment) is drawn
        // above the axis line instead of inside it. A sliver of the axis, less than any tick step the
        // chart's height allows, so no negative amount is labelled.
        axis.setRange(low - span * BELOW_ZERO, low + span * 1.14);
    }

    /** How far below 0 the value axis starts, as a share of the figures' span. */
    static final double BELOW_ZERO = 0.04;

    private static String format(ResourceBundle bundle, Locale locale, String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /**
     * From 31 Dec of the previous year (where both curves start at zero, labelled as the year's
     * start) to the end of 31 Dec, a tick at the start of each month's last day.
     */
    static DateAxis monthEndAxis(DateAxis template, int fiscalYear, Locale locale, String monthEndPattern,
            String yearStart) {
        TimeZone zone = TimeZone.getDefault(); // the zone the Day periods of the dataset were built in
        ZoneId zoneId = zone.toZoneId();
        SimpleDateFormat format = new SimpleDateFormat(monthEndPattern, locale);
        format.setTimeZone(zone);
        List<DateTick> ticks = new ArrayList<>();
        Date lower = start(LocalDate.of(fiscalYear - 1, 12, 31), zoneId);
        ticks.add(tick(lower, yearStart));
        for (int month = 1; month <= 12; month++) {
            Date end = start(YearMonth.of(fiscalYear, month).atEndOfMonth(), zoneId);
            ticks.add(tick(end, format.format(end)));
        }
        MonthEndAxis axis = new MonthEndAxis(template.getLabel(), ticks);
        axis.setTimeZone(zone);
        axis.setLocale(locale);
        axis.setLabelFont(template.getLabelFont());
        axis.setLabelPaint(template.getLabelPaint());
        axis.setTickLabelFont(template.getTickLabelFont());
        axis.setTickLabelPaint(template.getTickLabelPaint());
        axis.setAxisLinePaint(template.getAxisLinePaint());
        axis.setTickMarkPaint(template.getTickMarkPaint());
        // Just short of 1 January: the 12月底 point (start of 31 Dec) is inside, no 1 January is.
        axis.setRange(lower, new Date(start(LocalDate.of(fiscalYear + 1, 1, 1), zoneId).getTime() - 1));
        return axis;
    }

    private static Date start(LocalDate day, ZoneId zone) {
        return Date.from(day.atStartOfDay(zone).toInstant());
    }

    private static DateTick tick(Date date, String label) {
        return new DateTick(date, label, TextAnchor.TOP_CENTER, TextAnchor.TOP_CENTER, 0.0);
    }

    /** A date axis with a fixed set of ticks: month ends are not a regular step JFreeChart can count in. */
    static final class MonthEndAxis extends DateAxis {

        private static final long serialVersionUID = 1L;
        private final List<DateTick> ticks;

        MonthEndAxis(String label, List<DateTick> ticks) {
            super(label);
            this.ticks = List.copyOf(ticks);
        }

        List<DateTick> ticks() {
            return ticks;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            return new ArrayList<>(ticks);
        }
    }
}
