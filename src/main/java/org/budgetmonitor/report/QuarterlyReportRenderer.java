package org.budgetmonitor.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;

import org.budgetmonitor.variance.DataCutOff;
import org.springframework.stereotype.Component;

/**
 * Fills the quarterly review templates ({@code report-templates/quarterly-*.jrxml}) with one
 * {@link QuarterlyReport} and writes the PDF atomically, for the combined review or one unit's, through the
 * {@link DocumentRenderer} the nightly report renders through too. Compilation cache and
 * font come from the nightly report's {@link JasperTemplates}. A review holds one line per project,
 * not per payment, so it is filled in memory (no swap-file virtualizer as in the nightly report).
 */
@Component
public class QuarterlyReportRenderer {

    static final String MAIN = "quarterly-report";
    static final String FOCUS = "quarterly-focus";
    static final String INDICATORS = "quarterly-indicators";
    static final String UNITS = "quarterly-units";
    static final String CHART = "quarterly-chart";

    static final String FORCE_LINE_BREAK_POLICY = "net.sf.jasperreports.export.pdf.force.linebreak.policy";

    private final DocumentRenderer documents;
    private final JasperTemplates templates;

    private final int staleDays;

    public QuarterlyReportRenderer(JasperTemplates templates, ReportProperties properties) {
        this.documents = new DocumentRenderer(templates);
        this.templates = templates;
        this.staleDays = properties.staleDays();
    }

    /** The limit its data line warns beyond; the HTML page warns alike. */
    public int staleDays() {
        return staleDays;
    }

    /**
     * Whose document it is: the combined one (for the supervising finance bureau) or one unit's, which
     * carries its own report id and names no spending outside that unit's plan.
     *
     * @param unattributedUnplanned codes with spending in no unit's plan, which a unit's document mentions only as a count
     */
    public record Audience(String unitCode, int unattributedUnplanned) {

        public static final Audience COMBINED = new Audience(null, 0);

        public static Audience unit(String unitCode, int unattributedUnplanned) {
            return new Audience(unitCode, unattributedUnplanned);
        }

        public boolean combined() {
            return unitCode == null;
        }
    }

    /** {@code QR-<as-of>-V<version>} for the combined document, {@code QR-<as-of>-<unit>-V<version>} for a unit's. */
    public static String reportId(QuarterlyReport report, Audience audience) {
        return audience.combined() ? report.reportId()
                : "QR-" + report.asOf() + "-" + audience.unitCode() + "-V" + report.version();
    }

    /** The PDF; the workbook is {@link QuarterlyWorkbook}'s, written from the same review. */
    public void renderPdf(QuarterlyReport report, QuarterlyText text, Path pdf, Audience audience) throws IOException {
        try {
            JasperPrint print = fill(report, text, audience);
            // Break lines in the PDF where the fill measured them: by its own rules the exporter pushes a
            // "，" that ends a full line onto the next one, and the cell's last line is then cut off.
            print.setProperty(FORCE_LINE_BREAK_POLICY, "true");
            documents.writePdf(print, text.get("q.title") + " " + report.asOf(), reportId(report, audience), pdf);
        } catch (JRException e) {
            throw DocumentRenderer.cannotRender(pdf, e);
        }
    }

    /** The filled pages (tests look at them in memory). */
    JasperPrint fill(QuarterlyReport report, QuarterlyText text, Audience audience) throws JRException {
        return documents.fill(MAIN, parameters(report, text, audience), rows(report));
    }

    /** Compiles the templates before several documents are filled side by side. */
    public void prepare() {
        documents.prepare(List.of(MAIN, FOCUS, INDICATORS, UNITS, CHART));
    }

