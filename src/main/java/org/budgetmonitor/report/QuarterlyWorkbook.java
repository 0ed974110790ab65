package org.budgetmonitor.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.budgetmonitor.money.Money;
import org.budgetmonitor.quarterly.IndicatorReview;
import org.budgetmonitor.quarterly.IndicatorStatus;
import org.budgetmonitor.quarterly.QuarterlyCalculator;
import org.budgetmonitor.quarterly.QuarterlyReview;
import org.budgetmonitor.quarterly.QuarterlyRow;
import org.budgetmonitor.report.QuarterlyWorkbookCells.Kind;
import org.budgetmonitor.variance.VarianceRow;

/**
 * The quarterly review as a workbook, written from the review's rows (not from the PDF's pages):
 * a 项目执行情况 sheet, one row per project with the figures of {@code quarterly-<as-of>.csv}, and a
 * 绩效指标 sheet, one row per indicator with the values of {@code quarterly-indicators-<as-of>.csv}.
 * Each sheet has two title lines, one header row (frozen, with the autofilter), code and name in
 * columns of their own, and below the rows the 合计 (and, with several units, each unit's 小计) as
 * numbers; landscape, fitted to the page width, the header row repeated on every printed page.
 *
 * <p>A column is one entry of {@link #projectColumns} or {@link #indicatorColumns}: its header,
 * width, kind, value and, for the totals rows, its total.
 */
final class QuarterlyWorkbook {

    /**
     * One column: header key (in the quarterly bundle), width in characters, kind, the row's value
     * and the value in a 合计/小计 row (null: left empty).
     */
    record Column<T>(String header, int width, Kind kind, Function<T, Object> value, Function<Totals, Object> total) {
    }

    /** Totals over some rows, summed in 元 and rounded once, as the PDF's unit summary. */
    record Totals(int count, Money budget, Money expected, Money actual, Money previous, Money projected,
            Money required, BigDecimal timeProgressPct, Money original, LocalDate asOf) {

        static Totals of(List<QuarterlyRow> rows) {
            Money budget = Money.ZERO;
            Money expected = Money.ZERO;
            Money actual = Money.ZERO;
            Money previous = Money.ZERO;
            Money projected = Money.ZERO;
            Money required = Money.ZERO;
            Money original = Money.ZERO;
            for (QuarterlyRow r : rows) {
                original = r.variance().originalBudget() == null ? original : original.plus(r.variance().originalBudget());
                budget = budget.plus(r.variance().budget());
                expected = expected.plus(Money.ofYuan(r.variance().expectedYuan()));
                actual = actual.plus(r.variance().actual());
                previous = previous.plus(r.previousQuarterActual());
                projected = projected.plus(r.projectedYearEnd());
                required = r.requiredMonthly() == null ? required : required.plus(r.requiredMonthly());
            }
            boolean december = !rows.isEmpty() && rows.stream().allMatch(r -> r.requiredMonthly() == null);
            return new Totals(rows.size(), budget, expected, actual, previous, projected, december ? null : required,
                    rows.isEmpty() ? null : rows.get(0).timeProgressPct(), original,
                    rows.isEmpty() ? null : rows.get(0).variance().asOf());
        }

        BigDecimal gapPp() {
            return budget == null || budget.isZero() ? null
                    : twoPlaces(QuarterlyCalculator.gapToPlanPp(budget, expected, actual));
        }

        BigDecimal timeProgressGapPp() {
            return budget == null || budget.isZero() ? null
                    : twoPlaces(QuarterlyCalculator.gapToTimeProgressPp(budget, actual, asOf));
        }

        BigDecimal ratePct() {
            return budget.isZero() ? null
                    : actual.yuan().multiply(BigDecimal.valueOf(100)).divide(budget.yuan(), 2, RoundingMode.HALF_UP);
        }
    }

    private final QuarterlyText text;

    QuarterlyWorkbook(QuarterlyText text) {
        this.text = text;
    }

