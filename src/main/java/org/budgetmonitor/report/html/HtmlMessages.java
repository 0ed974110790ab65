package org.budgetmonitor.report.html;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import org.budgetmonitor.report.QuarterlyText;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * The HTML templates' {@code #{key}}: the HTML bundle ({@code report/html_*.properties}) first, then
 * the quarterly and the nightly report's bundles, so a flag, a reason or a note reads on the page
 * exactly as in the PDF. A key found nowhere is an error, not a "??key??" on an officer's phone.
 */
final class HtmlMessages implements IMessageResolver {

    static final String BUNDLE = "report/html";

    private final Map<String, List<ResourceBundle>> bundles = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return "budget-monitor report bundles";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
        Locale locale = context.getLocale();
        for (ResourceBundle bundle : bundlesFor(locale)) {
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return parameters == null || parameters.length == 0 ? pattern
                        : new MessageFormat(pattern, locale).format(parameters);
            }
        }
        return null;
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
            Object[] parameters) {
        throw new IllegalStateException("no report text for key '" + key + "' (" + context.getLocale() + ")");
    }

    private List<ResourceBundle> bundlesFor(Locale locale) {
        return bundles.computeIfAbsent(locale.getLanguage(), language -> {
            QuarterlyText reports = QuarterlyText.forLanguage(language);
            try {
                ResourceBundle own = ResourceBundle.getBundle(BUNDLE, reports.locale(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                return List.of(own, reports.bundle());
            } catch (MissingResourceException e) {
                throw new IllegalArgumentException("no HTML report text for --report-locale=" + language, e);
            }
        });
    }
}
