package org.budgetmonitor.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.budgetmonitor.report.QuarterlyText;
import org.budgetmonitor.report.ReportFixtures;
import org.budgetmonitor.report.ReportText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report in a real browser (Debian's headless Chromium): one column without sideways
 * scrolling on a 390 × 844 phone, and the desktop layout at 1280 × 800. The screenshots stay in
 * {@code target/html-report/} for a person to look at. Skipped only where Chromium is missing and
 * this is not CI (CI set): {@code .ci/run} installs it, so CI can never skip it silently.
 */
class HtmlReportBrowserTest {

    static final Path OUT = Path.of("target/html-report");

    private static final HtmlReportWriter WRITER = new HtmlReportWriter();
    private static HeadlessChromium browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        Optional<Path> chromium = HeadlessChromium.executable();
        if (chromium.isEmpty()) {
            if (System.getenv("CI") != null) {
                fail("chromium is not installed, and CI must run the browser test (.ci/run installs Debian's chromium)");
            }
            Assumptions.abort("chromium is not installed (apt-get install chromium); the browser test is skipped outside CI");
        }
        Files.createDirectories(OUT);
        browser = new HeadlessChromium(chromium.get(), OUT.resolve("profile"));
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theSampleUnitsPageIsOneColumnOnAPhoneAndWidensOnADesktop() throws Exception {
        ReportText text = ReportText.forLanguage("zh");
        String html = WRITER.renderVariance(ReportFixtures.sample().reports(text).get(0), text);

        fitsAPhoneAndADesktop("variance-sample", html);
    }

    @Test
    void aLongUnbrokenProjectCodeAndNameWrapInsteadOfScrollingSideways() throws Exception {
        for (String language : new String[] {"zh", "en"}) {
            ReportText text = ReportText.forLanguage(language);
            String html = WRITER.renderVariance(HtmlFixtures.nightly().reports(text).get(0), text);
            assertThat(html).contains(HtmlFixtures.LONG_CODE);

            fitsAPhoneAndADesktop("variance-long-names-" + language, html);
        }
    }

    @Test
    void theQuarterlyReviewAndAUnitsPartOfItFitAPhone() throws Exception {
        QuarterlyText text = QuarterlyText.forLanguage("zh");
        fitsAPhoneAndADesktop("quarterly", WRITER.renderQuarterly(HtmlFixtures.quarterly(), text, null));
        fitsAPhoneAndADesktop("quarterly-472001", WRITER.renderQuarterly(HtmlFixtures.quarterly(), text, "472001"));
    }

    private static void fitsAPhoneAndADesktop(String name, String html) throws Exception {
        Path page = OUT.resolve(name + ".html");
        Files.writeString(page, withTestFont(html), StandardCharsets.UTF_8);

        HeadlessChromium.Shot phone = browser.open(page, 390, 844);
        Files.write(OUT.resolve(name + "-390.png"), phone.png());
        Files.write(OUT.resolve(name + "-390-full.png"), phone.fullPagePng());
        HeadlessChromium.Shot desktop = browser.open(page, 1280, 800);
        Files.write(OUT.resolve(name + "-1280.png"), desktop.png());
        Files.write(OUT.resolve(name + "-1280-full.png"), desktop.fullPagePng());

        assertThat(phone.scrollWidth()).as("%s: page width on a 390 px phone (no sideways scrolling)", name)
                .isLessThanOrEqualTo(390);
        // A mobile viewport widens to fit a page that overflows (zoomed out): 390 means it did not.
        assertThat(phone.innerWidth()).as("the phone's layout viewport").isEqualTo(390);
        assertThat(desktop.innerWidth()).isEqualTo(1280);
        assertThat(desktop.scrollWidth()).as("%s: page width at 1280 px", name).isLessThanOrEqualTo(1280);
        assertThat(phone.png()).hasSizeGreaterThan(1000);
    }

    /**
     * The test's copy of the page gets the build's Chinese font (the PDF's Noto Sans SC, fetched by
     * the build) so the screenshots show the Chinese as a phone would; the page under test is
     * otherwise byte for byte the report, and the product page itself never loads a font.
     */
    private static String withTestFont(String html) throws URISyntaxException {
        URL regular = HtmlReportBrowserTest.class.getClassLoader().getResource("fonts/NotoSansSC_400Regular.ttf");
        URL bold = HtmlReportBrowserTest.class.getClassLoader().getResource("fonts/NotoSansSC_700Bold.ttf");
        if (regular == null || bold == null) {
            return html;
        }
        String faces = "<style>"
                + "@font-face{font-family:'Noto Sans SC';font-weight:400;src:url('" + regular.toURI() + "')}"
                + "@font-face{font-family:'Noto Sans SC';font-weight:700;src:url('" + bold.toURI() + "')}"
                + "</style>";
        return html.replace("</head>", faces + "</head>");
    }
}
