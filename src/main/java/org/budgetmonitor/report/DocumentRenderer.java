package org.budgetmonitor.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;

import org.budgetmonitor.support.AtomicFiles;

/**
 * The rendering both documents go through, the nightly variance report ({@link ReportRenderer}) and
 * the quarterly review ({@link QuarterlyReportRenderer}): their templates compiled once, the
 * parameters every page 1 starts from, the fill, and the PDF written atomically with its title and
 * report id. What differs between the two — their parameters, data sources and the workbook — stays
 * with each.
 */
final class DocumentRenderer {

    /** How page 1 states a time: when the report was generated, when a review was issued. */
    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JasperTemplates templates;

    DocumentRenderer(JasperTemplates templates) {
        this.templates = templates;
    }

    /** Compiles the named templates now rather than in the first document that needs them. */
    void prepare(List<String> templateNames) {
        templateNames.forEach(templates::get);
    }

    /** The parameters every document starts from: its language, report id and unit line. */
    static Map<String, Object> parameters(Locale locale, ResourceBundle bundle, String reportId, String unitLine) {
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, locale);
        p.put(JRParameter.REPORT_RESOURCE_BUNDLE, bundle);
        p.put("REPORT_ID", reportId);
        p.put("UNIT_LINE", unitLine);
        return p;
    }

    /** The filled pages of {@code template}. */
    JasperPrint fill(String template, Map<String, Object> parameters, JRDataSource rows) throws JRException {
        return JasperFillManager.getInstance(templates.context()).fill(templates.get(template), parameters, rows);
    }

    /** Writes the filled pages to {@code pdf} atomically, its metadata naming the title and the report id. */
    void writePdf(JasperPrint print, String title, String reportId, Path pdf) throws IOException {
        AtomicFiles.write(pdf, out -> ReportExport.pdf(templates.context(), print, title, reportId, out));
    }

    /** A fill or export failure, as the step reports it. */
    static IOException cannotRender(Path pdf, JRException e) {
        return new IOException("cannot render " + pdf.getFileName() + ": " + e.getMessage(), e);
    }
}
