package org.budgetmonitor.report;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The quarterly review report's words: its own bundle ({@code report/quarterly_*.properties}) over
 * the nightly report's ({@code report/report_*.properties}), so flag and reason words, the sign-off
 * and the page footer read exactly as in the nightly report. A separate file rather than new keys
 * in the nightly bundle keeps the two reports' wording edits from colliding.
 */
public final class QuarterlyText {

    static final String BUNDLE = "report/quarterly";

    private final ReportText nightly;
    private final ResourceBundle bundle;

    private QuarterlyText(ReportText nightly, ResourceBundle bundle) {
        this.nightly = nightly;
        this.bundle = bundle;
    }

    /** @param languageTag "zh" or "en", refused otherwise, as for the nightly report */
    public static QuarterlyText forLanguage(String languageTag) {
        ReportText nightly = ReportText.forLanguage(languageTag);
        try {
            ResourceBundle own = ResourceBundle.getBundle(BUNDLE, nightly.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return new QuarterlyText(nightly, new Layered(own, nightly.bundle()));
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no quarterly report text for --report-locale=" + languageTag, e);
        }
    }

    public ReportText nightly() {
        return nightly;
    }

    public Locale locale() {
        return nightly.locale();
    }

    /** The bundle the templates read through {@code $R{..}}. */
    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale()).format(args);
    }

    /** The quarterly keys first, then the nightly ones. */
    private static final class Layered extends ResourceBundle {

        private final ResourceBundle own;

        Layered(ResourceBundle own, ResourceBundle fallback) {
            this.own = own;
            setParent(fallback);
        }

        @Override
        protected Object handleGetObject(String key) {
            return own.containsKey(key) ? own.getObject(key) : null;
        }

        @Override
        public Enumeration<String> getKeys() {
            Set<String> keys = new LinkedHashSet<>(own.keySet());
            keys.addAll(parent.keySet());
            return Collections.enumeration(keys);
        }

        @Override
        public Locale getLocale() {
            return own.getLocale();
        }
    }
}
