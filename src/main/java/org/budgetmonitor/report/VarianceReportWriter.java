package org.budgetmonitor.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.budgetmonitor.support.OutputFiles;
import org.budgetmonitor.spending.FlaggedPaymentSource;
import org.budgetmonitor.spending.UnitPaymentSpill;
import org.budgetmonitor.spending.FlaggedPayments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes the assembled variance reports of a run to their files: the combined PDF and XLSX and one
 * PDF and XLSX per unit. The reports are independent, so they are rendered side by side on a small pool
 * ({@code monitor.report.threads}); each render has its own swap file, and the compiled templates
 * and the font are shared (filling one compiled JasperReport from several threads is supported).
 */
@Component
public class VarianceReportWriter {

    private static final Logger log = LoggerFactory.getLogger(VarianceReportWriter.class);
    private static final String REPORTS = "the reports";

    /**
     * How long the reports took, for the log and the benchmark.
     *
     * @param combinedDone wall time from the start until the combined report was written
     * @param unitsDone wall time from the start until the last unit report was written
     * @param combinedPhases the combined report's fill, PDF and XLSX
     * @param unitPhases the unit reports' fill, PDF and XLSX, summed over all of them (CPU spread over the threads)
     */
    public record Written(Duration combinedDone, Duration unitsDone, Duration total, int unitReports, int threads,
            ReportRenderer.Timings combinedPhases, ReportRenderer.Timings unitPhases) {
    }

    private final ReportRenderer renderer;
    private final ReportProperties properties;
    /** The RED and YELLOW projects' payments for the workbook's 支付明细; null: none (benchmarks, tests). */
    private final FlaggedPaymentSource payments;

    public VarianceReportWriter(ReportRenderer renderer, ReportProperties properties) {
        this(renderer, properties, null);
    }

    @Autowired
    public VarianceReportWriter(ReportRenderer renderer, ReportProperties properties, FlaggedPayments payments) {
        this.renderer = renderer;
        this.properties = properties;
        this.payments = payments;
    }

    public Written write(List<VarianceReport> reports, ReportText text, OutputFiles outputs) throws IOException {
        return write(reports, text, outputs, WorkbookDetails.NONE);
    }

    /** A further document of a report, written on the same pool as its PDF and XLSX (its HTML page). */
    @FunctionalInterface
    public interface ReportDocument {

        void write(VarianceReport report) throws IOException;
    }

    /** @param details the combined workbook's reasons and rejects; its payments are this writer's */
    public Written write(List<VarianceReport> reports, ReportText text, OutputFiles outputs, WorkbookDetails details)
            throws IOException {
        return write(reports, text, outputs, details, report -> {
        });
    }