    List<Column<QuarterlyRow>> projectColumns(QuarterlyReview review, Money focusThreshold) {
        return List.of(
                new Column<QuarterlyRow>("col.no", 6, Kind.INTEGER, null, null),
                new Column<>("col.unitCode", 10, Kind.TEXT, r -> r.variance().unitCode(), null),
                new Column<>("col.unitName", 26, Kind.TEXT, r -> r.variance().unitName(), null),
                new Column<>("col.code", 24, Kind.TEXT, r -> r.variance().projectCode(), null),
                new Column<>("col.name", 24, Kind.TEXT, r -> r.variance().projectName(), null),
                // With the year's plan changed, the budget column is the budget in force, and says so (as on the PDF).
                new Column<>(adjusted(review) ? "col.budgetAdjusted" : "col.budget", 12, Kind.AMOUNT,
                        r -> wan(r.variance().budget()), t -> wan(t.budget())),
                new Column<>("col.cpDate", 12, Kind.DATE, r -> r.variance().checkpointDate(), null),
                new Column<>("col.cpPlan", 12, Kind.AMOUNT, r -> wan(r.variance().checkpointPlan()), null),
                new Column<>("q.col.expected", 12, Kind.AMOUNT, r -> wan(Money.ofYuan(r.variance().expectedYuan())),
                        t -> wan(t.expected())),
                new Column<>("col.actual", 12, Kind.AMOUNT, r -> wan(r.variance().actual()), t -> wan(t.actual())),
                new Column<>("col.rate", 10, Kind.AMOUNT, r -> twoPlaces(r.variance().executionRatePct()),
                        Totals::ratePct),
                new Column<>("q.col.timeProgress", 10, Kind.AMOUNT, r -> twoPlaces(r.timeProgressPct()),
                        t -> twoPlaces(t.timeProgressPct())),
                new Column<>("q.col.gapToTime", 12, Kind.AMOUNT, r -> twoPlaces(r.timeProgressGapPp()),
                        Totals::timeProgressGapPp),
                new Column<>("q.x.gap", 12, Kind.AMOUNT, r -> twoPlaces(r.variance().gapPp()), Totals::gapPp),
                new Column<>("q.x.flag", 8, Kind.FLAG, r -> r.variance().flag(), null),
                // As the nightly workbook's 原因: a missed checkpoint is a note in brackets, "（节点计划未完成）".
                new Column<>("q.x.reasons", 24, Kind.TEXT, r -> text.nightly().reasonWords(r.variance().reasons()), null),
                new Column<>("q.units.previous", 12, Kind.AMOUNT, r -> wan(r.previousQuarterActual()),
                        t -> wan(t.previous())),
                new Column<>("q.col.change", 12, Kind.AMOUNT, r -> r.variance().actual().wanLessForDisplay(r.previousQuarterActual()),
                        t -> t.actual().wanLessForDisplay(t.previous())),
                new Column<>("q.col.projected", 12, Kind.AMOUNT, r -> wan(r.projectedYearEnd()),
                        t -> wan(t.projected())),
                new Column<>("q.col.required", 12, Kind.AMOUNT, r -> wan(r.requiredMonthly()), t -> wan(t.required())),
                new Column<>("q.x.focus", 10, Kind.TEXT, r -> yesNo(r.focus(focusThreshold)), null),
                new Column<>("q.x.needsExplanation", 10, Kind.TEXT, r -> yesNo(r.needsExplanation()), null),
                new Column<>("q.col.cause", 24, Kind.TEXT,
                        r -> r.needsExplanation() ? "" : text.get("q.col.notRequired"), null),
                new Column<>("q.col.measure", 24, Kind.TEXT,
                        r -> r.needsExplanation() ? "" : text.get("q.col.notRequired"), null),
                new Column<>("q.ind.note", 28, Kind.TEXT, r -> projectNote(r, review), null),
                // Issue 16, after the columns already known: 年初预算 beside the budget in force.
                new Column<>("xlsx.col.originalBudget", 12, Kind.AMOUNT, r -> wan(r.variance().originalBudget()),
                        t -> wan(t.original())));
    }

    private static boolean adjusted(QuarterlyReview review) {
        return !review.planChanges().isEmpty() || review.rows().stream().anyMatch(r -> r.variance().adjusted());
    }

