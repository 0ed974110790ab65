package org.budgetmonitor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDate;

import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** --report-locale=en: the subject and the plain-text body are English, as the PDF and the page are. */
@JobTest
@TestPropertySource(properties = {
    "monitor.report.locale=en",
    "monitor.mail.enabled=true",
    "monitor.mail.from=budget-monitor@unit.example",
    "monitor.mail.recipients.472001=caiwu@unit.example",
    "monitor.mail.attempts=1",
    "spring.mail.host=127.0.0.1"
})
class EnglishMailTest {

    static final int PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.port(PORT));

    @DynamicPropertySource
    static void mailPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> PORT);
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    NightlyJobHarness job;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() {
        job.clear();
        jdbc.update("DELETE FROM delivery");
    }

    @Test
    void withTheEnglishReportLocaleTheSubjectAndTheTextBodyAreEnglishAndSayWhenEachFlagBegan() throws Exception {
        var execution = job.run(LocalDate.of(2026, 6, 30), Path.of("sample-data/plan"),
                Path.of("sample-data/disbursements"), tmp.resolve("out"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("[R2 Y2] 472001 Budget execution monitor 2026-06-30");
        Multipart alternative = (Multipart) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
        String text = (String) alternative.getBodyPart(0).getContent();
        assertThat(text).contains("Budget Execution Progress Report", "RED 2, YELLOW 2, GREEN 1",
                "RED projects:", "YELLOW projects:", "flagged since 2026-06-30", "Attachments: variance-2026-06-30.pdf")
                .doesNotContain("各位好", "红色", "个百分点", "附件");
    }
}
