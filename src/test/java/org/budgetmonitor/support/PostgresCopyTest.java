package org.budgetmonitor.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

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
    @Test
    void rowsAreReadAsTheirLinesInOrderWhateverTheReadersBufferAcrossManyParts() throws Exception {
        // Long enough for several parts; lines of varying length so that parts end anywhere.
        List<String> rows = IntStream.range(0, 20_000).mapToObj(i -> "项目" + i + "\"" + "x".repeat(i % 97)).toList();
        PostgresCopy.RowFormat<String> format = (out, index, row) -> {
            out.append(index).append(',');
            PostgresCopy.text(out, row).append('\n');
        };
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            format.line(expected, i, rows.get(i));
        }
        for (int buffer : new int[] {1, 7, 8192, 65536, 1 << 20}) {
            assertThat(readAll(PostgresCopy.lines(rows, format), buffer)).as("buffer %d", buffer)
                    .isEqualTo(expected.toString());
        }
    }

    @Test
    void noRowsReadAsNothing() throws Exception {
        assertThat(PostgresCopy.lines(List.<String>of(), (out, i, row) -> out.append(row)).read(new char[16], 0, 16))
                .isEqualTo(-1);
    }

    private static String readAll(Reader reader, int buffer) throws Exception {
        StringBuilder all = new StringBuilder();
        char[] chars = new char[buffer];
        for (int n; (n = reader.read(chars, 0, buffer)) >= 0;) {
            assertThat(n).as("a read gives at least one character until the end").isPositive();
            all.append(chars, 0, n);
        }
        return all.toString();
    }
}
