package org.budgetmonitor.report.html;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.budgetmonitor.report.QuarterlyReport;
import org.budgetmonitor.report.QuarterlyReportRow;
import org.budgetmonitor.report.QuarterlyText;
import org.budgetmonitor.report.QuarterlyUnitLine;
import org.budgetmonitor.report.ReportRow;
import org.budgetmonitor.report.ReportText;
import org.budgetmonitor.report.VarianceReport;
import org.budgetmonitor.support.AtomicFiles;
import org.budgetmonitor.variance.FlagRun;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes the HTML report beside the PDF — {@code variance-<as-of>[-<unit>].html} and
 * {@code quarterly-<as-of>[-<unit>].html} — from the same report model, so its figures are the PDF's.
 * The page is one self-contained file (styles inline, bars as inline SVG, no script, nothing fetched)
 * that reads on a phone and is the HTML body of the report mail. Thymeleaf escapes every value.
 */
public final class HtmlReportWriter {

    /** monitor.report.stale-days' default (ReportProperties). */
    static final int DEFAULT_STALE_DAYS = 3;

    private static final String TEMPLATES = "templates/html/";

    private final TemplateEngine engine;

    public HtmlReportWriter() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(HtmlReportWriter.class.getClassLoader());
        resolver.setPrefix(TEMPLATES);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new HtmlMessages());
    }

    /**
     * One assembled variance report's page (the combined one's or a unit's); safe to call from several
     * threads at once (the engine and its caches are thread-safe).
     *
     * @param since since when each RED or YELLOW project is flagged, by project code (the stored nights')
     */
    public void writeVariance(VarianceReport report, ReportText text, Map<String, FlagRun> since, Path file)
            throws IOException {
        write(file, renderVariance(report, text, since));
    }

    /**
     * The review's page and, when it covers several units, each unit's own page.
     *
     * @param staleDays monitor.report.stale-days: the header warns, as the PDF does, beyond it
     */
    public List<Path> writeQuarterly(QuarterlyReport report, QuarterlyText text, int staleDays, Path combined,
            Function<String, Path> unitFileOf) throws IOException {
        List<Path> written = new ArrayList<>();
        write(combined, renderQuarterly(report, text, null, staleDays));
        written.add(combined);
        if (report.units().size() > 1) {
            for (QuarterlyUnitLine unit : report.units()) {
                Path file = unitFileOf.apply(unit.unitCode());
                write(file, renderQuarterly(report, text, unit.unitCode(), staleDays));
                written.add(file);
            }
        }
        return written;
    }

    /** The page without the flags' history (no "since" on the cards). */
    public String renderVariance(VarianceReport report, ReportText text) {
        return renderVariance(report, text, Map.of());
    }

    public String renderVariance(VarianceReport report, ReportText text, Map<String, FlagRun> since) {
        List<BigDecimal> rates = new ArrayList<>();
        for (ReportRow row : report.rows()) {
            rates.add(row.ratePct());
            rates.add(row.expectedRatePct());
        }
        rates.add(report.summary().executionRatePct());
        Context context = new Context(text.locale(), Map.of(
                "v", new VarianceHtmlView(report, text, since),
                "r", report,
                "s", report.summary(),
                "f", new HtmlFormat(HtmlFormat.scaleFor(rates))));
        return engine.process("variance", context);
    }

    /** The page with monitor.report.stale-days' default limit. */
    public String renderQuarterly(QuarterlyReport report, QuarterlyText text, String unitCode) {
        return renderQuarterly(report, text, unitCode, DEFAULT_STALE_DAYS);
    }

    /** @param unitCode one unit's page, or null for the whole review */
    public String renderQuarterly(QuarterlyReport report, QuarterlyText text, String unitCode, int staleDays) {
        List<BigDecimal> rates = new ArrayList<>();
        report.rows().stream().map(QuarterlyReportRow::ratePct).forEach(rates::add);
        report.units().stream().map(QuarterlyUnitLine::ratePct).forEach(rates::add);
        Context context = new Context(text.locale(), Map.of(
                "v", new QuarterlyHtmlView(report, text, unitCode, staleDays),
                "r", report,
                "f", new HtmlFormat(HtmlFormat.scaleFor(rates))));
        return engine.process("quarterly", context);
    }

    static String htmlLang(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "zh-CN" : locale.toLanguageTag();
    }

    private static void write(Path file, String html) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(html);
            writer.flush();
        });
    }
}
