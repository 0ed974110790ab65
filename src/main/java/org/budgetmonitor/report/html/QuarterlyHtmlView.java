package org.budgetmonitor.report.html;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.budgetmonitor.report.QuarterlyFocusRow;
import org.budgetmonitor.report.QuarterlyReportRenderer;
import org.budgetmonitor.report.QuarterlyIndicatorLine;
import org.budgetmonitor.report.PlanAdjustmentLine;
import org.budgetmonitor.report.QuarterlyReport;
import org.budgetmonitor.report.QuarterlyReportAssembler;
import org.budgetmonitor.report.QuarterlyReportRow;
import org.budgetmonitor.report.QuarterlyText;
import org.budgetmonitor.report.QuarterlyUnitLine;
import org.budgetmonitor.report.Unplanned;
import org.budgetmonitor.report.VarianceReportLines;
import org.budgetmonitor.variance.DataCutOff;
import org.budgetmonitor.variance.Flag;

/**
 * What the quarterly page shows: the whole review, or one unit's part of it (its rows, focus projects,
 * indicators and its own totals line, all taken from the review's model as they are).
 */
public final class QuarterlyHtmlView {

    /** The indicators of one project, under its name. */
    public record IndicatorGroup(String code, String name, List<QuarterlyIndicatorLine> lines) {
    }

    private final QuarterlyReport report;
    private final QuarterlyText text;
    private final String unitCode;
    private final List<QuarterlyReportRow> rows;
    private final Set<String> codes;
    private final DataCutOff data;

    /** @param unitCode one unit's page, or null for the whole review */
    QuarterlyHtmlView(QuarterlyReport report, QuarterlyText text, String unitCode, int staleDays) {
        this.report = report;
        this.data = new DataCutOff(report.asOf(), report.dataCutoff(), staleDays);
        this.text = text;
        this.unitCode = unitCode;
        this.rows = unitCode == null ? report.rows()
                : report.rows().stream().filter(r -> unitCode.equals(r.unitCode())).toList();
        this.codes = rows.stream().map(QuarterlyReportRow::code).collect(Collectors.toSet());
    }

    /** The PDF's line on the data under its header: plainly a warning when the latest payment is too old. */
    public String dataWarning() {
        return VarianceReportLines.dataLine(data, text.nightly());
    }

    /** The PDF's line on the lines rejected when the review was issued (in none of its figures). */
    public String rejects() {
        return QuarterlyReportRenderer.rejectsText(report, text, unitCode == null
                ? QuarterlyReportRenderer.Audience.COMBINED : QuarterlyReportRenderer.Audience.unit(unitCode, 0));
    }

    public boolean stale() {
        return data.stale();
    }

    /**
     * The totals' gap to 序时进度, in percentage points: the two rates as printed (both to 0.01), so the
     * page's three figures agree with one another; null without an execution rate.
     */
    public BigDecimal timeProgressGapPp() {
        QuarterlyUnitLine t = totals();
        return t == null || t.ratePct() == null || report.timeProgressPct() == null ? null
                : t.ratePct().subtract(report.timeProgressPct());
    }

    /** The review's 预算调整 of the page's projects (a unit's page: its own). */
    public List<PlanAdjustmentLine> adjustments() {
        return report.adjustments().stream().filter(a -> codes.contains(a.code())).toList();
    }

    public String adjustmentsTitle() {
        return text.nightly().format("adj.title", report.asOf().toString(), adjustments().size());
    }

    public QuarterlyReport report() {
        return report;
    }

    public String lang() {
        return HtmlReportWriter.htmlLang(text.locale());
    }

    /** The unit's code, or the one unit's of a single-unit review; null for the review of several. */
    public String unitCode() {
        if (unitCode != null) {
            return unitCode;
        }
        return report.units().size() == 1 ? report.units().get(0).unitCode() : null;
    }

