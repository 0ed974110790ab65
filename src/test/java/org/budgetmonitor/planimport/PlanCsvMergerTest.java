package org.budgetmonitor.planimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.budgetmonitor.plan.PlanCsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCsvMergerTest {

    @TempDir
    Path dir;

    @Test
    void mergesIntoAPlanSavedAsGbkKeepingItsChineseText() throws IOException {
        Charset gbk = Charset.forName("GBK");
        for (String name : new String[] {"projects.csv", "indicators.csv"}) {
            Files.write(dir.resolve(name), Files.readString(Path.of("sample-data/plan", name)).replace("\uFEFF", "").getBytes(gbk));
        }

        new PlanCsvMerger().merge(dir, 2026, java.util.List.of());

        // Written back as UTF-8 (with a BOM for Excel), the same plan as the sample.
        assertThat(Files.readString(dir.resolve("projects.csv"), StandardCharsets.UTF_8))
                .contains("河北省药品医疗器械检验研究院沧州实验室");
        var reader = new PlanCsvReader();
        assertThat(reader.read(dir).projects()).isEqualTo(reader.read(Path.of("sample-data/plan")).projects());
    }
}
