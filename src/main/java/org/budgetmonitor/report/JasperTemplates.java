package org.budgetmonitor.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSaver;
import net.sf.jasperreports.engine.xml.JRXmlLoader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The report templates, each loaded once per process. The packaged {@code report-templates/*.jrxml}
 * are compiled by the build (src/build/CompileTemplates.java) to a {@code .jasper} beside them, which
 * loads in a tenth of a second where compiling costs about one. A {@code .jasper} is used only for
 * the very text it was compiled from (the SHA-256 of the {@code .jrxml} it records must match), so an
 * edited template on the class path is compiled here instead. A template of the same name in
 * {@code monitor.report.template-dir} replaces the packaged one; it is compiled once and kept in
 * {@code <data-dir>/cache/templates} under its SHA-256.
 */
@Component
public class JasperTemplates {

    public static final String MAIN = "variance-report";
    public static final String CURVES = "variance-curves";
    public static final String UNITS = "variance-units";
    /** The report property, set at compilation, naming the SHA-256 of the {@code .jrxml} text. */
    static final String SOURCE_SHA256 = "org.budgetmonitor.template.source-sha256";
    private static final String PACKAGED = "report-templates/";
    private static final Logger log = LoggerFactory.getLogger(JasperTemplates.class);

    private final SimpleJasperReportsContext context;
    private final ClassLoader loader;
    private final Path overrides;
    private final Path cache;
    private boolean fontRegistered;
    private final ConcurrentHashMap<String, JasperReport> loaded = new ConcurrentHashMap<>();

    /** The packaged templates only (tests, benchmarks). */
    public JasperTemplates() {
        this((Path) null, null);
    }

    /**
     * @param overrides a folder whose {@code NAME.jrxml} replace the packaged templates, or null
     * @param cache where compiled overrides are kept between runs, or null to keep them in memory only
     */
    public JasperTemplates(Path overrides, Path cache) {
        this.overrides = overrides;
        this.cache = cache;
        this.loader = JasperTemplates.class.getClassLoader();
        this.context = new ReportContext();
        // Chart labels are text in the report's own embedded font (JasperReports maps the chart's AWT
        // font to it), not glyph outlines: outlines made a unit's 40 charts 5 MB of drawing operators,
        // two thirds of its PDF time, and text that no one could search or copy.
        context.setProperty("net.sf.jasperreports.export.pdf.force.svg.shapes", "false");
        context.setProperty("net.sf.jasperreports.export.pdf.producer.factory",
                FastDeflatePdfProducerFactory.class.getName());
    }

    @Autowired
    JasperTemplates(@Value("${monitor.report.template-dir:}") String overrides,
            @Value("${monitor.data-path:data}") Path dataPath, @Value("${monitor.job:nightly}") String job,
            @Value("${monitor.report.enabled:true}") boolean reports) {
        this(overrides.isBlank() ? null : Path.of(overrides), dataPath.resolve("cache").resolve("templates"));
        if (reports && "nightly".equals(job)) {
            warmUp(List.of(MAIN, CURVES, UNITS));
        }
    }

    /**
     * Loads the font and the templates on a thread of their own while the context starts and the
     * first steps run, so that the report step finds them ready: on 2 cores start-up leaves one
     * mostly idle. A failure here is left to the report step, which meets it again and reports it.
     */
    private void warmUp(List<String> names) {
        Thread thread = new Thread(() -> {
            try {
                JasperReportsContext ctx = context();
                names.forEach(this::get);
                for (FontFamily family : ctx.getExtensions(FontFamily.class)) {
                    family.getNormalFace().getFont();
                    family.getBoldFace().getFont();
                }
            } catch (RuntimeException e) {
                log.debug("Report warm-up stopped: {}", e.getMessage());
            }
        }, "report-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** The context every fill and export uses: it carries the report font. */
    public synchronized JasperReportsContext context() {
        if (!fontRegistered) {
            try {
                ReportFonts.register(context, loader);
                fontRegistered = true;
            } catch (JRException e) {
                throw new IllegalStateException("cannot load " + ReportFonts.FONTS_XML, e);
            }
        }
        return context;
    }

    public JasperReport get(String name) {
        JasperReportsContext ctx = context();
        return loaded.computeIfAbsent(name, n -> load(ctx, n));
    }

    private JasperReport load(JasperReportsContext ctx, String name) {
        Path override = overrides == null ? null : overrides.resolve(name + ".jrxml");
        if (override != null && Files.isRegularFile(override)) {
            try {
                return overridden(ctx, override, Files.readAllBytes(override));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the report template " + override, e);
            }
        }
        String source = PACKAGED + name + ".jrxml";
        byte[] text = resource(source);
        if (text == null) {
            throw new IllegalStateException(source + " is not on the class path");
        }
        String sha = sha256(text);
        byte[] compiled = resource(PACKAGED + name + ".jasper");
        if (compiled != null) {
            JasperReport report = loadCompiled(compiled, sha);
            if (report != null) {
                return report;
            }
        }
        log.info("Compiling {}: no .jasper compiled from this text on the class path", source);
        return compile(ctx, source, text);
    }

    private JasperReport overridden(JasperReportsContext ctx, Path override, byte[] text) {
        String sha = sha256(text);
        Path cached = cache == null ? null : cache.resolve(nameOf(override) + "-" + sha + ".jasper");
        if (cached != null && Files.isRegularFile(cached)) {
            try {
                JasperReport report = loadCompiled(Files.readAllBytes(cached), sha);
                if (report != null) {
                    return report;
                }
            } catch (IOException e) {
                log.warn("Cannot read the compiled template {}, compiling again: {}", cached, e.getMessage());
            }
        }
        log.info("Compiling the report template {}", override);
        JasperReport report = compile(ctx, override.toString(), text);
        if (cached != null) {
            store(report, cached);
        }
        return report;
    }

    /** The compiled template, or null when it was not compiled from text with this hash or cannot be read. */
    private static JasperReport loadCompiled(byte[] compiled, String sha) {
        try {
            Object object = JRLoader.loadObject(new ByteArrayInputStream(compiled));
            if (object instanceof JasperReport report && sha.equals(report.getProperty(SOURCE_SHA256))) {
                return report;
            }
        } catch (JRException | RuntimeException e) {
            // e.g. compiled by another JasperReports version: compiling the text again is always right
            log.warn("Cannot load a compiled report template, compiling it instead: {}", e.getMessage());
        }
        return null;
    }

    /**
     * Compiles a template's text, recording its hash in the report (see {@link #SOURCE_SHA256}); the
     * build's CompileTemplates calls it too, so both record the hash alike.
     */
    public static JasperReport compile(JasperReportsContext ctx, String source, byte[] text) {
        try {
            JasperDesign design = JRXmlLoader.load(ctx, new ByteArrayInputStream(text));
            design.setProperty(SOURCE_SHA256, sha256(text));
            return JasperCompileManager.getInstance(ctx).compile(design);
        } catch (JRException e) {
            throw new IllegalStateException("cannot compile " + source + ": " + e.getMessage(), e);
        }
    }

    /** Written beside and renamed, so that a run killed meanwhile leaves no half file to load. */
    private static void store(JasperReport report, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            JRSaver.saveObject(report, partial.toFile());
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | JRException e) {
            // Only the next run's time is lost: it compiles the template again.
            log.warn("Cannot keep the compiled template {}: {}", target, e.getMessage());
        }
    }

    private byte[] resource(String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the class path", e);
        }
    }

    static String sha256(byte[] text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static String nameOf(Path jrxml) {
        String file = jrxml.getFileName().toString();
        return file.substring(0, file.length() - ".jrxml".length());
    }
}
