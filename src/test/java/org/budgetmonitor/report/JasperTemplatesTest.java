package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The templates are compiled by the build and loaded at run time; a template folder of the user's
 * replaces a packaged template, compiled once and kept under its hash.
 */
class JasperTemplatesTest {

    @TempDir
    Path tmp;

    /** Every template of report-templates/, whatever its name: the build compiles them all. */
    private static List<Path> sources() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("report-templates"))) {
            return files.filter(f -> f.toString().endsWith(".jrxml")).sorted().toList();
        }
    }

    private static String name(Path jrxml) {
        String file = jrxml.getFileName().toString();
        return file.substring(0, file.length() - ".jrxml".length());
    }

    /** The packaged units template with a different top margin: a user's own version of it. */
    private static byte[] ownUnitsTemplate() throws Exception {
        String packaged = Files.readString(Path.of("report-templates/variance-units.jrxml"), StandardCharsets.UTF_8);
        String own = packaged.replaceFirst("topMargin=\"\\d+\"", "topMargin=\"7\"");
        assertThat(own).isNotEqualTo(packaged);
        return own.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyTemplateIsOnTheClassPathCompiledFromItsExactText() throws Exception {
        List<Path> sources = sources();
        assertThat(sources).hasSizeGreaterThan(1);
        for (Path source : sources) {
            String resource = "report-templates/" + name(source) + ".jasper";
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                JasperReport compiled = (JasperReport) JRLoader.loadObject(in);
                assertThat(compiled.getProperty(JasperTemplates.SOURCE_SHA256)).as(resource)
                        .isEqualTo(JasperTemplates.sha256(Files.readAllBytes(source)));
            }
        }
    }

    @Test
    void thePackagedTemplatesLoadAsTheirSourcesAre() throws Exception {
        JasperTemplates templates = new JasperTemplates();
        for (Path source : sources()) {
            JasperReport report = templates.get(name(source));
            assertThat(report.getProperty(JasperTemplates.SOURCE_SHA256))
                    .isEqualTo(JasperTemplates.sha256(Files.readAllBytes(source)));
            assertThat(templates.get(name(source))).isSameAs(report);
        }
    }

    @Test
    void aTemplateOfTheTemplateDirReplacesThePackagedOneAndIsCompiledOnceForLaterRuns() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("templates"));
        Path cache = tmp.resolve("cache");
        byte[] own = ownUnitsTemplate();
        Files.write(dir.resolve("variance-units.jrxml"), own);
        String sha = JasperTemplates.sha256(own);

        JasperReport first = new JasperTemplates(dir, cache).get(JasperTemplates.UNITS);
        assertThat(first.getProperty(JasperTemplates.SOURCE_SHA256)).isEqualTo(sha);
        Path kept = cache.resolve("variance-units-" + sha + ".jasper");
        assertThat(kept).isRegularFile();
        FileTime written = FileTime.fromMillis(0);
        Files.setLastModifiedTime(kept, written);

        JasperReport again = new JasperTemplates(dir, cache).get(JasperTemplates.UNITS);
        assertThat(again.getProperty(JasperTemplates.SOURCE_SHA256)).isEqualTo(sha);
        assertThat(Files.getLastModifiedTime(kept)).as("loaded, not compiled and written again").isEqualTo(written);
        // Templates the folder does not hold stay the packaged ones.
        assertThat(new JasperTemplates(dir, cache).get(JasperTemplates.MAIN).getProperty(JasperTemplates.SOURCE_SHA256))
                .isEqualTo(JasperTemplates.sha256(Files.readAllBytes(Path.of("report-templates/variance-report.jrxml"))));
    }

    @Test
    void aKeptCompilationThatIsNotOfTheTemplatesTextIsCompiledAgain() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("templates"));
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        byte[] own = ownUnitsTemplate();
        Files.write(dir.resolve("variance-units.jrxml"), own);
        String sha = JasperTemplates.sha256(own);
        // A file under the right name holding the packaged template's compilation, or garbage.
        try (InputStream packaged = getClass().getClassLoader().getResourceAsStream("report-templates/variance-units.jasper")) {
            Files.write(cache.resolve("variance-units-" + sha + ".jasper"), packaged.readAllBytes());
        }
        assertThat(new JasperTemplates(dir, cache).get(JasperTemplates.UNITS).getProperty(JasperTemplates.SOURCE_SHA256))
                .isEqualTo(sha);

        Files.writeString(cache.resolve("variance-units-" + sha + ".jasper"), "half a file");
        assertThat(new JasperTemplates(dir, cache).get(JasperTemplates.UNITS).getProperty(JasperTemplates.SOURCE_SHA256))
                .isEqualTo(sha);
    }
}
