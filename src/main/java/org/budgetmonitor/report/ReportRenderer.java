package org.budgetmonitor.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRVirtualizer;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.budgetmonitor.support.AtomicFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fills the variance template with one {@link VarianceReport} and writes it as PDF (through the
 * {@link DocumentRenderer} the quarterly review renders through too) and XLSX, each
 * atomically. Pages are swapped to a temporary file while filling, so 10,000 projects fit in a
 * small heap.
 */
@Component
public class ReportRenderer {

    /**
     * Filled pages kept in memory; the rest live in the swap file until exported. A unit's report
     * (a few dozen pages) stays in memory: swapping its chart pages meant serializing and reading
     * back every JFreeChart, which was more than half of its rendering time. Past this, a page of
     * the table costs a few hundred KB, so a few reports at once still fit a 512 MB heap.
     */
    static final int PAGES_IN_MEMORY = 60;

    private final DocumentRenderer documents;
    private final JasperTemplates templates;
    /** Where the swap files go: the run's {@code <data-dir>/tmp}, emptied at every start (RunLockListener). */
    private final Path temporaryFiles;

    /** Swap files in the system's temp folder (benchmarks and tests of the layout). */
    public ReportRenderer(JasperTemplates templates) {
        this(templates, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @param temporaryFiles the folder for swap files; a run uses {@code <data-dir>/tmp} so that a
     *        run killed while rendering leaves its ~10 MB files where the next start removes them
     */
    @Autowired
    public ReportRenderer(JasperTemplates templates, @Value("${monitor.data-path:data}/tmp") Path temporaryFiles) {
        this.documents = new DocumentRenderer(templates);
        this.templates = templates;
        this.temporaryFiles = temporaryFiles;
        // The XLSX is written streaming (SXSSF), whose sheets spill to POI's temp folder: the same place.
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(temporaryFiles.resolve("poi").toFile()));
    }

    /** The folder of the run's temporary files ({@code <data-dir>/tmp}). */
    Path temporaryFiles() {
        return temporaryFiles;
    }

    /** Compiles the templates now rather than in the first report that needs them. */
    public void prepare() {
        documents.prepare(List.of(JasperTemplates.MAIN, JasperTemplates.CURVES, JasperTemplates.UNITS));
    }

    /** Time spent in each phase of one report, for the log and the benchmark. */
    public record Timings(Duration fill, Duration pdf, Duration xlsx) {

        public static final Timings ZERO = new Timings(Duration.ZERO, Duration.ZERO, Duration.ZERO);

        public Timings plus(Timings other) {
            return new Timings(fill.plus(other.fill), pdf.plus(other.pdf), xlsx.plus(other.xlsx));
        }
    }

    /** Writes the PDF, and the XLSX when {@code xlsx} is not null. Safe to call from several threads. */
    public Timings render(VarianceReport report, ReportText text, Path pdf, Path xlsx) throws IOException {
        return render(report, text, pdf, xlsx, WorkbookDetails.NONE);
    }

    /** As {@link #render(VarianceReport, ReportText, Path, Path)}, the XLSX with the reasons, rejects and payments. */
    public Timings render(VarianceReport report, ReportText text, Path pdf, Path xlsx, WorkbookDetails details)
            throws IOException {
        Timings timings = writePdf(report, text, pdf);
        return xlsx == null ? timings : timings.plus(writeXlsx(report, text, xlsx, details));
    }

    /**
     * Fills the template and writes the PDF: its fill and PDF phases. Independent of
     * {@link #writeXlsx}, which reads the rows and not the filled pages, so the two may run side by side.
     */
    public Timings writePdf(VarianceReport report, ReportText text, Path pdf) throws IOException {
        Files.createDirectories(temporaryFiles);
        Path swapDir = Files.createTempDirectory(temporaryFiles, "report-");
        JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY,
                new JRSwapFile(swapDir.toString(), 4096, 256), true);
        try {
            long t0 = System.nanoTime();
            JasperPrint print = fill(report, text, virtualizer);
            // The export only reads the swapped pages; read-only stops them being rewritten.
            virtualizer.setReadOnly(true);
            long t1 = System.nanoTime();
            documents.writePdf(print, text.get("title") + " " + report.asOf(), report.reportId(), pdf);
            long t2 = System.nanoTime();
            return new Timings(Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ZERO);
        } catch (JRException e) {
            throw DocumentRenderer.cannotRender(pdf, e);
        } finally {
            virtualizer.cleanup();
            deleteQuietly(swapDir);
        }
    }

