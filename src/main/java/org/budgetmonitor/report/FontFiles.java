package org.budgetmonitor.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * The report font's AWT fonts, made once per JVM from files of its own:
 * {@code <java.io.tmpdir>/budget-monitor-fonts-<pid>}, removed when the JVM exits and, after a killed
 * one, by the next JVM that makes them (a folder whose process is gone). Made from a stream, as
 * JasperReports does, the JDK wrote a nameless copy of the 10 MB font there for each of the four faces,
 * which a killed run left for good (1.1 GB of them in one day of the build machine's killed test runs).
 * Once per JVM because an AWT font made from a file reads it as long as the font is used.
 */
final class FontFiles {

    static final String PREFIX = "budget-monitor-fonts-";

    private static final Map<String, Font> FONTS = new ConcurrentHashMap<>();
    private static Path folder;

    private FontFiles() {
    }

    /** The AWT font of a TTF on the class path. */
    static Font font(String ttf) {
        return FONTS.computeIfAbsent(ttf, FontFiles::create);
    }

    private static Font create(String ttf) {
        try (InputStream in = FontFiles.class.getClassLoader().getResourceAsStream(ttf)) {
            if (in == null) {
                throw new IllegalStateException("the report font " + ttf + " is not on the class path");
            }
            Path file = folder().resolve(Path.of(ttf).getFileName().toString());
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return Font.createFont(Font.TRUETYPE_FONT, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the report font " + ttf + ": " + e.getMessage(), e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the report font " + ttf + " is not a TrueType font", e);
        }
    }

    private static synchronized Path folder() throws IOException {
        if (folder == null) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            removeLeftBehind(tmp);
            Path own = Files.createDirectories(tmp.resolve(PREFIX + ProcessHandle.current().pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(own), "font-files-cleanup"));
            folder = own;
        }
        return folder;
    }

    /** The folders of JVMs that are gone: killed, as they would otherwise have removed them. */
    static void removeLeftBehind(Path tmp) throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(PREFIX) && !alive(name.substring(PREFIX.length()))) {
                    deleteQuietly(entry);
                }
            }
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not one of ours: left alone
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            FileSystemUtils.deleteRecursively(path);
        } catch (IOException e) {
            // the next JVM tries again
        }
    }
}
