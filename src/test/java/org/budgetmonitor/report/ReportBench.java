package org.budgetmonitor.report;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders one unit of n projects (a fifth RED, a fifth YELLOW) to PDF and XLSX and prints the
 * timings; jobs/bench-report.sh runs it under /usr/bin/time for the peak memory.
 *
 * <p>Usage: ReportBench &lt;projects&gt; &lt;output-dir&gt;
 */
public final class ReportBench {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        long t0 = System.nanoTime();
        ReportText text = ReportText.forLanguage("zh");
        VarianceReport report = ReportFixtures.manyProjects(n).reports(text).get(0);
        long t1 = System.nanoTime();
        JasperTemplates templates = new JasperTemplates();
        templates.get(JasperTemplates.MAIN);
        templates.get(JasperTemplates.CURVES);
        long t2 = System.nanoTime();
        new ReportRenderer(templates).render(report, text, out.resolve("variance-" + n + ".pdf"),
                out.resolve("variance-" + n + ".xlsx"));
        long t3 = System.nanoTime();
        System.out.printf("projects=%d data=%.2fs compile=%.2fs fill+pdf+xlsx=%.2fs pdf=%d KB xlsx=%d KB%n", n,
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                Files.size(out.resolve("variance-" + n + ".pdf")) / 1024,
                Files.size(out.resolve("variance-" + n + ".xlsx")) / 1024);
    }
}
