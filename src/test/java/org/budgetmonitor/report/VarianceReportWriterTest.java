package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.budgetmonitor.support.OutputFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VarianceReportWriterTest {

    private static final JasperTemplates TEMPLATES = new JasperTemplates();

    @TempDir
    Path dir;

    @Test
    void rendersUnitReportsInParallelWithTheSameContentAsOneByOne() throws IOException {
        ReportText text = ReportText.forLanguage("zh");
        List<VarianceReport> reports = ReportFixtures.manyUnits(5, 12).reports(text);

        OutputFiles oneByOne = write(reports, text, 1, "one");
        OutputFiles parallel = write(reports, text, 3, "three");

        List<String> files = names(oneByOne.dir());
        assertThat(files).hasSize(12) // the combined PDF and XLSX, five unit PDFs and five unit XLSX
                .contains("variance-2026-06-30.pdf", "variance-2026-06-30.xlsx", "variance-2026-06-30-470003.pdf",
                        "variance-2026-06-30-470003.xlsx");
        assertThat(names(parallel.dir())).isEqualTo(files);
        for (String pdf : files.stream().filter(f -> f.endsWith(".pdf")).toList()) {
            assertThat(text(parallel.dir().resolve(pdf))).as(pdf).isEqualTo(text(oneByOne.dir().resolve(pdf)));
        }
        assertThat(text(parallel.dir().resolve("variance-2026-06-30-470003.pdf")))
                .contains("编制单位：沧州临港经济技术开发区第3预算单位本级", "13091626P000030000012")
                .doesNotContain("13091626P000020000012");
    }

    @Test
    void theReportsAreWrittenWhenThereAreMoreThreadsThanReports() throws IOException {
        ReportText text = ReportText.forLanguage("zh");
        OutputFiles outputs = write(ReportFixtures.sample().reports(text), text, 8, "sample");
        assertThat(names(outputs.dir())).containsExactly("variance-2026-06-30.pdf", "variance-2026-06-30.xlsx");
    }

    private OutputFiles write(List<VarianceReport> reports, ReportText text, int threads, String name)
            throws IOException {
        OutputFiles outputs = new OutputFiles(dir.resolve(name), ReportFixtures.AS_OF);
        new VarianceReportWriter(new ReportRenderer(TEMPLATES), new ReportProperties(threads, VarianceReportAssembler.DEFAULT_COMBINED_DETAIL_MAX_PROJECTS, 3))
                .write(reports, text, outputs);
        return outputs;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
