package org.budgetmonitor.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.xml.JRXmlLoader;

import org.springframework.stereotype.Component;

/**
 * The report templates ({@code report-templates/*.jrxml}, packaged on the class path), each compiled
 * once per process: compiling costs about a second, filling a small report a tenth of that.
 */
@Component
public class JasperTemplates {

    public static final String MAIN = "variance-report";
    public static final String CURVES = "variance-curves";
    public static final String UNITS = "variance-units";

    private final SimpleJasperReportsContext context;
    private final ClassLoader loader;
    private final ConcurrentHashMap<String, JasperReport> compiled = new ConcurrentHashMap<>();

    public JasperTemplates() {
        this.loader = JasperTemplates.class.getClassLoader();
        this.context = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
        // Text is drawn as glyph outlines inside charts: PDF viewers then show the Chinese axis labels
        // whatever fonts they have.
        context.setProperty("net.sf.jasperreports.export.pdf.force.svg.shapes", "true");
        context.setProperty("net.sf.jasperreports.export.pdf.producer.factory",
                FastDeflatePdfProducerFactory.class.getName());
    }

    /** The context every fill and export uses: it carries the report font. */
    public synchronized JasperReportsContext context() {
        if (context.getExtensions(net.sf.jasperreports.engine.fonts.FontFamily.class).stream()
                .noneMatch(f -> ReportFonts.FAMILY.equals(f.getName()))) {
            try {
                ReportFonts.register(context, loader);
            } catch (JRException e) {
                throw new IllegalStateException("cannot load " + ReportFonts.FONTS_XML, e);
            }
        }
        return context;
    }

    public JasperReport get(String name) {
        JasperReportsContext ctx = context();
        return compiled.computeIfAbsent(name, n -> compile(ctx, n));
    }

    private JasperReport compile(JasperReportsContext ctx, String name) {
        String resource = "report-templates/" + name + ".jrxml";
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            JasperDesign design = JRXmlLoader.load(ctx, in);
            return JasperCompileManager.getInstance(ctx).compile(design);
        } catch (IOException | JRException e) {
            throw new IllegalStateException("cannot compile " + resource + ": " + e.getMessage(), e);
        }
    }
}
