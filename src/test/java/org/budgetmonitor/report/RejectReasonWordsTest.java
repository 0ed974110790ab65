package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

import org.budgetmonitor.ingest.RejectReason;
import org.junit.jupiter.api.Test;

/** Every reason of a rejection has Chinese words, with every value the stored words hold. */
class RejectReasonWordsTest {

    private static final RejectReasonWords ZH = RejectReasonWords.forLocale(Locale.forLanguageTag("zh"));
    private static final RejectReasonWords EN = RejectReasonWords.forLocale(Locale.forLanguageTag("en"));
    /** Latin words the Chinese text may keep: names of encodings, formats, columns and a setting. */
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z_.-]{2,}");
    private static final List<String> KEPT = List.of("UTF", "GB18030/GBK", "GBK", "CSV", "NUL", "project_code",
            "monitor.ingest.max-amount-yuan");

    @Test
    void everyReasonHasChineseWords() {
        ResourceBundle zh = ResourceBundle.getBundle(RejectReasonWords.BUNDLE, Locale.forLanguageTag("zh"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<String> missing = new ArrayList<>();
        for (RejectReason reason : RejectReason.values()) {
            if (!zh.containsKey(RejectReasonWords.KEY_PREFIX + reason.name())) {
                missing.add(reason.name() + " (" + reason.template() + ")");
            }
        }
        assertThat(missing).as("reasons without Chinese words in report/rejects_zh.properties").isEmpty();
    }

    @Test
    void everyReasonIsSaidInChineseWithItsValuesAndNoEnglishWords() {
        for (RejectReason reason : RejectReason.values()) {
            Object[] values = org.budgetmonitor.ingest.RejectReasonTestValues.of(reason);
            String chinese = ZH.of(reason.text(values));
            String rest = chinese;
            for (Object value : values) {
                String v = String.valueOf(value);
                // MIXED_ENCODINGS' "sequence(s)" is English grammar, which Chinese does without.
                if (!(reason == RejectReason.MIXED_ENCODINGS && v.equals(values[2]))
                        && RejectReason.parse(v).isEmpty()) {
                    assertThat(chinese).as(reason.name()).contains(v);
                }
                rest = rest.replace(v, "");
            }
            List<String> english = LATIN_WORD.matcher(rest).results().map(m -> m.group())
                    .filter(w -> KEPT.stream().noneMatch(w::contains)).toList();
            assertThat(english).as(reason.name() + ": " + chinese).isEmpty();
        }
    }

    @Test
    void aReasonInsideAReasonIsSaidInChineseToo() {
        String stored = RejectReason.FILE_UNREADABLE_NEXT_RUN.text(RejectReason.PERMISSION_DENIED.text());

        assertThat(ZH.of(stored)).isEqualTo("无法读取文件：没有读取权限；文件内容均未计入，下次运行时重新读取");
    }

    @Test
    void wordsNoReasonMakesAreGivenAsStoredAndSaidToBeSo() {
        assertThat(ZH.of("a reason worded by an earlier version")).isEqualTo("（原因原文，本版本未收录其中文）a reason worded by an earlier version");
    }

    @Test
    void theEnglishDocumentsGiveTheStoredWords() {
        String stored = RejectReason.DATE_DOES_NOT_EXIST.text("支付日期 (date)", "2026-02-30");

        assertThat(EN.of(stored)).isEqualTo(stored);
    }
}
