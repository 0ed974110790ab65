package org.budgetmonitor.report;

import java.util.List;

import org.budgetmonitor.variance.Flag;

/** A RED or YELLOW project's chart: its planned and actual cumulative curves. */
public record ProjectCurve(String code, String name, Flag flag, String flagText, List<CurvePoint> points) {

    public ProjectCurve {
        points = List.copyOf(points);
    }
}
