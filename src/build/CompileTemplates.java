import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.util.JRSaver;

import org.budgetmonitor.report.JasperTemplates;

/**
 * Build step, run by Maven at process-classes as a single-file program (so it is not in the jar):
 * compiles every {@code *.jrxml} of a folder to a {@code .jasper} beside it, with JasperTemplates'
 * own compile, which records the SHA-256 of the text. Compiling costs about a second a template; the
 * application then loads the {@code .jasper} in a tenth of that.
 *
 * <p>Usage: {@code java -cp <compile class path> src/build/CompileTemplates.java target/classes/report-templates}
 */
public class CompileTemplates {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<Path> sources;
        try (Stream<Path> files = Files.list(dir)) {
            sources = files.filter(f -> f.getFileName().toString().endsWith(".jrxml")).sorted().toList();
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("no *.jrxml in " + dir);
        }
        for (Path source : sources) {
            String name = source.getFileName().toString();
            Path target = dir.resolve(name.substring(0, name.length() - ".jrxml".length()) + ".jasper");
            if (Files.exists(target) && Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(source)) > 0) {
                continue; // compiled by an earlier build after this file was copied (the run checks the hash anyway)
            }
            var report = JasperTemplates.compile(DefaultJasperReportsContext.getInstance(), source.toString(),
                    Files.readAllBytes(source));
            // Written beside and renamed: an interrupted build never leaves half a .jasper to load.
            Path partial = dir.resolve(target.getFileName() + ".part");
            JRSaver.saveObject(report, partial.toFile());
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
