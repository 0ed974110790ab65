package org.budgetmonitor.report;

import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.sf.jasperreports.engine.JRDataSource;

import org.budgetmonitor.plan.PlanChange;

/**
 * The 预算调整 section every document carries when the year's plan changed by its date: the lines of
 * the changes in force (adjustments.csv lines and plan-file revisions), and the parameters the nightly
 * and the quarterly PDF pass to the one shared subreport ({@code report-templates/plan-adjustments.jrxml}).
 */
public final class PlanAdjustments {

    public static final String TEMPLATE = "plan-adjustments";

    private PlanAdjustments() {
    }

    /** The changes of the projects a document covers, in the order they took effect, worded for it. */
    public static List<PlanAdjustmentLine> lines(List<PlanChange> changes, Set<String> projectCodes, ReportText text) {
        return changes.stream().filter(c -> projectCodes.contains(c.projectCode()))
                .map(c -> new PlanAdjustmentLine(c.effectiveDate(), c.projectCode(), c.projectName(),
                        c.change().wanForDisplay(), c.budgetBefore().wanForDisplay(), c.budgetAfter().wanForDisplay(),
                        c.documentNo(), c.planFile() ? text.format("adj.planFile", c.documentNo()) : c.reason()))
                .toList();
    }

    /**
     * What the PDF templates read: whether the budget column is the adjusted one (its heading says
     * 调整后预算 then), and the section's lines, title and subreport.
     *
     * @param adjusted a project of the document has a budget in force other than its original one
     */
    static Map<String, Object> parameters(List<PlanAdjustmentLine> lines, boolean adjusted, java.time.LocalDate asOf,
            ReportText text, JasperTemplates templates) {
        Map<String, Object> p = new HashMap<>();
        p.put("ADJUSTED", adjusted || !lines.isEmpty());
        p.put("HAS_ADJUSTMENTS", !lines.isEmpty());
        p.put("ADJUSTMENTS_TITLE", text.format("adj.title", asOf.toString(), lines.size()));
        p.put("ADJUSTMENTS", source(lines));
        p.put("ADJUSTMENTS_REPORT", templates.get(TEMPLATE));
        return p;
    }

    static JRDataSource source(List<PlanAdjustmentLine> lines) {
        return new RecordDataSource<>(lines, (l, field) -> switch (field) {
            case "date" -> Date.valueOf(l.date());
            case "code" -> l.code();
            case "name" -> l.name();
            case "changeWan" -> l.changeWan();
            case "signedChange" -> l.signedChange();
            case "budgetBeforeWan" -> l.budgetBeforeWan();
            case "budgetAfterWan" -> l.budgetAfterWan();
            case "documentNo" -> l.documentNo();
            case "reason" -> l.reason();
            default -> throw RecordDataSource.unknown(field);
        });
    }
}
