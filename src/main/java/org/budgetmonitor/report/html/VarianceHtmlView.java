package org.budgetmonitor.report.html;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.budgetmonitor.report.ReportRow;
import org.budgetmonitor.report.ReportText;
import org.budgetmonitor.report.UnitLine;
import org.budgetmonitor.report.Unplanned;
import org.budgetmonitor.report.VarianceReport;
import org.budgetmonitor.report.VarianceReportLines;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.FlagRun;
import org.budgetmonitor.variance.WorstFirst;

/**
 * What the variance page shows, in the order an officer reads it: the report model's rows sorted
 * into RED, YELLOW and GREEN. It only selects and words; every figure is the model's.
 */
public final class VarianceHtmlView {

    /**
     * Worst first within a flag: over budget (the larger overspend first), then the largest gap behind
     * plan; a project without a gap (cancelled) last. Stable, so ties keep the plan's order.
     */
    static final Comparator<ReportRow> WORST_FIRST = WorstFirst.by(ReportRow::overBudgetWan, ReportRow::gapPp);

    private final VarianceReport report;
    private final ReportText text;
    private final Map<String, FlagRun> since;

    VarianceHtmlView(VarianceReport report, ReportText text, Map<String, FlagRun> since) {
        this.report = report;
        this.text = text;
        this.since = since;
    }

    public VarianceReport report() {
        return report;
    }

    public String lang() {
        return HtmlReportWriter.htmlLang(text.locale());
    }

    /** The unit's code: the report's, or the one unit's of a single-unit plan; null for several units. */
    public String unitCode() {
        if (report.unitCode() != null) {
            return report.unitCode();
        }
        List<String> codes = report.rows().stream().map(ReportRow::unitCode).distinct().toList();
        return codes.size() == 1 ? codes.get(0) : null;
    }

    /**
     * The RED projects, worst first. The overview of many units lists none: 20,000 cards are no page to read on a
     * phone (nor a mail body); it lists the units, and the PDF, the XLSX and each unit's page the projects.
     */
    public List<ReportRow> red() {
        return report.overview() ? List.of() : worstFirst(Flag.RED);
    }

    public List<ReportRow> yellow() {
        return report.overview() ? List.of() : worstFirst(Flag.YELLOW);
    }

    public List<ReportRow> green() {
        return report.overview() ? List.of() : withFlag(Flag.GREEN);
    }

    public boolean anyRed() {
        return !report.overview() && report.summary().red() > 0;
    }

    public boolean anyYellow() {
        return !report.overview() && report.summary().yellow() > 0;
    }

    public boolean noneFlagged() {
        return report.summary().red() == 0 && report.summary().yellow() == 0;
    }

    public boolean greenListed() {
        return !report.overview() && report.summary().green() > 0;
    }

    /** The combined page of several units names each project's unit. */
    public boolean unitShown() {
        return report.multiUnit();
    }

    public List<UnitLine> units() {
        return report.units();
    }

    public boolean overview() {
        return report.overview();
    }

    public List<Unplanned> unplanned() {
        return report.unplanned();
    }

    public boolean anyUnplanned() {
        return !report.unplanned().isEmpty();
    }

    /**
     * The reasons in words, without the flag word the badge already shows: "进度滞后（节点计划未完成）",
     * and for a GREEN project that missed its checkpoint "（节点计划未完成）".
     */
    public String reasons(ReportRow row) {
        String flagWord = text.flag(row.flag());
        return row.flagText().startsWith(flagWord) ? row.flagText().substring(flagWord.length()).strip()
                : row.flagText();
    }

    /** Page 1's data line: the cut-off and its distance, or plainly that the figures may be incomplete. */
    public String dataWarning() {
        return VarianceReportLines.dataWarning(report, text);
    }

    /** The 预算调整 section's heading (the PDF's): the as-of date and how many changes it lists. */
    public String adjustmentsTitle() {
        return text.format("adj.title", report.asOf().toString(), report.adjustments().size());
    }

    public boolean stale() {
        return report.dataCutOff().stale();
    }

    private List<ReportRow> withFlag(Flag flag) {
        return report.rows().stream().filter(r -> r.flag() == flag).toList();
    }

    private List<ReportRow> worstFirst(Flag flag) {
        return withFlag(flag).stream().sorted(WORST_FIRST).toList();
    }

    /**
     * Since when a RED or YELLOW project is flagged (the page says "自 2026-05-31 起预警", and "红色自 …" when
     * it turned red later); null when the stored nights do not know it: nothing is said rather than a guess.
     */
    public FlagRun flagRun(ReportRow row) {
        return row.flag() == Flag.GREEN ? null : since.get(row.code());
    }

    /** The red date is worth saying only on a RED card whose run began yellow. */
    public boolean turnedRedLater(ReportRow row) {
        FlagRun run = flagRun(row);
        return run != null && row.flag() == Flag.RED && run.turnedRedLater();
    }

    /** The PDF's 预警规则（现行阈值）: the flag rules with this run's thresholds, a paragraph each. */
    public List<String> legend() {
        return List.of(VarianceReportLines.legend(report.thresholds(), text).split("\\n"));
    }

    /** The rejects line as the same report's PDF words it (a unit's report: the unit wording). */
    public String rejects() {
        return VarianceReportLines.rejects(report, text);
    }

    /** A unit's page has only its PDF beside it; the combined one the PDF, XLSX and CSV. */
    public String footerKey() {
        return report.combined() ? "html.footer.variance" : "html.footer.varianceUnit";
    }
}
