package org.budgetmonitor.plan;

import java.time.LocalDate;

import org.budgetmonitor.money.Money;

/**
 * A change of one project's budget or plan that took effect on a date: an adjustment line, or a
 * difference of a new plan file version. What the summary and the documents list.
 *
 * @param documentNo 文号 of an adjustment; the file or document a plan version came from
 * @param planScaled the checkpoints after the date were scaled in proportion to the new budget
 * @param revisionId the stored revision it belongs to (see {@link PlanTimeline})
 * @param planFile a difference of a plan-file version (projects.csv, import-plan), not an adjustments.csv line:
 *        its reason is this program's words, which the documents say in their own language
 */
public record PlanChange(LocalDate effectiveDate, String projectCode, String projectName, Money budgetBefore,
        Money budgetAfter, String documentNo, String reason, boolean planScaled, long revisionId, boolean planFile) {

    public Money change() {
        return budgetAfter.minus(budgetBefore);
    }

    /** One line of the run summary: date, project, change and document. */
    public String summaryLine() {
        String signed = (change().yuan().signum() >= 0 ? "+" : "") + change().wanForDisplay().toPlainString();
        return effectiveDate + " " + projectCode + " " + projectName + " " + signed + " 万元 ("
                + budgetBefore.wanForDisplay().toPlainString() + " → " + budgetAfter.wanForDisplay().toPlainString()
                + ") " + documentNo + " " + reason
                + (planScaled ? "; checkpoints after " + effectiveDate + " scaled in proportion to the new budget" : "");
    }
}
