package org.budgetmonitor.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Renders a report into a directory and reads the PDF back as text, page by page. */
final class RenderedReport {

    private static final JasperTemplates TEMPLATES = new JasperTemplates(); // compiled once for all tests

    final Path pdf;
    final Path xlsx;
    final List<String> pages = new ArrayList<>();

    private RenderedReport(Path pdf, Path xlsx) {
        this.pdf = pdf;
        this.xlsx = xlsx;
    }

    static RenderedReport render(ReportFixtures fixtures, String language, Path dir) throws IOException {
        return render(fixtures, 0, language, dir);
    }

    /** @param index which of the assembled reports: 0 the combined one, then one per unit */
    static RenderedReport render(ReportFixtures fixtures, int index, String language, Path dir) throws IOException {
        ReportText text = ReportText.forLanguage(language);
        return render(fixtures.reports(text).get(index), text, dir, fixtures.workbookDetails());
    }

    static RenderedReport render(VarianceReport report, ReportText text, Path dir) throws IOException {
        return render(report, text, dir, WorkbookDetails.NONE);
    }

    static RenderedReport render(VarianceReport report, ReportText text, Path dir, WorkbookDetails details)
            throws IOException {
        RenderedReport rendered = new RenderedReport(dir.resolve("variance.pdf"), dir.resolve("variance.xlsx"));
        new ReportRenderer(TEMPLATES).render(report, text, rendered.pdf, rendered.xlsx, details);
        try (PDDocument doc = Loader.loadPDF(rendered.pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                rendered.pages.add(stripper.getText(doc));
            }
        }
        return rendered;
    }

    String text() {
        return String.join("\n", pages);
    }

    long pagesContaining(String s) {
        return pages.stream().filter(p -> p.contains(s)).count();
    }

    int occurrences(String s) {
        String all = text();
        int count = 0;
        for (int i = all.indexOf(s); i >= 0; i = all.indexOf(s, i + 1)) {
            count++;
        }
        return count;
    }
}
