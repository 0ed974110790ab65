package org.budgetmonitor.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Everything one report file shows, already in the report's language and rounding. The combined
 * report has {@code unitCode == null}.
 *
 * @param curves the RED and YELLOW projects' charts, at most {@link VarianceReportAssembler#MAX_CURVES}
 * @param curveCandidates how many RED and YELLOW projects there were (a note says when not all are drawn)
 * @param rates bars of the execution-rate chart
 * @param rateCandidates how many projects could have had a bar
 * @param unplannedElsewhere a unit's report: unplanned codes exist but belong to no unit
 */
public record VarianceReport(
        String unitCode,
        String unitTitle,
        boolean multiUnit,
        LocalDate asOf,
        LocalDate cutOff,
        LocalDateTime generatedAt,
        String reportId,
        ReportSummary summary,
        List<ReportRow> rows,
        List<ProjectCurve> curves,
        int curveCandidates,
        List<RatePoint> rates,
        int rateCandidates,
        List<Unplanned> unplanned,
        boolean unplannedElsewhere,
        int rejectedRows,
        String rejectFile) {

    public VarianceReport {
        rows = List.copyOf(rows);
        curves = List.copyOf(curves);
        rates = List.copyOf(rates);
        unplanned = List.copyOf(unplanned);
    }

    public int fiscalYear() {
        return asOf.getYear();
    }

    public boolean combined() {
        return unitCode == null;
    }
}
