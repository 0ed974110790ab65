package org.budgetmonitor.report;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.fonts.FontSet;

/**
 * The JasperReports context of every fill and export: JasperReports' defaults, except that the fonts
 * are the report's own only ({@link ReportFonts}). A plain context adds its parent's font families to
 * its own, and looking them up made JasperReports load its icon fonts from streams, each copied by the
 * JDK into the system's temporary folder and left there by a killed run.
 */
final class ReportContext extends SimpleJasperReportsContext {

    private final Map<Class<?>, List<?>> fonts = new ConcurrentHashMap<>();

    ReportContext() {
        super(DefaultJasperReportsContext.getInstance());
    }

    @Override
    public <T> void setExtensions(Class<T> type, List<? extends T> extensions) {
        if (isFont(type)) {
            fonts.put(type, List.copyOf(extensions));
        } else {
            super.setExtensions(type, extensions);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> getExtensions(Class<T> type) {
        return isFont(type) ? (List<T>) fonts.getOrDefault(type, List.of()) : super.getExtensions(type);
    }

    private static boolean isFont(Class<?> type) {
        return type == FontFamily.class || type == FontSet.class;
    }
}
