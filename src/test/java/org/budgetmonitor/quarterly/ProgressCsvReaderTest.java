package org.budgetmonitor.quarterly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressCsvReaderTest {

    private static final Path SAMPLE = Path.of("sample-data/progress/indicator-progress-2026.csv");

    @TempDir
    Path dir;

    @Test
    void readsAGbkProgressFileAsTheUtf8Sample() throws IOException {
        String text = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        Files.write(dir.resolve(SAMPLE.getFileName()), text.getBytes(Charset.forName("GBK")));

        var gbk = new ProgressCsvReader().read(dir);
        var utf8 = new ProgressCsvReader().read(SAMPLE.getParent());

        assertThat(gbk.problems()).isEmpty();
        assertThat(gbk.progress()).isNotEmpty().isEqualTo(utf8.progress());
    }

    @Test
    void namesTheLineOfAFileInNoEncodingItCanRead() throws IOException {
        byte[] head = "project_code,indicator,date,value\nP1,个数,2026-03-31,4\nP1,".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xFF, (byte) 0xFE, ',', '1', '\n'};
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(dir.resolve("p.csv"), all);

        var result = new ProgressCsvReader().read(dir);

        assertThat(result.progress()).isEmpty();
        assertThat(result.problems()).singleElement().asString().startsWith("p.csv line 3: ");
    }
}
