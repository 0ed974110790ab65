package org.budgetmonitor.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.budgetmonitor.support.OutputFiles;
import org.budgetmonitor.variance.DataCutOff;

/**
 * The nightly report step at production size: assembles the reports of {@code units} units of
 * {@code perUnit} projects and writes them exactly as WriteReportTasklet does (combined PDF + XLSX and
 * one PDF per unit, through VarianceReportWriter), printing the time of each phase and the peak heap.
 * {@code jobs/bench-report.sh --step} runs it under /usr/bin/time for the peak RSS.
 *
 * <p>Usage: ReportStepBench &lt;units&gt; &lt;projects-per-unit&gt; &lt;output-dir&gt; [threads; 0 = processors]
 * [combined-detail-max-projects]
 */
public final class ReportStepBench {

    public static void main(String[] args) throws Exception {
        int units = Integer.parseInt(args[0]);
        int perUnit = Integer.parseInt(args[1]);
        Path out = Files.createDirectories(Path.of(args[2]));
        ReportProperties properties = new ReportProperties(args.length > 3 ? Integer.parseInt(args[3]) : 0,
                args.length > 4 ? Integer.parseInt(args[4]) : VarianceReportAssembler.DEFAULT_COMBINED_DETAIL_MAX_PROJECTS,
                DataCutOff.DEFAULT_STALE_DAYS);
        long t0 = System.nanoTime();
        ReportText text = ReportText.forLanguage("zh");
        VarianceReportAssembler.Inputs inputs = ReportFixtures.manyUnits(units, perUnit).inputs();
        long t1 = System.nanoTime();
        List<VarianceReport> reports = new VarianceReportAssembler(text, properties.combinedDetailMaxProjects()).assemble(inputs);
        long t2 = System.nanoTime();
        JasperTemplates templates = new JasperTemplates();
        new ReportRenderer(templates).prepare();
        long t3 = System.nanoTime();
        OutputFiles outputs = new OutputFiles(out, ReportFixtures.AS_OF);
        Files.createDirectories(outputs.dir());
        var written = new VarianceReportWriter(new ReportRenderer(templates), properties).write(reports, text, outputs);
        long t4 = System.nanoTime();
        long bytes;
        try (Stream<Path> files = Files.list(outputs.dir())) {
            bytes = files.mapToLong(f -> f.toFile().length()).sum();
        }
        var c = written.combinedPhases();
        var u = written.unitPhases();
        System.out.printf("units=%d projects=%d threads=%d | fixtures %.1fs, assemble %.1fs, compile %.1fs | "
                        + "combined: fill %.1fs pdf %.1fs xlsx %.1fs, done at %.1fs | %d unit PDFs+XLSX: fill %.1fs pdf %.1fs "
                        + "xlsx %.1fs (summed over threads; %.3fs each), done at %.1fs | report step (assemble+write) %.1fs | "
                        + "files %d MB, peak heap %d MB%n",
                units, units * perUnit, written.threads(), s(t1 - t0), s(t2 - t1), s(t3 - t2),
                s(c.fill()), s(c.pdf()), s(c.xlsx()), s(written.combinedDone()), written.unitReports(),
                s(u.fill()), s(u.pdf()), s(u.xlsx()), s(u.fill().plus(u.pdf()).plus(u.xlsx())) / Math.max(1, written.unitReports()),
                s(written.unitsDone()), s(t4 - t3) + s(t2 - t1), bytes >> 20, peakHeapMb());
    }

    private static double s(long nanos) {
        return nanos / 1e9;
    }

    private static double s(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** Sum of the heap pools' peaks: an upper bound of the peak heap in use. */
    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(m -> m.getUsed()).sum() >> 20;
    }
}
