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
     * The actual cumulative spending drawn as steps (it only changes on payment days), from the start
     * of the year to the as-of date.
     *
     * @param daily net 元 per payment day, days of the fiscal year up to the as-of date
     */
    static List<CurvePoint> actual(Map<LocalDate, BigDecimal> daily, int fiscalYear, LocalDate asOf, String series) {
        List<CurvePoint> points = new ArrayList<>();
        LocalDate start = LocalDate.of(fiscalYear - 1, 12, 31);
        BigDecimal running = BigDecimal.ZERO;
        points.add(new CurvePoint(series, start, BigDecimal.ZERO));
        for (var day : new java.util.TreeMap<>(daily).entrySet()) {
            if (day.getKey().isAfter(asOf) || !day.getKey().isAfter(start)) {
                continue;
            }
            BigDecimal before = running;
            running = running.add(day.getValue());
            LocalDate eve = day.getKey().minusDays(1);
            if (eve.isAfter(points.get(points.size() - 1).day())) {
                points.add(new CurvePoint(series, eve, Money.ofYuan(before).wanForDisplay()));
            }
            points.add(new CurvePoint(series, day.getKey(), Money.ofYuan(running).wanForDisplay()));
        }
        if (asOf.isAfter(points.get(points.size() - 1).day())) {
            points.add(new CurvePoint(series, asOf, Money.ofYuan(running).wanForDisplay()));
        }
        return points;
    }
}
