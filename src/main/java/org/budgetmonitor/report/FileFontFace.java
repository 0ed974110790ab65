package org.budgetmonitor.report;

import java.awt.Font;

import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fonts.SimpleFontFace;

/**
 * A face of the report font whose AWT font is made from a file ({@link FontFiles}), not from a
 * stream as JasperReports makes it. The PDF still embeds the face from its class-path file.
 */
final class FileFontFace extends SimpleFontFace {

    private volatile Font font;

    FileFontFace(JasperReportsContext context, SimpleFontFace face) {
        super(context);
        setTtf(face.getTtf(), false);
        setPdf(face.getPdf());
        setEot(face.getEot());
        setSvg(face.getSvg());
        setWoff(face.getWoff());
    }

    @Override
    public void loadFont() {
        if (font == null) {
            font = FontFiles.font(getTtf());
        }
    }

    @Override
    public Font getFont() {
        loadFont();
        return font;
    }

    @Override
    public String getName() {
        return getFont().getName();
    }
}
