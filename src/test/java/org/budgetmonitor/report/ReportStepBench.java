package org.budgetmonitor.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.budgetmonitor.nightly.OutputFiles;

/**
 * The nightly report step at production size: assembles the reports of {@code units} units of
 * {@code perUnit} projects and writes them exactly as WriteReportTasklet does (combined PDF + XLSX,
 * then one PDF per unit), printing the time of each phase and the peak heap. jobs/bench-report.sh
 * {@code --step} runs it under /usr/bin/time for the peak RSS.
 *
 * <p>Usage: ReportStepBench &lt;units&gt; &lt;projects-per-unit&gt; &lt;output-dir&gt;
 */
public final class ReportStepBench {

    public static void main(String[] args) throws Exception {
        int units = Integer.parseInt(args[0]);
        int perUnit = Integer.parseInt(args[1]);
        Path out = Files.createDirectories(Path.of(args[2]));
        long t0 = System.nanoTime();
        ReportText text = ReportText.forLanguage("zh");
        VarianceReportAssembler.Inputs inputs = ReportFixtures.manyUnits(units, perUnit).inputs();
        long t1 = System.nanoTime();
        List<VarianceReport> reports = new VarianceReportAssembler(text).assemble(inputs);
        long t2 = System.nanoTime();
        JasperTemplates templates = new JasperTemplates();
        templates.get(JasperTemplates.MAIN);
        templates.get(JasperTemplates.CURVES);
        long t3 = System.nanoTime();
        OutputFiles outputs = new OutputFiles(out, ReportFixtures.AS_OF);
        Files.createDirectories(outputs.dir());
        var written = new VarianceReportWriter(new ReportRenderer(templates)).write(reports, text, outputs);
        long t4 = System.nanoTime();
        long bytes;
        try (Stream<Path> files = Files.list(outputs.dir())) {
            bytes = files.mapToLong(f -> f.toFile().length()).sum();
        }
        System.out.printf("units=%d projects=%d fixtures=%.2fs assemble=%.2fs compile=%.2fs combined=%.2fs "
                        + "unitPdfs=%d in %.2fs (%.3fs each) write=%.2fs total=%.2fs files=%d MB peakHeap=%d MB%n",
                units, units * perUnit, s(t1 - t0), s(t2 - t1), s(t3 - t2), written.combined().toMillis() / 1e3,
                written.unitReports(), written.units().toMillis() / 1e3,
                written.units().toMillis() / 1e3 / Math.max(1, written.unitReports()), s(t4 - t3), s(t4 - t1),
                bytes >> 20, peakHeapMb());
    }

    private static double s(long nanos) {
        return nanos / 1e9;
    }

    /** Sum of the heap pools' peaks: an upper bound of the peak heap in use. */
    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(u -> u.getUsed()).sum() >> 20;
    }
}