    /** 预算调整: the changes of the review's plan in force on its date, one line each (a transfer is two). */
    private void adjustments(SXSSFWorkbook workbook, QuarterlyWorkbookCells cells, QuarterlyReport report, String title,
            String meta, String reportId) {
        List<Column<PlanAdjustmentLine>> columns = List.of(
                new Column<PlanAdjustmentLine>("col.no", 6, Kind.INTEGER, null, null),
                new Column<>("adj.col.date", 12, Kind.DATE, PlanAdjustmentLine::date, null),
                new Column<>("col.code", 24, Kind.TEXT, PlanAdjustmentLine::code, null),
                new Column<>("col.name", 24, Kind.TEXT, PlanAdjustmentLine::name, null),
                new Column<>("adj.col.change", 12, Kind.AMOUNT, PlanAdjustmentLine::changeWan, null),
                new Column<>("adj.col.before", 12, Kind.AMOUNT, PlanAdjustmentLine::budgetBeforeWan, null),
                new Column<>("adj.col.after", 12, Kind.AMOUNT, PlanAdjustmentLine::budgetAfterWan, null),
                new Column<>("adj.col.document", 24, Kind.TEXT, PlanAdjustmentLine::documentNo, null),
                new Column<>("adj.col.reason", 36, Kind.TEXT, PlanAdjustmentLine::reason, null));
        SXSSFSheet sheet = workbook.createSheet(text.get("xlsx.sheet.adjustments"));
        int r = start(sheet, cells, columns, title, meta + "　　" + text.format("adj.title", report.asOf().toString(),
                report.adjustments().size()), reportId);
        int header = r - 1;
        int no = 0;
        for (PlanAdjustmentLine line : report.adjustments()) {
            r = dataRow(sheet, cells, columns, r, ++no, line);
        }
        finish(sheet, columns, header, r - 1, 0);
    }

    private String yesNo(boolean value) {
        return text.get(value ? "q.x.yes" : "q.x.no");
    }

    /** Which value an indicator line shows, with what the sheet needs beside it. */
    record IndicatorLine(IndicatorReview indicator, VarianceRow project, boolean old) {
    }

    List<Column<IndicatorLine>> indicatorColumns() {
        return List.of(
                new Column<IndicatorLine>("col.no", 6, Kind.INTEGER, null, t -> t.count()),
                new Column<>("col.unitCode", 10, Kind.TEXT, l -> l.project() == null ? "" : l.project().unitCode(), null),
                new Column<>("col.code", 24, Kind.TEXT, l -> l.indicator().projectCode(), null),
                new Column<>("col.name", 20, Kind.TEXT, l -> l.project() == null ? "" : l.project().projectName(), null),
                new Column<>("q.ind.level1", 12, Kind.TEXT, l -> l.indicator().level1(), null),
                new Column<>("q.ind.level2", 16, Kind.TEXT, l -> l.indicator().level2(), null),
                new Column<>("q.ind.level3", 20, Kind.TEXT, l -> l.indicator().level3(), null),
                new Column<>("q.ind.target", 24, Kind.TEXT, l -> l.indicator().target(), null),
                new Column<>("q.ind.value", 20, Kind.TEXT, l -> l.indicator().valueToDate(), null),
                new Column<>("q.ind.valueDate", 12, Kind.DATE, l -> l.indicator().valueDate(), null),
                new Column<>("q.x.old", 8, Kind.TEXT, l -> l.old() ? text.get("q.ind.oldValue") : "", null),
                new Column<>("q.ind.expected", 18, Kind.TEXT, l -> l.indicator().expectedFullYear(), null),
                new Column<>("q.ind.status", 10, Kind.STATUS, l -> l.indicator().status(), null),
                new Column<>("q.ind.likelihood", 12, Kind.TEXT, l -> text.get("q.likelihood."
                        + (l.indicator().likelihood() == null ? "none" : l.indicator().likelihood().name())), null),
                new Column<>("q.x.causeCategory", 12, Kind.TEXT, l -> l.indicator().causeCategory(), null),
                new Column<>("q.ind.cause", 28, Kind.TEXT, l -> l.indicator().cause(), null),
                new Column<>("q.ind.measure", 28, Kind.TEXT, l -> l.indicator().measure(), null),
                new Column<>("q.ind.note", 24, Kind.TEXT, l -> l.indicator().note(), null));
    }