    Map<String, Object> parameters(QuarterlyReport report, QuarterlyText text, Audience audience) {
        Map<String, Object> p = DocumentRenderer.parameters(text.locale(), text.bundle(), reportId(report, audience),
                text.nightly().format("header.unit", report.unitTitle()));
        p.put("SUBTITLE", text.format("q.subtitle", report.asOf().getYear(), quarter(report), report.asOf().toString()));
        p.put("META_LINE", text.format("q.meta", report.asOf().toString(), report.version(),
                DocumentRenderer.MINUTES.format(report.issuedAt()),
                report.dataCutoff() == null ? text.nightly().get("header.noCutoff") : report.dataCutoff().toString(),
                DocumentRenderer.MINUTES.format(report.generatedAt())));
        // As on the nightly page 1: how recent the figures are, plainly when they may be incomplete.
        DataCutOff data = new DataCutOff(report.asOf(), report.dataCutoff(), staleDays);
        p.put("DATA_LINE", VarianceReportLines.dataLine(data, text.nightly()));
        p.put("DATA_STALE", data.stale());
        p.put("INTERPOLATION_NOTE", report.interpolationNote());
        p.put("PROJECTION_NOTE", report.projectionNote());
        QuarterlyUnitLine all = report.total() != null ? report.total()
                : report.units().isEmpty() ? null : report.units().get(0);
        p.put("OVERVIEW_COUNTS", all == null ? text.get("q.overview.empty")
                : text.format("q.overview.counts", all.projects(), all.red(), all.yellow(), all.green(), all.needsExplanation()));
        p.put("OVERVIEW_TOTALS", all == null ? ""
                : text.format("q.overview.totals", all.budgetWan(), all.expectedWan(), all.actualWan(), all.changeWan()));
        p.put("OVERVIEW_PROGRESS", all == null ? ""
                : text.format("q.overview.progress", all.ratePct(), report.timeProgressPct(),
                        report.asOf().getDayOfYear(), report.asOf().lengthOfYear()));
        p.put("UNPLANNED_TEXT", unplannedText(report, text, audience));
        p.put("REJECTS_TEXT", rejectsText(report, text, audience));
        p.put("FOCUS_TITLE", text.format("q.focus.title", report.focusThresholdWan()));
        p.put("FOCUS", focus(report.focus()));
        p.put("HAS_FOCUS", !report.focus().isEmpty());
        p.put("FOCUS_REPORT", templates.get(FOCUS));
        p.put("RATES", ReportRenderer.rates(report.rates()));
        p.put("HAS_RATES", !report.rates().isEmpty());
        p.put("CHART_REPORT", templates.get(CHART));
        p.put("RATES_NOTE", report.ratesTotal() > QuarterlyReportAssembler.MAX_RATE_BARS
                ? text.format("q.chart.capped", QuarterlyReportAssembler.MAX_RATE_BARS, report.ratesTotal()) : "");
        p.put(TimeProgressMarker.TIME_PROGRESS, report.timeProgressPct());
        p.put("TIME_PROGRESS_LABEL", text.format("q.chart.timeProgress", report.timeProgressPct()));
        p.put("INDICATORS", indicators(report.indicators()));
        p.put("HAS_INDICATORS", !report.indicators().isEmpty());
        p.put("INDICATORS_REPORT", templates.get(INDICATORS));
        p.put("UNITS", units(report));
        p.put("UNITS_REPORT", templates.get(UNITS));
        p.put("FINANCE_REVIEW", audience.combined() && report.units().size() > 1);
        p.putAll(PlanAdjustments.parameters(report.adjustments(), report.anyAdjusted(), report.asOf(), text.nightly(),
                templates));
        return p;
    }

    private static int quarter(QuarterlyReport report) {
        return (report.asOf().getMonthValue() - 1) / 3 + 1;
    }

    /**
     * What the document says of the lines rejected when it was issued: none of them is in its figures.
     * A unit's document gives the count of all units (the rejections are the run's).
     */
    public static String rejectsText(QuarterlyReport report, QuarterlyText text, Audience audience) {
        String file = org.budgetmonitor.support.OutputFiles.name("rejected", report.asOf(), "csv");
        if (report.rejectedRows() == null) {
            return text.format("q.rejects.unknown", file);
        }
        if (report.rejectedRows() == 0) {
            return text.get("q.rejects.none");
        }
        return text.format(audience.unitCode() == null ? "q.rejects.some" : "q.rejects.unitSome",
                report.rejectedRows(), file);
    }

    static String unplannedText(QuarterlyReport report, QuarterlyText text, Audience audience) {
        if (audience.unattributedUnplanned() > 0) {
            return text.format("q.unplanned.otherUnits", audience.unattributedUnplanned());
        }
        if (report.unplanned().isEmpty()) {
            return text.nightly().get("unplanned.none");
        }
        List<String> items = report.unplanned().stream()
                .map(u -> text.nightly().format("unplanned.item", u.code(), u.actualWan())).toList();
        return text.nightly().format("unplanned.line", String.join(text.nightly().get("summary.redSeparator"), items));
    }

