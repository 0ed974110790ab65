package org.budgetmonitor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTaskletTest {

    @TempDir
    Path tmp;

    private Path dir(String root, String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(root).resolve(name));
        Files.writeString(dir.resolve("variance.pdf"), "x");
        return dir;
    }

    @Test
    void prunesDatedFoldersOlderThanTheLimitAndTouchesNothingElse() throws IOException {
        Path old = dir("out", "2024-11-23");
        Path limit = dir("out", "2024-11-24");
        Path young = dir("out", "2026-11-20");
        Path oldArchive = dir("archive", "2023-01-05");
        Path notOurs = dir("out", "keep-me");
        Path file = Files.writeString(tmp.resolve("out/2020-01-01"), "a file, not a folder");

        List<String> pruned = new RetentionTasklet(List.of(tmp.resolve("out"), tmp.resolve("archive")),
                LocalDate.of(2026, 11, 24), 730).prune();

        assertThat(pruned).hasSize(2);
        assertThat(old).doesNotExist();
        assertThat(oldArchive).doesNotExist();
        assertThat(limit).exists(); // exactly 730 days old is kept
        assertThat(young).exists();
        assertThat(notOurs).exists();
        assertThat(file).exists();
    }

    @Test
    void zeroDaysKeepsEverything() throws IOException {
        Path old = dir("out", "2001-01-01");

        assertThat(new RetentionTasklet(List.of(tmp.resolve("out")), LocalDate.of(2026, 11, 24), 0).prune()).isEmpty();
        assertThat(old).exists();
    }
}