    /**
     * @param report the assembled report of the same review, for its title lines
     * @param reportId the document's id (the combined one's or a unit's)
     * @param notes what the document says under its totals: unplanned spending, rejected lines
     */
    void write(QuarterlyReview review, QuarterlyReport report, String reportId, List<String> notes,
            OutputStream out) throws IOException {
        // Its rows are known before writing (no payments): each project's (and a unit subtotal at most), each indicator's.
        SXSSFWorkbook workbook = new FastDeflateWorkbook(200, OptionalLong.of(2L * review.rows().size()
                + review.indicators().size() + report.adjustments().size() + notes.size()));
        try {
            QuarterlyWorkbookCells cells = new QuarterlyWorkbookCells(workbook, text);
            String title = text.get("q.title") + "　" + text.format("q.subtitle", report.asOf().getYear(),
                    (report.asOf().getMonthValue() - 1) / 3 + 1, report.asOf().toString());
            String meta = text.nightly().format("header.unit", report.unitTitle()) + "　　"
                    + text.nightly().format("header.reportId", reportId) + "　　"
                    + text.format("q.x.meta", report.version(), report.dataCutoff() == null
                            ? text.nightly().get("header.noCutoff") : report.dataCutoff().toString());
            projects(workbook, cells, review, Money.ofWan(report.focusThresholdWan()), title, meta, reportId, notes);
            indicators(workbook, cells, review, title, meta, reportId);
            if (!report.adjustments().isEmpty()) {
                adjustments(workbook, cells, report, title, meta, reportId);
            }
            workbook.write(out);
        } finally {
            workbook.close(); // also deletes SXSSF's temporary files
        }
    }

    private void projects(SXSSFWorkbook workbook, QuarterlyWorkbookCells cells, QuarterlyReview review,
            Money focusThreshold, String title, String meta, String reportId, List<String> notes) {
        List<Column<QuarterlyRow>> columns = projectColumns(review, focusThreshold);
        List<QuarterlyRow> rows = review.rows().stream().filter(r -> r.variance().planned()).toList();
        SXSSFSheet sheet = workbook.createSheet(text.get("q.x.sheet.projects"));
        int r = start(sheet, cells, columns, title, meta, reportId);
        int header = r - 1;
        int no = 0;
        for (QuarterlyRow row : rows) {
            r = dataRow(sheet, cells, columns, r, ++no, row);
        }
        finish(sheet, columns, header, r - 1, 5);
        Map<String, List<QuarterlyRow>> byUnit = new LinkedHashMap<>();
        rows.forEach(row -> byUnit.computeIfAbsent(row.variance().unitCode(), k -> new ArrayList<>()).add(row));
        if (byUnit.size() > 1) {
            for (List<QuarterlyRow> unit : byUnit.values()) {
                VarianceRow first = unit.get(0).variance();
                r = totalsRow(sheet, cells, columns, r, Totals.of(unit), text.get("q.x.subtotal"), first.unitCode(),
                        first.unitName());
            }
        }
        r = totalsRow(sheet, cells, columns, r, Totals.of(rows), text.get("q.units.total"), null, null);
        r++;
        for (String note : notes) {
            r = cells.line(sheet, r, cells.plain, note, columns.size() - 1);
        }
        List<String> headers = columns.stream().map(Column::header).toList();
        for (QuarterlyRow row : review.rows()) {
            if (!row.variance().planned()) {
                Row x = sheet.createRow(r++);
                cells.text(x, headers.indexOf("col.code"), cells.text, row.variance().projectCode());
                cells.text(x, headers.indexOf("col.name"), cells.text, text.nightly().reasons(row.variance().reasons()));
                cells.number(x, headers.indexOf("col.actual"), cells.amount, wan(row.variance().actual()));
            }
        }
    }

