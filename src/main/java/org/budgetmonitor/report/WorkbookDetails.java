package org.budgetmonitor.report;

import java.util.List;
import java.util.Map;

import org.budgetmonitor.ingest.IngestLine;
import org.budgetmonitor.spending.FlaggedPaymentSource;
import org.budgetmonitor.variance.Reason;

/**
 * What the workbook shows beyond the printed report: each project's reasons (its own column), the
 * run's rejected lines and where the RED and YELLOW projects' payments are read from.
 *
 * @param payments null: the workbook says that no payment detail is available
 */
public record WorkbookDetails(Map<String, List<Reason>> reasons, List<IngestLine.Rejected> rejects,
        FlaggedPaymentSource payments) {

    public static final WorkbookDetails NONE = new WorkbookDetails(Map.of(), List.of(), null);

    public WorkbookDetails {
        reasons = Map.copyOf(reasons);
        rejects = List.copyOf(rejects);
    }

    WorkbookDetails withPayments(FlaggedPaymentSource source) {
        return new WorkbookDetails(reasons, rejects, source);
    }

    /**
     * A unit's workbook: the payments of its own flagged projects only (no unplanned code: it belongs
     * to no unit), and the rejected lines that name one of its projects; the others stay the combined
     * workbook's.
     */
    WorkbookDetails forUnit(String unitCode, java.util.Set<String> projectCodes) {
        return new WorkbookDetails(reasons,
                rejects.stream().filter(r -> r.projectCode() != null && projectCodes.contains(r.projectCode())).toList(),
                payments == null ? null : payments.ofUnit(unitCode));
    }

    /** The reasons in words ("进度滞后、未完成节点计划", "正常"), empty when not known. */
    String reasonsOf(String projectCode, ReportText text) {
        List<Reason> list = reasons.get(projectCode);
        return list == null ? "" : text.reasonWords(list);
    }
}