    /**
     * @param details the combined workbook's reasons and rejects; its payments are this writer's
     * @param also a further document of each report, written beside the others
     */
    public Written write(List<VarianceReport> reports, ReportText text, OutputFiles outputs, WorkbookDetails details,
            ReportDocument also) throws IOException {
        long start = System.nanoTime();
        // A report's PDF and XLSX are separate tasks: the XLSX is written from the rows, not the filled pages,
        // so even a single report (one unit's night) keeps two threads busy.
        int threads = Math.max(1, Math.min(properties.effectiveThreads(), 2 * reports.size()));
        // Compile before the pool starts, so the threads do not queue behind the compiler.
        renderer.prepare();
        ExecutorService pool = Executors.newFixedThreadPool(threads, namedThreads());
        try {
            // The combined report is the longest: submitted first, it runs beside the unit reports.
            List<VarianceReport> ordered = reports.stream().sorted(Comparator.comparing(r -> !r.combined())).toList();
            // The PDFs need no payments: they render while the workbooks' payments are read.
            List<Future<Done>> pdfs = ordered.stream().map(r -> submitPdf(pool, r, text, outputs)).toList();
            List<Future<Void>> others = ordered.stream().map(r -> pool.<Void>submit(() -> {
                also.write(r);
                return null;
            })).toList();
            boolean severalUnits = reports.stream().anyMatch(r -> !r.combined());
            // Each unit's workbook lists its flagged projects' payments: read once for all units, not once a unit.
            try (UnitPaymentSpill spill = payments == null || !severalUnits ? null
                    : UnitPaymentSpill.of(payments, reports.get(0).asOf(), renderer.temporaryFiles())) {
                if (spill != null) {
                    log.info("Payments of the units' flagged projects read once for {} unit workbooks in {} ms",
                            reports.stream().filter(r -> !r.combined()).count(), (System.nanoTime() - start) / 1_000_000);
                }
                WorkbookDetails workbook = details.withPayments(spill == null ? payments : spill.asSource());
                List<Rendering> combined = new ArrayList<>();
                List<Rendering> units = new ArrayList<>();
                for (int i = 0; i < ordered.size(); i++) {
                    VarianceReport report = ordered.get(i);
                    (report.combined() ? combined : units).add(new Rendering(report, pdfFile(outputs, report),
                            xlsxFile(outputs, report), pdfs.get(i), submitXlsx(pool, report, text, outputs, workbook)));
                }
                Done combinedDone = waitFor(combined);
                Done unitsDone = waitFor(units);
                for (Future<Void> other : others) {
                    DocumentTasks.result(other, REPORTS);
                }
                long end = System.nanoTime();
                return new Written(Duration.ofNanos(Math.max(0, combinedDone.at() - start)),
                        Duration.ofNanos(Math.max(0, unitsDone.at() - start)), Duration.ofNanos(end - start),
                        units.size(), threads, combinedDone.timings(), unitsDone.timings());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One document written: its phases and when it was done (System.nanoTime). */
    private record Done(ReportRenderer.Timings timings, long at) {

        Done and(Done other) {
            return new Done(timings.plus(other.timings), Math.max(at, other.at));
        }
    }

    /** A report's two documents on their way. */
    private record Rendering(VarianceReport report, Path pdf, Path xlsx, Future<Done> pdfDone, Future<Done> xlsxDone) {
    }

    private Future<Done> submitPdf(ExecutorService pool, VarianceReport report, ReportText text, OutputFiles outputs) {
        Path pdf = pdfFile(outputs, report);
        return pool.submit(() -> new Done(renderer.writePdf(report, text, pdf), System.nanoTime()));
    }

    private Future<Done> submitXlsx(ExecutorService pool, VarianceReport report, ReportText text, OutputFiles outputs,
            WorkbookDetails details) {
        Path xlsx = xlsxFile(outputs, report);
        return pool.submit(() -> {
            // The unit's officers get the workbook too: its own projects, payments and rejects (issue 14).
            WorkbookDetails forWorkbook = report.combined() ? details : details.forUnit(report.unitCode(),
                    report.rows().stream().map(ReportRow::code).collect(Collectors.toSet()));
            return new Done(renderer.writeXlsx(report, text, xlsx, forWorkbook), System.nanoTime());
        });
    }

    private static Path pdfFile(OutputFiles outputs, VarianceReport report) {
        return report.combined() ? outputs.file("variance", "pdf") : unitPdf(outputs, report);
    }

    private static Path xlsxFile(OutputFiles outputs, VarianceReport report) {
        return report.combined() ? outputs.file("variance", "xlsx") : unitFile(outputs, report, "xlsx");
    }

    /** All done: their phases summed and the latest completion. The first failure stops the rest and is thrown. */
    private static Done waitFor(List<Rendering> renderings) throws IOException {
        Done all = new Done(ReportRenderer.Timings.ZERO, 0);
        for (Rendering rendering : renderings) {
            Done done = DocumentTasks.result(rendering.pdfDone(), REPORTS)
                    .and(DocumentTasks.result(rendering.xlsxDone(), REPORTS));
            ReportRenderer.Timings t = done.timings();
            if (rendering.report().combined()) {
                log.info("Wrote {} and {} (fill {} ms, PDF {} ms, XLSX {} ms)", rendering.pdf(),
                        rendering.xlsx().getFileName(), t.fill().toMillis(), t.pdf().toMillis(), t.xlsx().toMillis());
            } else {
                log.info("Wrote {} and {} (XLSX {} ms)", rendering.pdf(), rendering.xlsx().getFileName(),
                        t.xlsx().toMillis());
            }
            all = all.and(done);
        }
        return all;
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "report-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    static Path unitPdf(OutputFiles outputs, VarianceReport report) {
        return unitFile(outputs, report, "pdf");
    }

    /** A unit's document: {@code variance-<as-of>-<unit>.<ext>}, beside the combined one. */
    static Path unitFile(OutputFiles outputs, VarianceReport report, String extension) {
        return outputs.dir().resolve("variance-" + outputs.asOf() + "-" + report.unitCode() + "." + extension);
    }
}
