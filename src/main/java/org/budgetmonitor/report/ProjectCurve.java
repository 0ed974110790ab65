package org.budgetmonitor.report;

import java.math.BigDecimal;
import java.util.List;

import org.budgetmonitor.variance.Flag;

/**
 * A RED or YELLOW project's chart: its planned and actual cumulative curves, and the figures its
 * lines and heading show (万元, 2 dp as printed).
 *
 * @param overBudgetWan actual minus budget when the project is over budget, else null
 * @param figures the heading's words: budget, actual and the amount over, e.g. "预算 15.00 万元 … 超支 1.00 万元"
 */
public record ProjectCurve(String code, String name, Flag flag, String flagText, BigDecimal budgetWan,
        BigDecimal actualWan, BigDecimal overBudgetWan, String figures, List<CurvePoint> points) {

    public ProjectCurve {
        points = List.copyOf(points);
    }
}
