package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * src/build/fetch-cjk-font.sh as every build runs it: with the font already in the cache it copies
 * the faces and prints nothing (it speaks only when it downloads, once per machine).
 */
class FetchCjkFontScriptTest {

    @TempDir
    Path tmp;

    @Test
    void withTheFontCachedItCopiesTheFacesAndPrintsNothing() throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("cache/noto-sans-sc-0.4.3"));
        for (String name : new String[] {"NotoSansSC_400Regular.ttf", "NotoSansSC_700Bold.ttf", "OFL.txt"}) {
            Files.writeString(cache.resolve(name), "cached " + name);
        }
        Path classes = tmp.resolve("classes");

        ProcessBuilder builder = new ProcessBuilder("bash", "src/build/fetch-cjk-font.sh", classes.toString())
                .redirectErrorStream(true);
        builder.environment().put("BUDGET_MONITOR_FONT_CACHE", tmp.resolve("cache").toString());
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isZero();
        assertThat(output).isEmpty();
        assertThat(classes.resolve("fonts/NotoSansSC_400Regular.ttf")).hasContent("cached NotoSansSC_400Regular.ttf");
        assertThat(classes.resolve("fonts/NotoSansSC-OFL.txt")).hasContent("cached OFL.txt");
    }
}
