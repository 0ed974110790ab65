package org.budgetmonitor.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.budgetmonitor.variance.DataCutOff;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.VarianceThresholds;

/**
 * Everything one report file shows, already in the report's language and rounding. The combined
 * report has {@code unitCode == null}.
 *
 * @param cutOff the latest payment dated on or before the as-of date, null when there is none: how far the
 *        payment exports reach, the same for every unit
 * @param ownCutOff the latest payment of the report's own projects (a unit's report of several); in the
 *        combined report the same as {@code cutOff}
 * @param staleDays {@code monitor.report.stale-days}: see {@link DataCutOff}
 * @param thresholds the flag rules in force, for the legend
 * @param curves the RED and YELLOW projects' charts, at most {@link VarianceReportAssembler#MAX_CURVES}
 * @param curveCandidates how many RED and YELLOW projects there were (a note says when not all are drawn)
 * @param rates bars of the execution-rate chart
 * @param rateCandidates how many projects could have had a bar
 * @param unplannedElsewhere a unit's report: unplanned codes exist but belong to no unit
 * @param rejectedRows the rejected lines the report lists: all of them, or in a unit's report those naming
 *        one of its projects
 * @param unplacedRejectedRows a unit's report: rejected lines no unit can be told of (no known project code,
 *        a file rejected whole); 0 in the combined report
 * @param rows every project, in plan order (the XLSX always holds them all)
 * @param units the combined report of many projects: one line per unit, and the PDF's table lists only
 *        the RED and YELLOW projects ({@link #printedRows}); empty otherwise
 * @param adjustments the changes of the plan of the report's projects in force on the as-of date (预算调整)
 */
public record VarianceReport(
        String unitCode,
        String unitTitle,
        boolean multiUnit,
        LocalDate asOf,
        LocalDate cutOff,
        LocalDate ownCutOff,
        int staleDays,
        LocalDateTime generatedAt,
        String reportId,
        VarianceThresholds thresholds,
        ReportSummary summary,
        List<ReportRow> rows,
        List<ProjectCurve> curves,
        int curveCandidates,
        List<RatePoint> rates,
        int rateCandidates,
        List<Unplanned> unplanned,
        boolean unplannedElsewhere,
        int rejectedRows,
        int unplacedRejectedRows,
        String rejectFile,
        List<UnitLine> units,
        List<PlanAdjustmentLine> adjustments) {

    public VarianceReport {
        rows = List.copyOf(rows);
        curves = List.copyOf(curves);
        rates = List.copyOf(rates);
        unplanned = List.copyOf(unplanned);
        units = List.copyOf(units);
        adjustments = List.copyOf(adjustments);
    }

    /** A project's budget in force differs from its original one: the budget column is 调整后预算. */
    public boolean anyAdjusted() {
        return rows.stream().anyMatch(ReportRow::adjusted);
    }

    /** The overview of many units: unit lines and flagged projects in the PDF instead of every project. */
    public boolean overview() {
        return !units.isEmpty();
    }

    /**
     * The PDF's table: every project, or in an overview the RED then the YELLOW projects (plan order
     * within each), numbered afresh.
     */
    public List<ReportRow> printedRows() {
        if (!overview()) {
            return rows;
        }
        List<ReportRow> flagged = new java.util.ArrayList<>();
        for (Flag flag : List.of(Flag.RED, Flag.YELLOW)) {
            for (ReportRow row : rows) {
                if (row.flag() == flag) {
                    flagged.add(row.renumbered(flagged.size() + 1));
                }
            }
        }
        return flagged;
    }

    /**
     * How recent the report's figures are, as its data line says it: in a unit's report of several, by the
     * unit's own latest payment (exports that reach yesterday say nothing of a unit none of whose payments
     * came for weeks), in the combined report by the latest of all.
     */
    public DataCutOff dataCutOff() {
        return new DataCutOff(asOf, ownCutOff, staleDays);
    }

    /** How far the payment exports reach: the latest payment of all units. */
    public DataCutOff exportsCutOff() {
        return new DataCutOff(asOf, cutOff, staleDays);
    }

    /** A unit's report of several, which states its own latest payment beside the exports' cut-off. */
    public boolean ownCutOffApart() {
        return !combined();
    }

    public int fiscalYear() {
        return asOf.getYear();
    }

    public boolean combined() {
        return unitCode == null;
    }
}