    private void indicators(SXSSFWorkbook workbook, QuarterlyWorkbookCells cells, QuarterlyReview review, String title,
            String meta, String reportId) {
        List<Column<IndicatorLine>> columns = indicatorColumns();
        Map<String, VarianceRow> projects = new HashMap<>();
        review.rows().forEach(row -> projects.put(row.variance().projectCode(), row.variance()));
        SXSSFSheet sheet = workbook.createSheet(text.get("q.x.sheet.indicators"));
        int r = start(sheet, cells, columns, title, meta, reportId);
        int header = r - 1;
        Map<IndicatorStatus, Integer> counts = new LinkedHashMap<>();
        for (IndicatorStatus status : IndicatorStatus.values()) {
            counts.put(status, 0);
        }
        int no = 0;
        for (IndicatorReview i : review.indicators()) {
            counts.merge(i.status(), 1, Integer::sum);
            r = dataRow(sheet, cells, columns, r, ++no,
                    new IndicatorLine(i, projects.get(i.projectCode()), i.valueIsOlderThan(review.asOf())));
        }
        finish(sheet, columns, header, r - 1, 4);
        Totals count = new Totals(no, null, null, null, null, null, null, null, null, null);
        r = totalsRow(sheet, cells, columns, r, count, text.get("q.units.total"), null, null);
        // How many indicators stand where: one numeric count per status, under 完成情况.
        int statusColumn = columns.stream().map(Column::header).toList().indexOf("q.ind.status");
        for (var e : counts.entrySet()) {
            Row x = sheet.createRow(r++);
            cells.status(x, statusColumn, e.getKey());
            cells.integer(x, statusColumn + 1, e.getValue());
        }
    }

    /** The title lines and the header row; returns the first data row. */
    private <T> int start(SXSSFSheet sheet, QuarterlyWorkbookCells cells, List<Column<T>> columns, String title,
            String meta, String reportId) {
        for (int c = 0; c < columns.size(); c++) {
            sheet.setColumnWidth(c, columns.get(c).width() * 256);
        }
        int last = columns.size() - 1;
        int r = cells.line(sheet, 0, cells.title, title, last);
        r = cells.line(sheet, r, cells.plain, meta, last);
        Row header = sheet.createRow(r);
        List<String> headings = columns.stream().map(c -> text.get(c.header())).toList();
        header.setHeightInPoints(WorkbookStyles.headerHeight(headings, columns.stream().map(Column::width).toList(), 40));
        for (int c = 0; c < columns.size(); c++) {
            cells.text(header, c, cells.header, headings.get(c));
        }
        cells.printSetup(sheet, r, text.nightly().format("footer.reportId", reportId));
        return r + 1;
    }

    /** Freezes the header row and the columns up to the name, and filters the data rows. */
    private static <T> void finish(SXSSFSheet sheet, List<Column<T>> columns, int header, int lastRow, int frozenColumns) {
        sheet.createFreezePane(frozenColumns, header + 1);
        sheet.setAutoFilter(new CellRangeAddress(header, Math.max(header, lastRow), 0, columns.size() - 1));
    }

    private static <T> int dataRow(SXSSFSheet sheet, QuarterlyWorkbookCells cells, List<Column<T>> columns, int r,
            int no, T item) {
        Row x = sheet.createRow(r);
        for (int c = 0; c < columns.size(); c++) {
            Column<T> column = columns.get(c);
            cells.put(x, c, column.kind(), column.value() == null ? Integer.valueOf(no) : column.value().apply(item),
                    false);
        }
        return r + 1;
    }

    /** A 合计 or 小计 row: its label in the first text column, the unit beside it, the totals as numbers. */
    private static <T> int totalsRow(SXSSFSheet sheet, QuarterlyWorkbookCells cells, List<Column<T>> columns, int r,
            Totals totals, String label, String unitCode, String unitName) {
        Row x = sheet.createRow(r);
        for (int c = 0; c < columns.size(); c++) {
            Column<T> column = columns.get(c);
            Object value = column.total() == null ? null : column.total().apply(totals);
            if (c == 1) {
                value = label + (unitCode == null ? "" : " " + unitCode);
            } else if (c == 2 && unitName != null) {
                value = unitName;
            }
            cells.put(x, c, value instanceof String ? Kind.TEXT : column.kind(), value, true);
        }
        return r + 1;
    }

    /** 备注 of a project: that its plan at the review date is interpolated between checkpoints. */
    private String projectNote(QuarterlyRow row, QuarterlyReview review) {
        VarianceRow v = row.variance();
        return review.asOf().equals(v.checkpointDate()) ? "" : text.get("q.x.interpolated");
    }

    private static BigDecimal wan(Money money) {
        return money == null ? null : money.wanForDisplay();
    }

    private static BigDecimal twoPlaces(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
