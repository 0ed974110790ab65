package org.budgetmonitor.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.budgetmonitor.nightly.OutputFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the assembled variance reports of a run to their files: the combined PDF and XLSX, then one
 * PDF per unit.
 */
@Component
public class VarianceReportWriter {

    private static final Logger log = LoggerFactory.getLogger(VarianceReportWriter.class);

    /** How long each report took, for the log and the benchmark. */
    public record Written(Duration combined, Duration units, int unitReports) {
    }

    private final ReportRenderer renderer;

    public VarianceReportWriter(ReportRenderer renderer) {
        this.renderer = renderer;
    }

    public Written write(List<VarianceReport> reports, ReportText text, OutputFiles outputs) throws IOException {
        long start = System.nanoTime();
        Duration combined = Duration.ZERO;
        List<VarianceReport> units = new ArrayList<>();
        for (VarianceReport report : reports) {
            if (report.combined()) {
                Path pdf = outputs.file("variance", "pdf");
                Path xlsx = outputs.file("variance", "xlsx");
                renderer.render(report, text, pdf, xlsx);
                combined = Duration.ofNanos(System.nanoTime() - start);
                log.info("Wrote {} and {}", pdf, xlsx.getFileName());
            } else {
                units.add(report);
            }
        }
        long unitsStart = System.nanoTime();
        for (VarianceReport report : units) {
            Path pdf = unitPdf(outputs, report);
            renderer.render(report, text, pdf, null);
            log.info("Wrote {}", pdf);
        }
        return new Written(combined, Duration.ofNanos(System.nanoTime() - unitsStart), units.size());
    }

    static Path unitPdf(OutputFiles outputs, VarianceReport report) {
        return outputs.dir().resolve("variance-" + outputs.asOf() + "-" + report.unitCode() + ".pdf");
    }
}
