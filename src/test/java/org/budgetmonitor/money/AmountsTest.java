package org.budgetmonitor.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AmountsTest {

    @Test
    void readsPlainDecimals() {
        assertThat(Amounts.parse("1234.5")).isEqualTo(new BigDecimal("1234.5"));
        assertThat(Amounts.parse("20")).isEqualTo(new BigDecimal("20"));
        assertThat(Amounts.parse("-20.00")).isEqualTo(new BigDecimal("-20.00"));
        assertThat(Amounts.parse(".5")).isEqualTo(new BigDecimal("0.5"));
        assertThat(Amounts.parse("5.")).isEqualTo(new BigDecimal("5"));
        assertThat(Amounts.parse("+7")).isEqualTo(new BigDecimal("7"));
    }

    @Test
    void keepsTheScaleWritten() {
        assertThat(Amounts.parse("1.50").scale()).isEqualTo(2);
        assertThat(Amounts.parse("-0.00")).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void readsGroupedDigits() {
        assertThat(Amounts.parse("1,234.50")).isEqualTo(new BigDecimal("1234.50"));
        assertThat(Amounts.parse("-1,234,567")).isEqualTo(new BigDecimal("-1234567"));
    }

    @Test
    void readsYenSignsAndTheYuanSuffix() {
        assertThat(Amounts.parse("¥1,234.56")).isEqualTo(new BigDecimal("1234.56"));
        assertThat(Amounts.parse("￥88")).isEqualTo(new BigDecimal("88"));
        assertThat(Amounts.parse("300元")).isEqualTo(new BigDecimal("300"));
        assertThat(Amounts.parse("-¥300元")).isEqualTo(new BigDecimal("-300"));
    }

    @Test
    void readsAccountingNegatives() {
        assertThat(Amounts.parse("(1,234.56)")).isEqualTo(new BigDecimal("-1234.56"));
        assertThat(Amounts.parse("（500）")).isEqualTo(new BigDecimal("-500"));
        assertThat(Amounts.parse("(¥500)")).isEqualTo(new BigDecimal("-500"));
        assertThat(Amounts.parse("￥（500）元")).isEqualTo(new BigDecimal("-500"));
        assertThat(Amounts.parse(" ( 1 234.5 ) ")).isEqualTo(new BigDecimal("-1234.5"));
    }

    @Test
    void refusesAnAmountWithTwoSignsAsNeitherItsNegativeNorItsPositive() {
        // (-5) may be a negative written twice or a negative of a negative: -5 or +5, and no one can tell.
        assertThatThrownBy(() -> Amounts.parse("(-5)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'(-5)' has two signs (brackets and '-'): whether it means -5 or 5 cannot be told");
        assertThatThrownBy(() -> Amounts.parse("-(5)"))
                .hasMessage("'-(5)' has two signs ('-' and brackets): whether it means -5 or 5 cannot be told");
        assertThatThrownBy(() -> Amounts.parse("(+5)"))
                .hasMessage("'(+5)' has two signs (brackets and '+'): whether it means -5 or 5 cannot be told");
        assertThatThrownBy(() -> Amounts.parse("+(5)"))
                .hasMessage("'+(5)' has two signs ('+' and brackets): whether it means -5 or 5 cannot be told");
        assertThatThrownBy(() -> Amounts.parse("(5)-"))
                .hasMessage("'(5)-' has two signs (brackets and '-'): whether it means -5 or 5 cannot be told");
        assertThatThrownBy(() -> Amounts.parse("--1"))
                .hasMessage("'--1' has two signs ('-' and '-'): whether it means -1 or 1 cannot be told");
        assertThatThrownBy(() -> Amounts.parse("+-1,234.50"))
                .hasMessage("'+-1,234.50' has two signs ('+' and '-'): whether it means -1234.50 or 1234.50 cannot be told");
        assertThatThrownBy(() -> Amounts.parse("(\u22125)"))
                .hasMessage("'(\u22125)' has two signs (brackets and '\u2212'): whether it means -5 or 5 cannot be told");
    }

    @Test
    void refusesTwoSignsWhateverTheWidthCurrencySignsYuanAndSpacesAroundThem() {
        for (String text : new String[] {"（－5）", "（－５）", "－（５）", "（＋５）", "（５）－", "¥(-5)", "(-¥5)", "￥（－5）元",
                "(-5)元", "-¥(5)", "( - 5 )", "\u3000(\u3000-5 )\t", "(-1,234.56)", "（－１，２３４．５６）", "(-.5)", "(−5)",
                "-(-5)", "((5))"}) {
            assertThatThrownBy(() -> Amounts.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("'" + text.strip() + "' has ")
                    .hasMessageEndingWith(" cannot be told");
        }
    }

    @Test
    void readsFullWidthDigitsAndPunctuation() {
        assertThat(Amounts.parse("１，２３４．５６")).isEqualTo(new BigDecimal("1234.56"));
        assertThat(Amounts.parse("－１２")).isEqualTo(new BigDecimal("-12"));
    }

    @Test
    void readsTheMinusSign() {
        assertThat(Amounts.parse("\u221242.10")).isEqualTo(new BigDecimal("-42.10"));
    }

    @Test
    void ignoresSpacesAnywhere() {
        assertThat(Amounts.parse("  1 234.5 ")).isEqualTo(new BigDecimal("1234.5"));
        assertThat(Amounts.parse("\u3000- 12\t")).isEqualTo(new BigDecimal("-12"));
    }

    @Test
    void refusesAnEmptyAmount() {
        assertThatThrownBy(() -> Amounts.parse("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount is empty");
        assertThatThrownBy(() -> Amounts.parse(null)).hasMessage("amount is empty");
    }

    @Test
    void refusesTextThatIsNotANumber() {
        assertThatThrownBy(() -> Amounts.parse(" 12a ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'12a' is not a number");
        assertThatThrownBy(() -> Amounts.parse("-")).hasMessage("'-' is not a number");
        assertThatThrownBy(() -> Amounts.parse(".")).hasMessage("'.' is not a number");
        assertThatThrownBy(() -> Amounts.parse("1.2.3")).hasMessage("'1.2.3' is not a number");
        assertThatThrownBy(() -> Amounts.parse("5-")).hasMessage("'5-' is not a number");
        assertThatThrownBy(() -> Amounts.parse("1,234-")).hasMessage("'1,234-' is not a number");
        assertThatThrownBy(() -> Amounts.parse("(-abc)")).hasMessage("'(-abc)' is not a number");
        assertThatThrownBy(() -> Amounts.parse("()")).hasMessage("'()' is not a number");
        assertThatThrownBy(() -> Amounts.parse("(5")).hasMessage("'(5' is not a number");
        assertThatThrownBy(() -> Amounts.parse("12,34")).hasMessage("'12,34' is not a number");
        assertThatThrownBy(() -> Amounts.parse("一百")).hasMessage("'一百' is not a number");
    }

    @Property(tries = 5000)
    void readsEveryTextAsTheDefinitionDoes(@ForAll("texts") String text) {
        BigDecimal expected;
        try {
            expected = Amounts.parseInFull(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            assertThatThrownBy(() -> Amounts.parse(text)).isExactlyInstanceOf(e.getClass()).hasMessage(e.getMessage());
            return;
        }
        // equals, not compareTo: the scale must be the same too
        assertThat(Amounts.parse(text)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> plainish = Arbitraries.strings().withChars("0123456789.-").ofMaxLength(8);
        Arbitrary<String> anything = Arbitraries.strings()
                .withChars("0123456789.,-+() ¥￥元\t\u3000０１９．，（）－＋\u2212e٣")
                .ofMaxLength(10);
        return Arbitraries.oneOf(plainish, anything);
    }
}
