package org.budgetmonitor.report;

import java.util.List;

import org.budgetmonitor.variance.DataCutOff;
import org.budgetmonitor.variance.VarianceThresholds;

/**
 * The sentences of a variance report that are assembled from its figures (page 1, the notes after the
 * table), in the report's language. The PDF and the XLSX take them from the renderer's parameters,
 * so both say the same.
 */
public final class VarianceReportLines {

    private VarianceReportLines() {
    }

    /** As-of date, data cut-off with its distance, fiscal year, generation time. */
    static String meta(VarianceReport report, ReportText text, String generated) {
        return text.format("header.meta", report.asOf().toString(), cutOff(report, text),
                String.valueOf(report.fiscalYear()), generated);
    }

    /** A unit's report of several adds its own latest payment to the exports' cut-off. */
    private static String cutOff(VarianceReport report, ReportText text) {
        DataCutOff exports = report.exportsCutOff();
        DataCutOff own = report.dataCutOff();
        if (!report.ownCutOffApart() || !exports.hasPayments()) {
            return cutOff(exports, text);
        }
        return own.hasPayments()
                ? text.format("data.cutoffUnit", exports.latestPayment().toString(), exports.daysBefore(),
                        own.latestPayment().toString(), own.daysBefore())
                : text.format("data.cutoffUnitNone", exports.latestPayment().toString(), exports.daysBefore());
    }

    /** "数据截止 2026-11-20，距截至日期 41 天", or that there is no payment yet. */
    static String cutOff(DataCutOff data, ReportText text) {
        return data.hasPayments() ? text.format("data.cutoff", data.latestPayment().toString(), data.daysBefore())
                : text.get("header.noCutoff");
    }

    /**
     * Page 1's line on the data: said plainly when the latest payment is older than the stale limit
     * (or there is none), otherwise the cut-off within the limit.
     */
    public static String dataWarning(VarianceReport report, ReportText text) {
        DataCutOff exports = report.exportsCutOff();
        DataCutOff own = report.dataCutOff();
        if (!report.ownCutOffApart() || !exports.hasPayments()) {
            return dataLine(own, text);
        }
        String reach = exports.latestPayment().toString();
        if (!own.stale()) {
            return text.format("data.unitFresh", own.latestPayment().toString(), own.daysBefore(), own.staleDays(), reach);
        }
        return own.hasPayments()
                ? text.format("data.unitStale", own.daysBefore(), own.staleDays(), reach, exports.daysBefore())
                : text.format("data.unitStaleNone", reach);
    }

    /** The data line of any document: the cut-off and its distance, or plainly that figures may be incomplete. */
    public static String dataLine(DataCutOff data, ReportText text) {
        if (!data.stale()) {
            return text.format("data.fresh", data.latestPayment().toString(), data.daysBefore(), data.staleDays());
        }
        return data.hasPayments() ? text.format("data.stale", data.daysBefore(), data.staleDays())
                : text.get("data.staleNone");
    }

    /**
     * Projects per flag; the report of all units (or of a plan's only unit) adds the unplanned codes,
     * counted apart from the RED projects. A unit's report of several has none of its own to count.
     */
    static String counts(VarianceReport report, ReportText text) {
        ReportSummary s = report.summary();
        String counts = text.format("summary.counts", s.projects(), s.red(), s.yellow(), s.green());
        if (!report.combined()) {
            return counts;
        }
        return counts + (s.unplannedCodes() == 0 ? text.get("summary.unplannedNone")
                : text.format("summary.unplannedCount", s.unplannedCodes()));
    }

    static String totals(ReportSummary s, ReportText text) {
        String totals = text.format("summary.totals", s.budgetWan(), s.expectedWan(), s.actualWan(), s.balanceWan());
        return s.overBudgetProjects() == 0 ? totals
                : totals + text.format("summary.overBudget", s.overBudgetProjects(), s.overBudgetWan());
    }

    static String progress(ReportSummary s, ReportText text) {
        return text.format("summary.progress", s.executionRatePct(), s.timeProgressPct(), s.elapsedDays(),
                s.daysInYear(), s.timeProgressGapPp());
    }

    /** The flag rules with the thresholds of this run's configuration. */
    public static String legend(VarianceThresholds thresholds, ReportText text) {
        return text.format("legend.text", thresholds.redBehindPp(), thresholds.yellowBehindPp(),
                thresholds.yellowAheadPp());
    }

    static String unplanned(VarianceReport report, ReportText text) {
        if (!report.unplanned().isEmpty()) {
            List<String> items = report.unplanned().stream()
                    .map(u -> text.format("unplanned.item", u.code(), u.actualWan())).toList();
            return text.format("unplanned.line", String.join(text.get("summary.redSeparator"), items));
        }
        return report.unplannedElsewhere() ? text.get("unplanned.elsewhere") : text.get("unplanned.none");
    }

    /**
     * The rejected rows of the import. A unit's report of several counts the lines naming its projects
     * (its workbook lists them) and says that the rest, which cannot be placed, are with the finance department.
     */
    public static String rejects(VarianceReport report, ReportText text) {
        if (report.combined()) {
            return report.rejectedRows() == 0 ? text.get("rejects.none")
                    : text.format("rejects.some", report.rejectedRows(), report.rejectFile());
        }
        String own = report.rejectedRows() == 0 ? text.get("rejects.unitNone")
                : text.format("rejects.unitSome", report.rejectedRows());
        return report.unplacedRejectedRows() == 0 ? own
                : own + text.format("rejects.unitElsewhere", report.unplacedRejectedRows());
    }
}
