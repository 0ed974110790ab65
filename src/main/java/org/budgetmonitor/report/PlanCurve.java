package org.budgetmonitor.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.plan.BudgetProject;
import org.budgetmonitor.plan.PlanCheckpoint;

/**
 * The two cumulative curves of a project's chart.
 *
 * <p>The planned curve is the polyline through (31 Dec of the previous year, 0) and each checkpoint:
 * the variance rules interpolate E(d) linearly by calendar days between exactly these points, so
 * drawing straight segments between them <em>is</em> the interpolated plan, and the chart cannot
 * disagree with the expected figure in the table.
 */
final class PlanCurve {

    private PlanCurve() {
    }

    static List<CurvePoint> planned(BudgetProject project, String series) {
        List<CurvePoint> points = new ArrayList<>();
        points.add(new CurvePoint(series, LocalDate.of(project.fiscalYear() - 1, 12, 31), BigDecimal.ZERO));
        for (PlanCheckpoint checkpoint : project.checkpoints()) {
            points.add(new CurvePoint(series, checkpoint.date(), checkpoint.cumulative().wanForDisplay()));
        }
        return points;
    }

    /**
     * The actual cumulative spending from the start of the year to the as-of date: a point at the end
     * of each period, joined by straight lines. The periods are months (and the days up to the as-of
     * date), as the monthly totals hold them: when within a month the money went is not known, so the
     * line does not pretend it went on the last day.
     *
     * @param periods net 元 paid in the period ending at each date, dates of the fiscal year
     */
    static List<CurvePoint> actual(Map<LocalDate, BigDecimal> periods, int fiscalYear, LocalDate asOf, String series) {
        List<CurvePoint> points = new ArrayList<>();
        LocalDate start = LocalDate.of(fiscalYear - 1, 12, 31);
        BigDecimal running = BigDecimal.ZERO;
        points.add(new CurvePoint(series, start, BigDecimal.ZERO));
        for (var period : new java.util.TreeMap<>(periods).entrySet()) {
            if (period.getKey().isAfter(asOf) || !period.getKey().isAfter(start)) {
                continue;
            }
            running = running.add(period.getValue());
            points.add(new CurvePoint(series, period.getKey(), Money.ofYuan(running).wanForDisplay()));
        }
        if (asOf.isAfter(points.get(points.size() - 1).day())) {
            points.add(new CurvePoint(series, asOf, Money.ofYuan(running).wanForDisplay()));
        }
        return points;
    }
}