    /** Writes the XLSX from the rows, not from filled pages: a table to filter, written streaming. Its XLSX phase. */
    public Timings writeXlsx(VarianceReport report, ReportText text, Path xlsx, WorkbookDetails details)
            throws IOException {
        long start = System.nanoTime();
        Map<String, Object> parameters = parameters(report, text);
        AtomicFiles.write(xlsx, out -> VarianceWorkbook.write(report, parameters, text, details, out));
        return new Timings(Duration.ZERO, Duration.ZERO, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The filled pages; {@code virtualizer} may be null (tests look at the pages in memory). */
    JasperPrint fill(VarianceReport report, ReportText text, JRVirtualizer virtualizer) throws JRException {
        Map<String, Object> parameters = parameters(report, text);
        if (virtualizer != null) {
            parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
        }
        return documents.fill(JasperTemplates.MAIN, parameters, rows(report.printedRows()));
    }

    Map<String, Object> parameters(VarianceReport report, ReportText text) {
        ReportSummary s = report.summary();
        Map<String, Object> p = DocumentRenderer.parameters(text.locale(), text.bundle(), report.reportId(),
                text.format("header.unit", report.unitTitle()));
        p.put("META_LINE", VarianceReportLines.meta(report, text,
                DocumentRenderer.MINUTES.format(report.generatedAt())));
        p.put("DATA_WARNING", VarianceReportLines.dataWarning(report, text));
        p.put("DATA_STALE", report.dataCutOff().stale());
        p.put("MULTI_UNIT", report.multiUnit());
        p.put("SUMMARY_COUNTS", VarianceReportLines.counts(report, text));
        p.put("SUMMARY_TOTALS", VarianceReportLines.totals(s, text));
        p.put("SUMMARY_PROGRESS", VarianceReportLines.progress(s, text));
        p.put("SUMMARY_RED", s.redProjects());
        p.put("LEGEND", VarianceReportLines.legend(report.thresholds(), text));
        p.put("UNPLANNED_TEXT", VarianceReportLines.unplanned(report, text));
        p.put("REJECT_TEXT", VarianceReportLines.rejects(report, text));
        p.put("RATES", rates(report.rates()));
        p.put("RATES_NOTE", report.rateCandidates() > VarianceReportAssembler.MAX_RATE_BARS
                ? text.format("chart.rates.capped", VarianceReportAssembler.MAX_RATE_BARS, report.rateCandidates())
                : "");
        p.put("HAS_RATES", !report.rates().isEmpty());
        p.put("CURVES", curves(report.curves()));
        p.put("HAS_CURVES", !report.curves().isEmpty());
        p.put("CURVES_NOTE", report.curveCandidates() > report.curves().size()
                ? text.format("chart.curve.capped", report.curves().size(), report.curveCandidates())
                : "");
        p.put("CURVES_REPORT", templates.get(JasperTemplates.CURVES));
        p.put(FiscalYearAxisCustomizer.FISCAL_YEAR, report.fiscalYear());
        p.put("OVERVIEW", report.overview());
        p.putAll(PlanAdjustments.parameters(report.adjustments(), report.anyAdjusted(), report.asOf(), text, templates));
        if (report.overview()) {
            p.put("UNITS", units(report.units()));
            p.put("UNITS_REPORT", templates.get(JasperTemplates.UNITS));
            p.put("FLAGGED_HEADING", text.format("overview.flagged", s.red(), s.yellow(), s.green()));
        }
        return p;
    }

    static JRDataSource rows(List<ReportRow> rows) {
        return new RecordDataSource<>(rows, (r, field) -> switch (field) {
            case "no" -> r.no();
            case "unitCode" -> r.unitCode();
            case "unitName" -> r.unitName();
            case "code" -> r.code();
            case "name" -> r.name();
            case "budgetWan" -> r.budgetWan();
            case "originalBudgetWan" -> r.adjusted() ? r.originalBudgetWan() : null; // 年初预算, printed when adjusted
            case "checkpointDate" -> date(r.checkpointDate());
            case "checkpointPlanWan" -> r.checkpointPlanWan();
            case "expectedWan" -> r.expectedWan();
            case "actualWan" -> r.actualWan();
            case "ratePct" -> r.ratePct();
            case "gapPp" -> r.gapPp();
            case "timeProgressGapPp" -> r.timeProgressGapPp();
            case "balanceWan" -> r.balanceWan();
            case "overBudgetWan" -> r.overBudgetWan();
            case "flag" -> r.flag().name();
            case "flagText" -> r.flagText();
            default -> throw RecordDataSource.unknown(field);
        });
    }

    static JRDataSource units(List<UnitLine> units) {
        return new RecordDataSource<>(units, (u, field) -> switch (field) {
            case "unitCode" -> u.unitCode();
            case "unitName" -> u.unitName();
            case "projects" -> u.projects();
            case "red" -> u.red();
            case "yellow" -> u.yellow();
            case "green" -> u.green();
            case "budgetWan" -> u.budgetWan();
            case "actualWan" -> u.actualWan();
            case "ratePct" -> u.executionRatePct();
            default -> throw RecordDataSource.unknown(field);
        });
    }

    static JRDataSource rates(List<RatePoint> points) {
        return new RecordDataSource<>(points, (r, field) -> switch (field) {
            case "label" -> r.label();
            case "series" -> r.series();
            case "pct" -> r.pct();
            default -> throw RecordDataSource.unknown(field);
        });
    }

    static JRDataSource curves(List<ProjectCurve> curves) {
        return new RecordDataSource<>(curves, (c, field) -> switch (field) {
            case "code" -> c.code();
            case "name" -> c.name();
            case "flag" -> c.flag().name();
            case "flagText" -> c.flagText();
            case "budgetWan" -> c.budgetWan();
            case "actualWan" -> c.actualWan();
            case "overBudgetWan" -> c.overBudgetWan();
            case "figures" -> c.figures();
            // A fresh source on each evaluation: a data source can be read only once.
            case "points" -> points(c.points());
            default -> throw RecordDataSource.unknown(field);
        });
    }

    static JRDataSource points(List<CurvePoint> points) {
        return new RecordDataSource<>(points, (p, field) -> switch (field) {
            case "series" -> p.series();
            case "day" -> date(p.day());
            case "wan" -> p.wan();
            default -> throw RecordDataSource.unknown(field);
        });
    }

    private static java.util.Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover empty temp directory is harmless
        }
    }
}
