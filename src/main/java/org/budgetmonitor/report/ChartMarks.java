package org.budgetmonitor.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * What the report's charts share: value axes whose tick labels are the ticks' true values, labelled
 * lines across a plot (budget, 100 %, time progress) and bars that print their value.
 */
final class ChartMarks {

    private ChartMarks() {
    }

    /**
     * Lets the axis choose only tick sizes whose every multiple prints exactly with {@code decimals}
     * places (1, 2, 2.5 and 5 × 10^k, leaving out those finer than the format): JFreeChart's own
     * choice includes 2.5 with a format rounding to whole numbers, which labelled the tick at 37.5
     * "38". Replaces the template's tick-label mask.
     */
    static void exactTicks(NumberAxis axis, int decimals, Locale locale) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(locale));
        TickUnits units = new TickUnits();
        for (int power = -decimals; power <= 12; power++) {
            for (String mantissa : new String[] {"1", "2", "2.5", "5"}) {
                BigDecimal size = new BigDecimal(mantissa).scaleByPowerOfTen(power);
                if (size.stripTrailingZeros().scale() <= decimals) {
                    units.add(new NumberTickUnit(size.doubleValue(), format));
                }
            }
        }
        axis.setNumberFormatOverride(null);
        axis.setStandardTickUnits(units);
        axis.setAutoTickUnitSelection(true);
    }

    /**
     * A labelled line across the plot at {@code value} of the value axis; the label is placed at
     * {@code anchor} of the line, by its own {@code textAnchor}.
     */
    static ValueMarker line(double value, Color color, boolean dashed, String label, Font font, RectangleAnchor anchor,
            TextAnchor textAnchor) {
        BasicStroke stroke = dashed
                ? new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f)
                : new BasicStroke(1.4f);
        ValueMarker marker = new ValueMarker(value, color, stroke);
        if (label != null) {
            marker.setLabel(label);
            marker.setLabelFont(font);
            marker.setLabelPaint(color.darker());
            marker.setLabelAnchor(anchor);
            marker.setLabelTextAnchor(textAnchor);
            marker.setLabelOffset(new RectangleInsets(3, 4, 3, 4));
            // White behind the words, so that a grid line or the other curve does not run through them.
            marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        }
        return marker;
    }

    /** On a category plot, markers go along the value axis; on an XY plot, along the range axis. */
    static void addRangeLine(Plot plot, ValueMarker marker) {
        if (plot instanceof org.jfree.chart.plot.CategoryPlot category) {
            category.addRangeMarker(marker, Layer.FOREGROUND);
        } else if (plot instanceof org.jfree.chart.plot.XYPlot xy) {
            xy.addRangeMarker(marker, Layer.FOREGROUND);
        }
    }

    /**
     * Prints each bar's value with two decimals and a percent sign just beyond its end, so that a
     * bar of 0 % still shows "0.00%" where it would otherwise be invisible.
     */
    static void barValues(BarRenderer bars, Font font) {
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}%",
                new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(font);
        bars.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        bars.setDefaultNegativeItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
        bars.setItemLabelAnchorOffset(3);
        bars.setShadowVisible(false);
    }
}
