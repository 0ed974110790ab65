package org.budgetmonitor.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** @param details the combined workbook's reasons and rejects; its payments are this writer's */
    public Written write(List<VarianceReport> reports, ReportText text, OutputFiles outputs, WorkbookDetails details)
            throws IOException {
        long start = System.nanoTime();
        boolean severalUnits = reports.stream().anyMatch(r -> !r.combined());
        // Each unit's workbook lists its flagged projects' payments: read once for all units, not once a unit.
        try (UnitPaymentSpill spill = payments == null || !severalUnits ? null
                : UnitPaymentSpill.of(payments, reports.get(0).asOf(), renderer.temporaryFiles())) {
            if (spill != null) {
                log.info("Payments of the units' flagged projects read once for {} unit workbooks in {} ms",
                        reports.stream().filter(r -> !r.combined()).count(), (System.nanoTime() - start) / 1_000_000);
            }
            return write(reports, text, outputs, details.withPayments(spill == null ? payments : spill.asSource()), start);
        }
    }

    private Written write(List<VarianceReport> reports, ReportText text, OutputFiles outputs, WorkbookDetails workbook,
            long start) throws IOException {
        int threads = Math.max(1, Math.min(properties.effectiveThreads(), reports.size()));
        // Compile before the pool starts, so the threads do not queue behind the compiler.
        renderer.prepare();
        ExecutorService pool = Executors.newFixedThreadPool(threads, namedThreads());
        try {
            // The combined report is the longest: submitted first, it runs beside the unit reports.
            List<Future<Done>> combined = new ArrayList<>();
            List<Future<Done>> units = new ArrayList<>();
            for (VarianceReport report : reports) {
                (report.combined() ? combined : units).add(pool.submit(() -> render(report, text, outputs, workbook)));
            }
            Done combinedDone = waitFor(combined, pool);
            Done unitsDone = waitFor(units, pool);
            long end = System.nanoTime();
            return new Written(Duration.ofNanos(Math.max(0, combinedDone.at() - start)),
                    Duration.ofNanos(Math.max(0, unitsDone.at() - start)), Duration.ofNanos(end - start),
                    units.size(), threads, combinedDone.timings(), unitsDone.timings());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One report rendered: its phases and when it was done (System.nanoTime). */
    private record Done(ReportRenderer.Timings timings, long at) {
    }

    private Done render(VarianceReport report, ReportText text, OutputFiles outputs, WorkbookDetails details)
            throws IOException {
        if (report.combined()) {
            Path pdf = outputs.file("variance", "pdf");
            Path xlsx = outputs.file("variance", "xlsx");
            ReportRenderer.Timings timings = renderer.render(report, text, pdf, xlsx, details);
            log.info("Wrote {} and {} (fill {} ms, PDF {} ms, XLSX {} ms)", pdf, xlsx.getFileName(),
                    timings.fill().toMillis(), timings.pdf().toMillis(), timings.xlsx().toMillis());
            return new Done(timings, System.nanoTime());
        }
        // The unit's officers get the workbook too: its own projects, payments and rejects (issue 14).
        Path pdf = unitPdf(outputs, report);
        Path xlsx = unitFile(outputs, report, "xlsx");
        ReportRenderer.Timings timings = renderer.render(report, text, pdf, xlsx, details.forUnit(report.unitCode(),
                report.rows().stream().map(ReportRow::code).collect(java.util.stream.Collectors.toSet())));
        log.info("Wrote {} and {} (XLSX {} ms)", pdf, xlsx.getFileName(), timings.xlsx().toMillis());
        return new Done(timings, System.nanoTime());
    }

    /** All done: their phases summed and the latest completion. The first failure stops the rest and is thrown. */
    private static Done waitFor(List<Future<Done>> futures, ExecutorService pool) throws IOException {
        ReportRenderer.Timings sum = ReportRenderer.Timings.ZERO;
        long last = 0;
        for (Future<Done> future : futures) {
            try {
                Done done = future.get();
                sum = sum.plus(done.timings());
                last = Math.max(last, done.at());
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the reports", e);
            } catch (ExecutionException e) {
                pool.shutdownNow();
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IOException(cause.getMessage(), cause);
            }
        }
        return new Done(sum, last);
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