    public String unitTitle() {
        QuarterlyUnitLine line = unitLine();
        return unitCode != null && line != null ? line.unitName() : report.unitTitle();
    }

    /** The totals shown on top: the unit's line, or the review's grand total (the one unit's line when alone). */
    public QuarterlyUnitLine totals() {
        return unitLine();
    }

    public boolean hasTotals() {
        return unitLine() != null;
    }

    private QuarterlyUnitLine unitLine() {
        if (unitCode != null) {
            return report.units().stream().filter(u -> unitCode.equals(u.unitCode())).findFirst().orElse(null);
        }
        if (report.total() != null) {
            return report.total();
        }
        return report.units().size() == 1 ? report.units().get(0) : null;
    }

    /** The review of several units lists them, each with its totals. */
    public boolean unitsListed() {
        return unitCode == null && report.units().size() > 1;
    }

    public List<QuarterlyUnitLine> units() {
        return report.units();
    }

    public boolean unitShown() {
        return unitsListed();
    }

    public List<QuarterlyReportRow> red() {
        return withFlag(Flag.RED);
    }

    public List<QuarterlyReportRow> yellow() {
        return withFlag(Flag.YELLOW);
    }

    public List<QuarterlyReportRow> green() {
        return withFlag(Flag.GREEN);
    }

    public boolean anyRed() {
        return !red().isEmpty();
    }

    public boolean anyYellow() {
        return !yellow().isEmpty();
    }

    public boolean anyGreen() {
        return !green().isEmpty();
    }

    public boolean noneFlagged() {
        return !anyRed() && !anyYellow();
    }

    public List<QuarterlyFocusRow> focus() {
        return report.focus().stream().filter(f -> codes.contains(f.code())).toList();
    }

    public boolean anyFocus() {
        return !focus().isEmpty();
    }

    public List<IndicatorGroup> indicators() {
        Map<String, List<QuarterlyIndicatorLine>> byProject = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (QuarterlyIndicatorLine line : report.indicators()) {
            if (codes.contains(line.projectCode())) {
                byProject.computeIfAbsent(line.projectCode(), k -> new ArrayList<>()).add(line);
                names.putIfAbsent(line.projectCode(), line.projectName());
            }
        }
        List<IndicatorGroup> groups = new ArrayList<>();
        byProject.forEach((code, lines) -> groups.add(new IndicatorGroup(code, names.get(code), List.copyOf(lines))));
        return groups;
    }

    /** The review's interpolation note; a unit's page names only its own projects. Null: no note. */
    public String interpolationNote() {
        if (unitCode == null) {
            return report.interpolationNote();
        }
        List<String> names = rows.stream().filter(r -> report.interpolatedCodes().contains(r.code()))
                .map(QuarterlyReportRow::name).toList();
        return new QuarterlyReportAssembler(text).interpolationNoteNaming(report.asOf(), names);
    }

    public boolean anyIndicators() {
        return !indicators().isEmpty();
    }

    /** Unplanned codes belong to no unit: the whole review shows them. */
    public List<Unplanned> unplanned() {
        return unitCode == null ? report.unplanned() : List.of();
    }

    public boolean anyUnplanned() {
        return !unplanned().isEmpty();
    }

    /** The reasons without the flag word the badge shows; a GREEN row that missed its checkpoint "（节点计划未完成）". */
    public String reasons(QuarterlyReportRow row) {
        return withoutFlagWord(row.flag(), row.flagText());
    }

    public String focusReasons(QuarterlyFocusRow row) {
        return withoutFlagWord(row.flag(), row.flagText());
    }

    private String withoutFlagWord(Flag flag, String flagText) {
        String flagWord = text.nightly().flag(flag);
        return flagText.startsWith(flagWord) ? flagText.substring(flagWord.length()).strip() : flagText;
    }

    private List<QuarterlyReportRow> withFlag(Flag flag) {
        return rows.stream().filter(r -> r.flag() == flag).toList();
    }
}
