package org.budgetmonitor.report;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.budgetmonitor.ingest.RejectReason;

/**
 * A rejection's reason as a document gives it. The ingest stores its words in English and the reject CSV
 * keeps them so; a document in a language with {@code report/rejects_<language>.properties} (Chinese) reads
 * the reason and its values back from the words ({@link RejectReason#parse}) and says it in that language,
 * a value that is itself a reason too. The English documents give the stored words.
 */
final class RejectReasonWords {

    static final String BUNDLE = "report/rejects";
    static final String KEY_PREFIX = "reject.";
    /** Words no reason of this version makes (stored by an earlier one): given as stored, said to be so. */
    static final String UNKNOWN_KEY = "reject.unknown";

    private final ResourceBundle words;

    private RejectReasonWords(ResourceBundle words) {
        this.words = words;
    }

    static RejectReasonWords forLocale(Locale locale) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return new RejectReasonWords(bundle.getLocale().getLanguage().equals(locale.getLanguage()) ? bundle : null);
        } catch (MissingResourceException e) {
            return new RejectReasonWords(null); // the stored words are the language's
        }
    }

    String of(String stored) {
        if (words == null || stored == null) {
            return stored;
        }
        return RejectReason.parse(stored).map(this::say).orElseGet(() -> fill(words.getString(UNKNOWN_KEY), List.of(stored)));
    }

    private String say(RejectReason.Stated stated) {
        List<String> values = stated.values().stream()
                .map(v -> RejectReason.parse(v).map(this::say).orElse(v)).toList();
        return fill(words.getString(KEY_PREFIX + stated.reason().name()), values);
    }

    /** The values put in where the words say {0}, {1}…: as stored, no number formatting or quoting. */
    private static String fill(String template, List<String> values) {
        String s = template;
        for (int i = 0; i < values.size(); i++) {
            s = s.replace("{" + i + "}", values.get(i));
        }
        return s;
    }
}
