package org.budgetmonitor.report;

import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TimeZone;

import net.sf.jasperreports.charts.JRAbstractChartCustomizer;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.engine.JRParameter;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.plot.XYPlot;

/**
 * Gives a project chart's date axis one tick per month of the fiscal year, labelled in the report's
 * language, and stops it at 31 December. Left alone, JFreeChart picks English month names
 * ("Jan-2026") whatever the report language, and pads the range to a "Jan-2027" tick that suggests
 * the plan runs into the next year.
 *
 * <p>Named by {@code customizerClass} in variance-curves.jrxml; reads the subreport's
 * {@code FISCAL_YEAR}, {@code REPORT_LOCALE} and the bundle's {@code chart.axis.month} date pattern.
 */
public class FiscalYearAxisCustomizer extends JRAbstractChartCustomizer {

    static final String FISCAL_YEAR = "FISCAL_YEAR";
    static final String MONTH_PATTERN_KEY = "chart.axis.month";

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
        fitFiscalYear(axis, year, locale, bundle.getString(MONTH_PATTERN_KEY));
    }

    /**
     * From 31 Dec of the previous year (where both curves start at zero) to the end of 31 Dec, with a
     * tick on the first of every month. The upper bound stays just short of 1 January: JFreeChart
     * draws ticks only strictly before it, so there is no thirteenth label.
     */
    static void fitFiscalYear(DateAxis axis, int fiscalYear, Locale locale, String monthPattern) {
        TimeZone zone = TimeZone.getDefault(); // the zone the Day periods of the dataset were built in
        ZoneId zoneId = zone.toZoneId();
        Date lower = Date.from(LocalDate.of(fiscalYear - 1, 12, 31).atStartOfDay(zoneId).toInstant());
        Date upper = new Date(Date.from(LocalDate.of(fiscalYear + 1, 1, 1).atStartOfDay(zoneId).toInstant())
                .getTime() - 1);
        SimpleDateFormat format = new SimpleDateFormat(monthPattern, locale);
        format.setTimeZone(zone);
        axis.setTimeZone(zone);
        axis.setLocale(locale);
        axis.setRange(lower, upper);
        // After the zone and locale, which reinstate JFreeChart's standard units; this turns automatic choice off.
        axis.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, 1, format));
    }
}
