package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.budgetmonitor.money.Amounts;
import org.junit.jupiter.api.Test;

/**
 * The reasons of rejections are made from {@link RejectReason} only, and read back from their stored
 * words to the reason and its values: what lets a document say them in another language.
 */
class RejectReasonTest {

    /** Values for a reason's template: a reason itself where the template wraps one. */
    static Object[] sampleValues(RejectReason reason) {
        int count = (int) Pattern.compile("\\{\\d}").matcher(reason.template()).results().count();
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            values[i] = "V" + i + " 值";
        }
        switch (reason) {
            case WHOLE_FILE -> values[0] = RejectReason.QUOTE_NEVER_CLOSED.text(7);
            case FILE_ABANDONED -> values[0] = RejectReason.FILE_CHANGED.text();
            case AMOUNT_UNREADABLE -> values[1] = RejectReason.NOT_A_NUMBER.text("V9 值");
            default -> {
            }
        }
        return values;
    }

    @Test
    void everyReasonIsReadBackFromItsWordsAsItselfWithItsValues() {
        for (RejectReason reason : RejectReason.values()) {
            Object[] values = sampleValues(reason);
            String words = reason.text(values);

            assertThat(RejectReason.parse(words)).as(words).hasValueSatisfying(stated -> {
                assertThat(stated.reason()).isEqualTo(reason);
                assertThat(stated.values()).containsExactly(Stream.of(values).map(String::valueOf).toArray(String[]::new));
            });
        }
    }

    @Test
    void theWordsOfTheIngestAreReadBackReasonsInsideReasonsIncluded() {
        String lineRejected = catchMessage(() -> DisbursementParser.parseAmount("abc", AmountUnit.YUAN, "金额 (amount)"));
        String wrapped = RejectReason.CONTROL_TOTAL_UNREADABLE.text(lineRejected);

        assertThat(lineRejected).isEqualTo("金额 (amount): 'abc' is not a number");
        assertThat(RejectReason.parse(wrapped).orElseThrow().reason()).isEqualTo(RejectReason.CONTROL_TOTAL_UNREADABLE);
        assertThat(RejectReason.parse(lineRejected).orElseThrow().reason()).isEqualTo(RejectReason.AMOUNT_UNREADABLE);
        // Amounts' own words, inside AMOUNT_UNREADABLE.
        assertThat(RejectReason.parse(catchMessage(() -> Amounts.parse(""))).orElseThrow().reason())
                .isEqualTo(RejectReason.AMOUNT_TEXT_EMPTY);
        assertThat(RejectReason.parse(catchMessage(() -> Amounts.parse("x1"))).orElseThrow().reason())
                .isEqualTo(RejectReason.NOT_A_NUMBER);
        assertThat(RejectReason.parse(catchMessage(() -> Amounts.parse("(-5)"))).orElseThrow().reason())
                .isEqualTo(RejectReason.AMOUNT_TWO_SIGNS);
        // An exception's own message inside a reason stays a value, not a reason of its own.
        String io = RejectReason.FILE_UNREADABLE.text("IOException: Input/output error");
        assertThat(RejectReason.parse(io).orElseThrow().values()).containsExactly("IOException: Input/output error");
        assertThat(RejectReason.parse("IOException: Input/output error")).isEmpty();
        assertThat(RejectReason.parse("words of an earlier version")).isEmpty();
    }

    /**
     * Where the ingest hands a reason on, it comes from {@link RejectReason}: no words typed in place (a
     * reason no document could say in Chinese).
     */
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    @Test
    void theIngestHandsOnNoReasonTypedInPlace() throws IOException {
        Pattern handOn = Pattern.compile("(new (ExportInspection\\.)?Unreadable|new Problem|new SyntaxError|scan\\.fail"
                + "|new AwaitingOriginal|new Unplaceable|abandon|rejectWhole|new IngestLine\\.(Rejected|Abandoned))"
                + "\\(([^;]*);", Pattern.DOTALL);
        List<String> typed = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/budgetmonitor/ingest"))) {
            for (Path file : files.filter(f -> !f.endsWith("RejectReason.java")).toList()) {
                String source = Files.readString(file);
                Matcher m = handOn.matcher(source);
                while (m.find()) {
                    // Words typed in place: a string literal with a space in it (a column name or "" is none).
                    if (LITERAL.matcher(m.group(4)).results().anyMatch(l -> l.group().contains(" "))) {
                        typed.add(file.getFileName() + ": " + m.group().strip());
                    }
                }
            }
        }
        assertThat(typed).isEmpty();
        assertThatThrownBy(() -> DisbursementParser.parseDate("", "支付日期 (date)"))
                .hasMessage(RejectReason.FIELD_EMPTY.text("支付日期 (date)"));
    }

    private static String catchMessage(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("no exception");
    }
}
