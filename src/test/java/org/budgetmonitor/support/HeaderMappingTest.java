package org.budgetmonitor.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class HeaderMappingTest {

    /** What {@link HeaderMapping#normalise} means, written the slow, obvious way. */
    private static String definition(String name) {
        String s = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC)
                .replace(String.valueOf(CsvFiles.BOM), "").replaceAll("\\s+", "").toLowerCase(Locale.ROOT)
                .replaceAll("^\\*+|\\*+$", "");
        return s.replaceAll("\\((单位:)?(人民币)?(万元|元|%)\\)$", "");
    }

    @Test
    void normalisesFullWidthLettersSpacesCaseAndUnitSuffixes() {
        assertThat(HeaderMapping.normalise("ＡＭＯＵＮＴ")).isEqualTo("amount");
        assertThat(HeaderMapping.normalise(" 项目 编码 ")).isEqualTo("项目编码");
        assertThat(HeaderMapping.normalise("金额（元）")).isEqualTo("金额");
        assertThat(HeaderMapping.normalise("金额(万元)")).isEqualTo("金额");
        assertThat(HeaderMapping.normalise("rate(%)")).isEqualTo("rate");
        assertThat(HeaderMapping.normalise("金额（单位：元）")).isEqualTo("金额");
        assertThat(HeaderMapping.normalise("金额(单位:人民币万元)")).isEqualTo("金额");
        assertThat(HeaderMapping.normalise(CsvFiles.BOM + "支付日期")).isEqualTo("支付日期");
        assertThat(HeaderMapping.normalise("PROJECT_CODE")).isEqualTo("project_code");
        assertThat(HeaderMapping.normalise("*支付日期")).isEqualTo("支付日期");
        assertThat(HeaderMapping.normalise("＊项目编码")).isEqualTo("项目编码");
        assertThat(HeaderMapping.normalise("金额（万元）*")).isEqualTo("金额");
        assertThat(HeaderMapping.normalise("*voucher_no")).isEqualTo("voucher_no");
        assertThat(HeaderMapping.normalise(null)).isEmpty();
    }

    @Test
    void leavesPlainLowerCaseAsciiAsItIs() {
        assertThat(HeaderMapping.normalise("2026-03-31")).isEqualTo("2026-03-31");
        assertThat(HeaderMapping.normalise("voucher_no")).isEqualTo("voucher_no");
        assertThat(HeaderMapping.normalise("")).isEmpty();
    }

    @Test
    void keepsAUnitSuffixThatIsNotAtTheEnd() {
        assertThat(HeaderMapping.normalise("金额(元)合计")).isEqualTo("金额(元)合计");
    }

    @Property(tries = 3000)
    void normalisesEveryNameAsTheDefinitionDoes(@ForAll("names") String name) {
        assertThat(HeaderMapping.normalise(name)).isEqualTo(definition(name));
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> tricky = Arbitraries.strings()
                .withChars("aZ09-_.:/ (%)\t\n\r\u000B\f\u00A0\u3000\u2028\u0085\uFEFF元万金额（）％ＡＺａｚ１ﬆ™İ\u0007\u007F单位：*＊")
                .ofMaxLength(10);
        Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(12);
        Arbitrary<String> suffixed = Arbitraries.of("金额(元)", "金额（万元）", "x(%)", "(元)", "金额(元)\n", "金额(元) ",
                "金额(元)\u2028", "a(元)(元)", "A B(%)", "金额（单位：元）", "金额(单位:人民币万元)", "金额(单位万元)", "*金额(元)", "金额(元)*", "＊支付日期", "**", "a*b");
        return Arbitraries.oneOf(tricky, ascii, suffixed);
    }
}
