package org.budgetmonitor.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fonts.InvalidFontException;
import net.sf.jasperreports.engine.fonts.SimpleFontFace;

/**
 * A face of the report font whose AWT font is made from a file in the run's own temporary folder
 * ({@code <data-dir>/tmp/fonts}, emptied at every start). JasperReports makes it from a stream, for which
 * the JDK writes a copy of the 10 MB font into the system's temporary folder and deletes it only when
 * the JVM exits normally: every killed run left one behind, for good (1.1 GB of them in one day of the
 * build machine's killed test runs). The PDF still embeds the face from its class-path file.
 */
final class FileFontFace extends SimpleFontFace {

    private final Path folder;
    private volatile Font font;

    FileFontFace(JasperReportsContext context, SimpleFontFace face, Path folder) {
        super(context);
        this.folder = folder;
        setTtf(face.getTtf(), false);
        setPdf(face.getPdf());
        setEot(face.getEot());
        setSvg(face.getSvg());
        setWoff(face.getWoff());
    }

    @Override
    public synchronized void loadFont() {
        if (font != null) {
            return;
        }
        String ttf = getTtf();
        Path file = folder.resolve(Path.of(ttf).getFileName().toString());
        try (InputStream in = FileFontFace.class.getClassLoader().getResourceAsStream(ttf)) {
            if (in == null) {
                throw new InvalidFontException(ttf, null);
            }
            Files.createDirectories(folder);
            // Written beside and moved: a face another thread is reading is never seen half written.
            Path partial = Files.createTempFile(folder, file.getFileName().toString(), ".part");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            font = Font.createFont(Font.TRUETYPE_FONT, file.toFile());
        } catch (IOException | FontFormatException e) {
            throw new InvalidFontException(ttf, e);
        }
    }

    @Override
    public Font getFont() {
        if (font == null) {
            loadFont();
        }
        return font;
    }

    @Override
    public String getName() {
        return getFont().getName();
    }
}
