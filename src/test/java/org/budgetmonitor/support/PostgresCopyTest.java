package org.budgetmonitor.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** COPY's CSV fields: texts always quoted with their quotes doubled, nothing at all for null. */
class PostgresCopyTest {

    private static String text(String value) {
        return PostgresCopy.text(new StringBuilder("x,"), value).toString();
    }

    @Test
    void quotesEveryTextAndDoublesTheQuotesInside() {
        assertThat(text("沧州某公司")).isEqualTo("x,\"沧州某公司\"");
        assertThat(text("\"沧州某公司\"分公司")).isEqualTo("x,\"\"\"沧州某公司\"\"分公司\"");
        assertThat(text("a\"")).isEqualTo("x,\"a\"\"\"");
        assertThat(text("第一行\n第二行\\.")).isEqualTo("x,\"第一行\n第二行\\.\"");
    }

    @Test
    void anEmptyTextStaysEmptyAndNullIsNothing() {
        assertThat(text("")).isEqualTo("x,\"\"");
        assertThat(text(null)).isEqualTo("x,");
        assertThat(PostgresCopy.field(new StringBuilder(), null)).isEmpty();
        assertThat(PostgresCopy.field(new StringBuilder(), new BigDecimal("1E+3")).toString()).isEqualTo("1000");
        assertThat(PostgresCopy.field(new StringBuilder(), true).toString()).isEqualTo("t");
    }
}
