package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRVirtualizer;
import net.sf.jasperreports.engine.JasperPrint;

import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.testing.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report step's temporary files (the virtualizer's ~10 MB swap files) live in
 * {@code <data-dir>/tmp}, not the system's temp folder, and what a killed run left there is
 * removed at the next start.
 */
class ReportTempFilesTest {

    private static final JasperTemplates TEMPLATES = new JasperTemplates();

    @TempDir
    Path tmp;

    @Test
    void theSwapFileOfARenderingIsInTheDataDirsTmpFolderAndGoneAfterwards() throws IOException {
        Path root = tmp.resolve("data/tmp");
        List<String> duringFill = new ArrayList<>();
        ReportRenderer renderer = new ReportRenderer(TEMPLATES, root) {
            @Override
            JasperPrint fill(VarianceReport report, ReportText text, JRVirtualizer virtualizer) throws JRException {
                duringFill.addAll(listing(root)); // the swap file exists from the virtualizer's start to its cleanup
                return super.fill(report, text, virtualizer);
            }
        };
        ReportText text = ReportText.forLanguage("zh");

        renderer.render(ReportFixtures.sample().reports(text).get(0), text, tmp.resolve("v.pdf"), tmp.resolve("v.xlsx"));

        // JRSwapFile names its file swap_<hash>_<millis>, inside the folder it is given.
        assertThat(duringFill).anyMatch(name -> name.startsWith("report-") && name.contains("swap_"));
        assertThat(listing(root)).as("nothing left behind").noneMatch(name -> name.contains("swap_"));
    }

    @Test
    void filesAKilledRunLeftInTheTmpFolderAreRemovedAtTheNextStart() throws IOException {
        Path data = tmp.resolve("data");
        Path left = Files.createDirectories(data.resolve("tmp/report-123"));
        Files.write(left.resolve("+~JF4567.tmp"), new byte[1024]);
        Files.write(data.resolve("tmp/poi-sxssf-sheet1.xml.gz"), new byte[16]);

        // A nightly run, not --job=status: status on a folder without a database now refuses before the lock.
        CommandLine.Run run = CommandLine.run("--as-of=2026-06-30", "--output-dir=" + tmp.resolve("out"),
                "--data-dir=" + data);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(listing(data.resolve("tmp"))).isEmpty();
    }

    private static List<String> listing(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
