package org.budgetmonitor.report;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.Reason;

/**
 * The report's words in one language: the same bundle the templates read through {@code $R{..}},
 * so text assembled in Java (reasons, lists) and text in the templates never disagree.
 */
public final class ReportText {

    static final String BUNDLE = "report/report";

    private final Locale locale;
    private final ResourceBundle bundle;

    private ReportText(Locale locale, ResourceBundle bundle) {
        this.locale = locale;
        this.bundle = bundle;
    }

    /**
     * @param languageTag "zh" or "en"; anything else is refused rather than silently falling back
     *        to the JVM's default locale, which differs between a developer's laptop and the server
     */
    public static ReportText forLanguage(String languageTag) {
        Locale locale = Locale.forLanguageTag(languageTag == null || languageTag.isBlank() ? "zh" : languageTag.strip());
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            if (!bundle.getLocale().getLanguage().equals(locale.getLanguage())) {
                throw new IllegalArgumentException("no report text for --report-locale=" + languageTag);
            }
            return new ReportText(locale, bundle);
        } catch (java.util.MissingResourceException e) {
            throw new IllegalArgumentException("no report text for --report-locale=" + languageTag
                    + " (available: zh, en)", e);
        }
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }

    public String flag(Flag flag) {
        return get("flag." + flag.name());
    }

    /**
     * The flag cell's words: the flag, the reasons that decided it, and a missed checkpoint as a note in
     * brackets, since it never changes the flag: "红色 进度滞后（节点计划未完成）", "绿色（节点计划未完成）",
     * "绿色 正常". A GREEN project that missed its checkpoint is then not read as a contradiction.
     */
    public String flagAndReasons(Flag flag, List<Reason> reasons) {
        boolean onlyTheNote = !reasons.isEmpty() && reasons.stream().allMatch(r -> r == Reason.MISSED_CHECKPOINT);
        return flag(flag) + (onlyTheNote ? "" : " ") + reasonWords(reasons);
    }

    /**
     * The reasons of a flag cell without the flag, as the XLSX's reason column shows them:
     * "进度滞后（节点计划未完成）", "（节点计划未完成）", "正常".
     */
    public String reasonWords(List<Reason> reasons) {
        List<Reason> deciding = reasons.stream().filter(r -> r != Reason.MISSED_CHECKPOINT).toList();
        boolean missed = reasons.contains(Reason.MISSED_CHECKPOINT);
        StringBuilder s = new StringBuilder();
        if (!deciding.isEmpty() || !missed) {
            s.append(reasons(deciding));
        }
        if (missed) {
            s.append(format("flag.note", get("reason." + Reason.MISSED_CHECKPOINT.name())));
        }
        return s.toString();
    }

    public String reasons(List<Reason> reasons) {
        if (reasons.isEmpty()) {
            return get("reason.none");
        }
        return String.join(get("reason.separator"), reasons.stream().map(r -> get("reason." + r.name())).toList());
    }
}