    static JRDataSource rows(QuarterlyReport report) {
        Map<String, QuarterlyUnitLine> units = report.units().stream()
                .collect(Collectors.toMap(QuarterlyUnitLine::unitCode, Function.identity(), (a, b) -> a));
        return new RecordDataSource<>(report.rows(), (r, field) -> switch (field) {
            case "no" -> r.no();
            case "unitCode" -> r.unitCode();
            case "unitName" -> r.unitName();
            case "code" -> r.code();
            case "name" -> r.name();
            case "budgetWan" -> r.budgetWan();
            case "originalBudgetWan" -> r.adjusted() ? r.originalBudgetWan() : null; // 年初预算, printed when adjusted
            case "expectedWan" -> r.expectedWan();
            case "actualWan" -> r.actualWan();
            case "ratePct" -> r.ratePct();
            case "timeProgressPct" -> r.timeProgressPct();
            case "gapPp" -> r.gapPp();
            case "timeProgressGapPp" -> r.timeProgressGapPp();
            case "flag" -> r.flag().name();
            case "flagText" -> r.flagText();
            case "changeWan" -> r.changeWan();
            case "projectedWan" -> r.projectedWan();
            case "requiredMonthlyWan" -> r.requiredMonthlyWan();
            case "needsExplanation" -> r.needsExplanation();
            // The unit's totals, for the subtotal line under its table.
            case "unitBudgetWan" -> units.get(r.unitCode()).budgetWan();
            case "unitExpectedWan" -> units.get(r.unitCode()).expectedWan();
            case "unitActualWan" -> units.get(r.unitCode()).actualWan();
            case "unitRatePct" -> units.get(r.unitCode()).ratePct();
            case "unitChangeWan" -> units.get(r.unitCode()).changeWan();
            case "unitGapPp" -> units.get(r.unitCode()).gapPp();
            case "unitTimeProgressGapPp" -> units.get(r.unitCode()).timeProgressGapPp();
            default -> throw RecordDataSource.unknown(field);
        });
    }

    static JRDataSource focus(List<QuarterlyFocusRow> rows) {
        return new RecordDataSource<>(rows, (r, field) -> switch (field) {
            case "rank" -> r.rank();
            case "code" -> r.code();
            case "name" -> r.name();
            case "budgetWan" -> r.budgetWan();
            case "actualWan" -> r.actualWan();
            case "unspentWan" -> r.unspentWan();
            case "ratePct" -> r.ratePct();
            case "flag" -> r.flag().name();
            case "flagText" -> r.flagText();
            default -> throw RecordDataSource.unknown(field);
        });
    }

    static JRDataSource indicators(List<QuarterlyIndicatorLine> lines) {
        return new RecordDataSource<>(lines, (r, field) -> switch (field) {
            case "projectCode" -> r.projectCode();
            case "projectName" -> r.projectName();
            case "level1" -> r.level1();
            case "level2" -> r.level2();
            case "level3" -> r.level3();
            case "target" -> r.target();
            case "valueToDate" -> r.valueToDate();
            case "valueDate" -> r.valueDate();
            case "oldValue" -> r.oldValue();
            case "expectedFullYear" -> r.expectedFullYear();
            case "status" -> r.status();
            case "statusText" -> r.statusText();
            case "likelihood" -> r.likelihood();
            case "cause" -> r.cause();
            case "measure" -> r.measure();
            case "note" -> r.note();
            default -> throw RecordDataSource.unknown(field);
        });
    }

    /** The units, then (with several) their total as a last line with an empty unit code. */
    static JRDataSource units(QuarterlyReport report) {
        List<QuarterlyUnitLine> lines = new java.util.ArrayList<>(report.units());
        if (report.total() != null) {
            lines.add(report.total());
        }
        return new RecordDataSource<>(lines, (u, field) -> switch (field) {
            case "unitCode" -> u.unitCode();
            case "unitName" -> u.unitName();
            case "projects" -> u.projects();
            case "budgetWan" -> u.budgetWan();
            case "expectedWan" -> u.expectedWan();
            case "actualWan" -> u.actualWan();
            case "previousWan" -> u.previousWan();
            case "changeWan" -> u.changeWan();
            case "ratePct" -> u.ratePct();
            case "red" -> u.red();
            case "yellow" -> u.yellow();
            case "green" -> u.green();
            case "needsExplanation" -> u.needsExplanation();
            default -> throw RecordDataSource.unknown(field);
        });
    }
}
