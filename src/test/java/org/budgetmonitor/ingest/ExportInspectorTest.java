package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
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

    // --- CSV syntax: a bad file is a rejected file, never an exception out of inspect() ---

    private static final String HEADER = "支付日期,项目编码,金额,凭证号,收款人,摘要";

    private Path export(String name, String... lines) throws IOException {
        return Files.writeString(tmp.resolve(name), String.join("\n", lines) + "\n");
    }

    private static List<List<String>> readAsTheIngestDoes(Path file, ExportFormat format) throws IOException {
        try (var reader = ExportFiles.open(file, format);
                var parser = org.apache.commons.csv.CSVParser.parse(reader, ExportFiles.csvFormat(format.delimiter()))) {
            return parser.stream().map(r -> r.toList()).toList();
        }
    }

    @Test
    void rejectsAFileWithAnUnterminatedQuoteAtTheLineWhereTheQuoteOpened() throws IOException {
        Path file = export("open.csv", HEADER, "2026-04-01,P1,100.00,V1,甲,摘要", "2026-04-02,P1,5.00,V2,\"乙公司,摘要",
                "2026-04-03,P1,7.00,V3,丙,摘要");

        var rejection = unreadable(inspector.inspect(file));

        assertThat(rejection.line()).isEqualTo(3);
        assertThat(rejection.reason()).startsWith("a quote opened on line 3 is never closed");
    }

    @Test
    void takesAStrayQuoteInsideAFieldAsTextVerbatimAndSaysSoInANotice() throws IOException {
        Path file = export("stray.csv", HEADER, "2026-04-01,P1,100.00,SQ1,\"沧州某公司\"分公司,办公用品",
                "2026-04-02,P1,5.00,SQ2,乙,摘要");

        var inspection = (ExportInspection.Readable) inspector.inspect(file);

        assertThat(inspection.notices()).containsExactly(new ExportInspection.Notice(2,
                "stray quote in field 5 (收款人) taken as text: \"沧州某公司\"分公司"));
        assertThat(inspection.format().lenientQuotes()).isTrue();
        List<List<String>> rows = readAsTheIngestDoes(file, inspection.format());
        assertThat(rows.get(1)).containsExactly("2026-04-01", "P1", "100.00", "SQ1", "\"沧州某公司\"分公司", "办公用品");
        assertThat(rows.get(2).get(3)).isEqualTo("SQ2");
    }

    @Test
    void aStrayQuoteReadsAsTheSameTextAsTheCorrectlyEscapedField() throws IOException {
        Path stray = export("stray.csv", HEADER, "2026-04-01,P1,100.00,SQ1,  \"沧州某公司\" 分公司  ,办公用品");
        Path escaped = export("escaped.csv", HEADER, "2026-04-01,P1,100.00,SQ1,\"\"\"沧州某公司\"\" 分公司\",办公用品");

        var lenient = (ExportInspection.Readable) inspector.inspect(stray);
        var strict = (ExportInspection.Readable) inspector.inspect(escaped);

        assertThat(readAsTheIngestDoes(stray, lenient.format()).get(1))
                .isEqualTo(readAsTheIngestDoes(escaped, strict.format()).get(1));
        assertThat(strict.notices()).isEmpty();
        assertThat(strict.format().lenientQuotes()).isFalse();
    }

    @Test
    void noticesAQuoteInsideAnUnquotedFieldWhichIsTextAlready() throws IOException {
        Path file = export("mid.csv", HEADER, "2026-04-01,P1,100.00,SQ1,华彩\"印务,办公用品");

        var inspection = (ExportInspection.Readable) inspector.inspect(file);

        assertThat(inspection.notices()).extracting(ExportInspection.Notice::line).containsExactly(2L);
        assertThat(inspection.format().lenientQuotes()).isFalse();
        assertThat(readAsTheIngestDoes(file, inspection.format()).get(1).get(4)).isEqualTo("华彩\"印务");
    }

    @Test
    void rejectsAQuotedFieldWithTextAfterItWhenItsQuotesHoldADelimiterOrALineBreak() throws IOException {
        Path delimiter = export("a.csv", HEADER, "2026-04-01,P1,1.00,V1,甲,摘要", "2026-04-01,P1,100.00,SQ1,\"沧州,某公司\"分公司,办公用品");
        Path lineBreak = export("b.csv", HEADER, "2026-04-01,P1,100.00,SQ1,\"沧州\n某公司\"分公司,办公用品");

        var first = unreadable(inspector.inspect(delimiter));
        var second = unreadable(inspector.inspect(lineBreak));

        assertThat(first.line()).isEqualTo(3);
        assertThat(first.reason()).startsWith("field 5 on line 3 opens with a quote but has text after a closing quote"
                + " and a delimiter inside the quotes: cannot tell where the field ends");
        assertThat(second.line()).isEqualTo(2);
        assertThat(second.reason()).contains("cannot tell where the field ends");
    }

    @Test
    void doubledQuotesInsideAQuotedFieldAreTextNotARunawayQuote() throws IOException {
        // "a"",""b,c" is the text a",“b,c: a scanner that takes "" for close-and-reopen sees a quote opened after c.
        String body = HEADER + "\n2026-04-01,P1,1.00,V1,\"a\"\",\"\"b,c\",摘要\n" + "2026-04-02,P1,1.00,V2,乙,摘要\n".repeat(60_000);
        Path file = Files.writeString(tmp.resolve("doubled.csv"), body);

        var inspection = (ExportInspection.Readable) inspector.inspect(file);

        assertThat(inspection.notices()).isEmpty();
        assertThat(readAsTheIngestDoes(file, inspection.format()).get(1).get(4)).isEqualTo("a\",\"b,c");
    }

    @Test
    void neverThrowsOnAnyMixOfQuotesDelimitersAndLineBreaks() throws IOException {
        java.util.Random random = new java.util.Random(13);
        char[] alphabet = {'"', '"', ',', '\n', '\r', ' ', '1', '甲', '\t', ';'};
        for (int i = 0; i < 1000; i++) {
            StringBuilder body = new StringBuilder(HEADER).append('\n');
            int length = random.nextInt(60);
            for (int j = 0; j < length; j++) {
                body.append(alphabet[random.nextInt(alphabet.length)]);
            }
            Path file = Files.writeString(tmp.resolve("fuzz.csv"), body);

            ExportInspection inspection = inspector.inspect(file);

            if (inspection instanceof ExportInspection.Readable readable) {
                readAsTheIngestDoes(file, readable.format()); // the ingest reads what the inspection let through
            } else {
                assertThat(((ExportInspection.Unreadable) inspection).reason()).isNotBlank();
            }
        }
    }

    // --- I/O errors ---

    @Test
    void rejectsAFileThatCannotBeReadWithTheCauseInsteadOfThrowing() throws IOException {
        Path directory = Files.createDirectory(tmp.resolve("x.csv")); // fails for root too
        Path gone = tmp.resolve("gone.csv");

        var isDirectory = unreadable(inspector.inspect(directory));
        var missing = unreadable(inspector.inspect(gone));

        assertThat(isDirectory.line()).isZero();
        assertThat(isDirectory.reason()).startsWith("cannot read file: ");
        assertThat(missing.reason()).startsWith("cannot read file: it no longer exists");
        assertThat(missing.facts().name()).isEqualTo("gone.csv");
    }

    // --- encodings ---

    @Test
    void rejectsAUtf8FileWithOneLatin1ByteAsMixedAtTheLineOfThatByte() throws IOException {
        byte[] body = concat(("date,project_code,amount,voucher_no,payee,summary\n"
                + "2026-04-01,P1,100.00,V1,沧州华彩印务有限公司,办公用品\n").getBytes(StandardCharsets.UTF_8),
                "2026-04-02,P1,5.00,V2,Caf".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9},
                "s,摘要\n".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(tmp.resolve("mixed.csv"), body);

        var rejection = unreadable(inspector.inspect(file));

        assertThat(rejection.line()).isEqualTo(3);
        assertThat(rejection.reason()).startsWith("file mixes encodings: it holds UTF-8 text");
    }

    @Test
    void rejectsALatin1ExportRatherThanReadingItAsGb18030() throws IOException {
        byte[] body = concat("date,project_code,amount,voucher_no,payee,summary\n2026-04-01,P1,100.00,V1,Caf"
                .getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9}, "s,x\n".getBytes(StandardCharsets.US_ASCII));
        Path file = Files.write(tmp.resolve("latin1.csv"), body);

        var rejection = unreadable(inspector.inspect(file));

        assertThat(rejection.line()).isEqualTo(2);
        assertThat(rejection.reason()).startsWith("file is not UTF-8, and though it decodes as GB18030 it reads as"
                + " WINDOWS-1252 text");
    }

    @Test
    void rejectsBig5AndShiftJisExportsThatHappenToDecodeAsGb18030() throws IOException {
        String ascii = "date,project_code,amount,voucher_no,payee,summary\n";
        Path big5 = Files.write(tmp.resolve("big5.csv"),
                (ascii + "2026-04-01,P1,100.00,V1,滄州華彩印務有限公司,辦公用品\n").getBytes("Big5"));
        Path sjis = Files.write(tmp.resolve("sjis.csv"),
                (ascii + "2026-04-01,P1,100.00,V1,株式会社テスト,事務用品\n").getBytes("Shift_JIS"));

        assertThat(unreadable(inspector.inspect(big5)).reason()).contains("reads as BIG5 text");
        assertThat(unreadable(inspector.inspect(sjis)).reason()).contains("reads as SHIFT_JIS text");
    }

    @Test
    void readsEveryGeneratedGbkExportAsGb18030AndCallsNoneMixed() throws IOException {
        Charset gbk = Charset.forName("GBK");
        java.util.Random random = new java.util.Random(2026);
        int validUtf8ByChance = 0;
        for (int i = 0; i < 2000; i++) {
            int lines = i % 3 == 0 ? 1 + random.nextInt(3) : 1 + random.nextInt(i % 5 == 0 ? 300 : 20);
            String content = GeneratedExports.lines(random, lines, i % 2 == 0);
            byte[] bytes = content.getBytes(gbk);
            Path file = Files.write(tmp.resolve("gbk.csv"), bytes);

            ExportInspection inspection = inspector.inspect(file);

            if (GeneratedExports.isUtf8(bytes)) {
                validUtf8ByChance++; // the strict UTF-8 check comes first, whatever the file was meant as
                continue;
            }
            assertThat(inspection).as("%s", content).isInstanceOf(ExportInspection.Readable.class);
            assertThat(((ExportInspection.Readable) inspection).format().charset()).isEqualTo(ExportInspector.GB18030);
        }
        assertThat(validUtf8ByChance).isLessThan(30);
    }

    @Test
    void rejectsEveryGeneratedUtf8ExportWithLatin1BytesAsMixedAtTheFirstOne() throws IOException {
        java.util.Random random = new java.util.Random(13);
        for (int i = 0; i < 2000; i++) {
            int lines = 1 + random.nextInt(i % 4 == 0 ? 300 : 10);
            List<String> rows = new java.util.ArrayList<>(List.of(GeneratedExports.lines(random, lines, i % 2 == 0)
                    .split("\n")));
            int badLine = 2 + random.nextInt(rows.size() - 1); // 1-based physical line, below the header
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int l = 1; l <= rows.size(); l++) {
                String row = rows.get(l - 1);
                if (l == badLine) {
                    // a company payee keeps enough UTF-8 next to the Latin-1 bytes to tell the file is UTF-8
                    out.write("2026-04-02,P1,5.00,VX,沧州华彩印务有限公司 Caf".getBytes(StandardCharsets.UTF_8));
                    out.write(0xE9);
                    out.write("s,摘要".getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(row.getBytes(StandardCharsets.UTF_8));
                }
                out.write('\n');
            }
            Path file = Files.write(tmp.resolve("mixed.csv"), out.toByteArray());

            var rejection = unreadable(inspector.inspect(file));

            assertThat(rejection.reason()).startsWith("file mixes encodings");
            assertThat(rejection.line()).isEqualTo(badLine);
        }
    }

    @Test
    void readsSmallGbkExportsWithRareNameCharactersAndFewChineseCharacters() throws IOException {
        Charset gbk = Charset.forName("GBK");
        String ascii = "date,project_code,amount,voucher_no,payee,summary\n2026-04-01,P1,100.00,V1,";
        for (String payee : List.of("王昇,", "李珺,", "张玥,", "刘堃,", "陈喆,", "林,", "张三,", "沧州,", "王,差旅",
                "赵,会议", "周敏,办公用品", "孙强,印刷费")) {
            Path file = Files.write(tmp.resolve("small.csv"), (ascii + payee + "\n").getBytes(gbk));

            ExportInspection inspection = inspector.inspect(file);

            assertThat(inspection).as(payee).isInstanceOf(ExportInspection.Readable.class);
        }
    }

    @Test
    void namesTheRealLineOfTheFirstBadByteFarIntoTheFile() throws IOException {
        StringBuilder lines = new StringBuilder(HEADER).append('\n');
        for (int i = 2; i < 500; i++) {
            lines.append("2026-04-01,P1,1.00,V").append(i).append(",沧州华彩印务有限公司,办公用品\n");
        }
        byte[] bytes = concat(lines.toString().getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, '\n'});
        Path file = Files.write(tmp.resolve("line500.csv"), bytes);
        var utf8Profile = new ExportInspector(new IngestProperties(1000, IngestProperties.AcceptMode.ALL, 60, 1 << 20,
                null, List.of(new SourceProfile("财务软件", "*.csv", "UTF-8", null, null, Map.of())), true));

        assertThat(unreadable(inspector.inspect(file)).line()).isEqualTo(500);
        assertThat(unreadable(utf8Profile.inspect(file)).reason()).contains("first bad byte on line 500");
        assertThat(org.budgetmonitor.support.CsvFiles.firstUndecodableLine(file, StandardCharsets.UTF_8)).isEqualTo(500);
    }

    @Test
    void readsALargeUtf16ExportAndNamesTheRealLineOfABadCharacterFarIntoIt() throws IOException {
        // 上 is 0A 4E in UTF-16LE: a byte count of lines would see a line break in every one of them.
        StringBuilder lines = new StringBuilder(HEADER).append('\n');
        for (int i = 2; i < 5000; i++) {
            lines.append("2026-04-01,P1,1.00,V").append(i).append(",上海华彩印务有限公司,办公用品\n");
        }
        byte[] good = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, lines.toString().getBytes(StandardCharsets.UTF_16LE));
        Path file = Files.write(tmp.resolve("unicode.csv"), good);
        Path bad = Files.write(tmp.resolve("bad-unicode.csv"), concat(good, new byte[] {0x00, (byte) 0xDC, '\n', 0}));

        var inspection = (ExportInspection.Readable) inspector.inspect(file);
        assertThat(inspection.format().charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(inspection.facts().size()).isEqualTo(good.length);
        assertThat(inspection.payDates().toString()).isEqualTo("2026-04-01…2026-04-01");
        assertThat(unreadable(inspector.inspect(bad)).line()).isEqualTo(5000);
    }

    @Test
    void rejectsAFileWithAByteOrderMarkThatIsNotValidUtf8() throws IOException {
        byte[] bytes = concat("\uFEFF支付日期,项目编码,金额,凭证号\n2026-01-01,P1,1,V\n".getBytes(StandardCharsets.UTF_8),
                "2026-01-02,P1,1,".getBytes(StandardCharsets.US_ASCII), "沧州".getBytes(Charset.forName("GBK")),
                new byte[] {'\n'});
        Path file = Files.write(tmp.resolve("bom-gbk.csv"), bytes);

        var rejection = unreadable(inspector.inspect(file));

        assertThat(rejection.line()).isEqualTo(3);
        assertThat(rejection.reason()).startsWith("file starts with a UTF-8 byte-order mark but is not valid UTF-8");
    }

    @Test
    void theUtf8TallyAgreesWithTheJdksStrictDecoderOnRandomBytes() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 50_000; i++) {
            byte[] bytes = new byte[random.nextInt(12)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(0x100));
            }
            var tally = new org.budgetmonitor.support.TextEncoding.Utf8Tally();
            for (byte b : bytes) {
                tally.feed(b & 0xFF, 1);
            }
            tally.end();

            assertThat(tally.valid()).as(java.util.HexFormat.of().formatHex(bytes)).isEqualTo(GeneratedExports.isUtf8(bytes));
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
