package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportInspectorTest {

    private static final Path FIXTURES = Path.of("src/test/resources/exports");

    @TempDir
    Path tmp;

    private final ExportInspector inspector = new ExportInspector(IngestProperties.defaults());

    private static ExportFormat readable(ExportInspection inspection) {
        assertThat(inspection).isInstanceOf(ExportInspection.Readable.class);
        return ((ExportInspection.Readable) inspection).format();
    }

    private static ExportInspection.Unreadable unreadable(ExportInspection inspection) {
        assertThat(inspection).isInstanceOf(ExportInspection.Unreadable.class);
        return (ExportInspection.Unreadable) inspection;
    }

    @Test
    void detectsGbkAndFindsTheHeaderBelowTitleLines() {
        ExportInspection inspection = inspector.inspect(FIXTURES.resolve("gbk-title-lines.csv"));

        ExportFormat format = readable(inspection);
        assertThat(format.charset().name()).isEqualTo("GB18030");
        assertThat(format.headerRecord()).isEqualTo(3);
        assertThat(format.unit()).isEqualTo(AmountUnit.YUAN);
        assertThat(((ExportInspection.Readable) inspection).controlTotal()).isEqualTo("合计 checked: 金额 5,000.50 元");
        assertThat(inspection.facts().sha256()).hasSize(64);
    }

    @Test
    void readsUtf8WithAndWithoutBom() throws IOException {
        Path withBom = Files.writeString(tmp.resolve("bom.csv"), "\uFEFF支付日期,项目编码,金额,凭证号\n2026-01-01,P1,1,V\n");

        assertThat(readable(inspector.inspect(withBom)).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(readable(inspector.inspect(FIXTURES.resolve("layout.csv"))).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void takesTheAmountUnitFromTheHeaderOrFromANoteLine() {
        assertThat(readable(inspector.inspect(FIXTURES.resolve("wan-header.csv"))).unit()).isEqualTo(AmountUnit.WAN);
        assertThat(readable(inspector.inspect(FIXTURES.resolve("wan-note.csv"))).unit()).isEqualTo(AmountUnit.WAN);
    }

    @Test
    void detectsATabDelimiter() {
        assertThat(readable(inspector.inspect(FIXTURES.resolve("tab-separated.csv"))).delimiter()).isEqualTo('\t');
    }

    @Test
    void rejectsAFileWhoseControlTotalDoesNotMatchWithBothFigures() {
        var rejection = unreadable(inspector.inspect(FIXTURES.resolve("total-mismatch.csv")));

        assertThat(rejection.line()).isEqualTo(4);
        assertThat(rejection.reason()).startsWith("control total mismatch: the 合计 row states 310.00 元 for 金额 "
                + "but the file's rows add up to 300.00 元");
    }

    @Test
    void checksTheGrandTotalAndIgnoresSubtotals() {
        var inspection = inspector.inspect(FIXTURES.resolve("subtotals.csv"));

        readable(inspection);
        assertThat(((ExportInspection.Readable) inspection).controlTotal()).contains("350.00");
    }

    @Test
    void checksRequestedAndConfirmedTotalsSeparately() {
        var inspection = inspector.inspect(FIXTURES.resolve("confirmed.csv"));

        assertThat(readable(inspection).hasConfirmation()).isTrue();
        assertThat(((ExportInspection.Readable) inspection).controlTotal())
                .isEqualTo("合计 checked: 金额 6,000.00 元, 实际支付金额 2,990.00 元");
    }

    @Test
    void rejectsBinaryContent() {
        var rejection = unreadable(inspector.inspect(FIXTURES.resolve("garbage.csv")));

        assertThat(rejection.reason()).contains("binary");
    }

    @Test
    void rejectsAHugeSingleLineWithoutReadingItIntoMemory() throws IOException {
        Path huge = tmp.resolve("one-line.csv");
        try (OutputStream out = Files.newOutputStream(huge)) {
            byte[] block = "x,".repeat(1 << 15).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 100 * 16; i++) { // 100 MiB, no line break
                out.write(block);
            }
        }

        var rejection = unreadable(inspector.inspect(huge));

        assertThat(rejection.reason()).isEqualTo("line 1 is longer than 1048576 bytes: not a payment export");
    }

    @Test
    void rejectsAnUnterminatedQuoteThatWouldSwallowTheFile() throws IOException {
        Path runaway = tmp.resolve("runaway.csv");
        String body = "支付日期,项目编码,金额,凭证号\n2026-01-01,P1,1,\"V1\n" + "2026-01-02,P1,1,V2\n".repeat(80_000);
        Files.writeString(runaway, body);

        var rejection = unreadable(inspector.inspect(runaway));

        assertThat(rejection.reason()).startsWith("a quoted field opened on line 2 runs on for more than");
    }

    @Test
    void rejectsAFileWithoutAnyRecognisableHeader() throws IOException {
        Path notAnExport = Files.writeString(tmp.resolve("notes.csv"), "会议纪要\n今天讨论了预算\n");

        assertThat(unreadable(inspector.inspect(notAnExport)).reason()).startsWith("no header row naming");
    }

    @Test
    void rejectsContentThatIsNotInTheEncodingItsProfileDeclares() {
        var profiles = List.of(
                new SourceProfile("财务软件", "claims-utf8.csv", "UTF-8", null, null, Map.of()),
                new SourceProfile("国库", "claims-gbk.csv", "GBK", null, null, Map.of()));
        var strict = new ExportInspector(new IngestProperties(1000, IngestProperties.AcceptMode.ALL, 60, 1 << 20,
                null, profiles, true));

        var gbkAsUtf8 = unreadable(strict.inspect(FIXTURES.resolve("claims-utf8.csv")));
        var utf8AsGbk = unreadable(strict.inspect(FIXTURES.resolve("claims-gbk.csv")));

        assertThat(gbkAsUtf8.reason()).startsWith("file is not valid UTF-8 as profile '财务软件' says");
        assertThat(utf8AsGbk.reason()).startsWith("file is not valid GBK as profile '国库' says");
    }

    @Test
    void rejectsMojibakeThatDecodesWithoutErrorsButNamesNoColumns() {
        // GB18030 decodes nearly any bytes; UTF-8 Chinese read that way is mojibake, so no header is found.
        var profile = new SourceProfile("国库", "claims-gbk.csv", "GB18030", null, null, Map.of());
        var strict = new ExportInspector(new IngestProperties(1000, IngestProperties.AcceptMode.ALL, 60, 1 << 20,
                null, List.of(profile), true));

        var rejection = unreadable(strict.inspect(FIXTURES.resolve("claims-gbk.csv")));

        assertThat(rejection.reason()).containsAnyOf("no header row naming", "file is not valid GB18030");
    }

    @Test
    void aProfileMapsItsOwnHeaderNames() throws IOException {
        Path export = Files.writeString(tmp.resolve("system-x.csv"), "交易日,预算项目,发生额,单据号\n2026-01-05,P1,10,D1\n");
        var profile = new SourceProfile("system X", "system-*.csv", null, null, AmountUnit.WAN, Map.of(
                "date", List.of("交易日"), "project_code", List.of("预算项目"), "amount", List.of("发生额"),
                "voucher_no", List.of("单据号")));
        var withProfile = new ExportInspector(new IngestProperties(1000, IngestProperties.AcceptMode.ALL, 60, 1 << 20,
                null, List.of(profile), true));

        ExportFormat format = readable(withProfile.inspect(export));

        assertThat(format.profile()).isEqualTo("system X");
        assertThat(format.unit()).isEqualTo(AmountUnit.WAN);
    }
}
