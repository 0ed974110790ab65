package org.budgetmonitor.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontExtensionsReceiver;
import net.sf.jasperreports.engine.fonts.FontFace;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.fonts.FontSet;
import net.sf.jasperreports.engine.fonts.SimpleFontFace;
import net.sf.jasperreports.engine.fonts.SimpleFontFamily;
import net.sf.jasperreports.engine.fonts.SimpleFontExtensionHelper;

/**
 * The report's Chinese font. Without it JasperReports still "succeeds" and every Chinese character
 * silently disappears from the PDF, so its absence is an error that says how to get the font.
 */
public final class ReportFonts {

    public static final String FAMILY = "Noto Sans SC";
    static final String FONTS_XML = "report/fonts.xml";
    static final List<String> FACES = List.of("fonts/NotoSansSC_400Regular.ttf", "fonts/NotoSansSC_700Bold.ttf");

    private ReportFonts() {
    }

    /** Thrown when the font files are not on the class path. */
    public static class MissingFontException extends IllegalStateException {
        MissingFontException(String message) {
            super(message);
        }
    }

    /** Fails unless every face of the family can be read from the class path. */
    public static void check(ClassLoader loader) {
        for (String face : FACES) {
            if (loader.getResource(face) == null) {
                throw new MissingFontException("The report font " + face + " (" + FAMILY + ") is missing, so the "
                        + "PDF would lose its Chinese text; no report was written. Build with `mvn package`, which "
                        + "fetches the font (src/build/fetch-cjk-font.sh needs npm once per machine), "
                        + "then run the job again.");
            }
        }
    }

    /**
     * Registers the family with the given context (instead of a class-path-wide
     * jasperreports_extension.properties), so the font is only ever used after {@link #check}. Its
     * faces' AWT fonts are made from files ({@link FileFontFace}).
     */
    static void register(SimpleJasperReportsContext context, ClassLoader loader) throws JRException {
        check(loader);
        List<FontFamily> families = new ArrayList<>();
        try (InputStream xml = loader.getResourceAsStream(FONTS_XML)) {
            if (xml == null) {
                throw new MissingFontException(FONTS_XML + " is missing");
            }
            // The faces are not loaded while parsing: that would make each from a stream.
            SimpleFontExtensionHelper.getInstance().loadFontExtensions(context, xml, new FontExtensionsReceiver() {
                @Override
                public void acceptFontFamily(FontFamily family) {
                    families.add(family);
                }

                @Override
                public void acceptFontSet(FontSet set) {
                    // fonts.xml declares no font sets
                }
            }, false);
        } catch (IOException e) {
            throw new JRException("cannot read " + FONTS_XML, e);
        }
        if (families.isEmpty()) {
            throw new MissingFontException(FONTS_XML + " declares no font family");
        }
        for (FontFamily family : families) {
            if (family instanceof SimpleFontFamily simple) {
                simple.setNormalFace(fromFile(context, simple.getNormalFace()));
                simple.setBoldFace(fromFile(context, simple.getBoldFace()));
                simple.setItalicFace(fromFile(context, simple.getItalicFace()));
                simple.setBoldItalicFace(fromFile(context, simple.getBoldItalicFace()));
            }
        }
        context.setExtensions(FontFamily.class, families);
    }

    private static SimpleFontFace fromFile(SimpleJasperReportsContext context, FontFace face) {
        return face instanceof SimpleFontFace simple && simple.getTtf() != null
                ? new FileFontFace(context, simple) : (SimpleFontFace) face;
    }
}
