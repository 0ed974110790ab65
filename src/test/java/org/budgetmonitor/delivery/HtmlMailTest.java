package org.budgetmonitor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.budgetmonitor.support.CsvFiles;
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

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * The report mail as a phone shows it: multipart/mixed holding multipart/alternative (the plain text
 * and the HTML page) and the PDF and XLSX attached; the subject leads with the counts.
 */
@JobTest
@TestPropertySource(properties = {
    "monitor.mail.enabled=true",
    "monitor.mail.from=budget-monitor@unit.example",
    "monitor.mail.recipients.472001=caiwu@unit.example",
    "monitor.mail.recipients.471005=caizheng@unit.example",
    "monitor.mail.attempts=1",
    "spring.mail.host=127.0.0.1"
})
class HtmlMailTest {

    static final int PORT = freePort();
    static final String FINANCE = "沧州临港经济技术开发区财政局本级";

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
    void theNightlyMailIsTextAndHtmlAlternativesWithThePdfAndXlsxAttachedAndTheCountsInTheSubject() throws Exception {
        var execution = job.run(LocalDate.of(2026, 6, 30), Path.of("sample-data/plan"),
                Path.of("sample-data/disbursements"), tmp.resolve("out"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        MimeMessage mail = single(smtp.getReceivedMessages());
        assertThat(mail.getSubject()).isEqualTo("[红2 黄2] 472001 预算执行监控 2026-06-30");
        assertThat(mail.isMimeType("multipart/mixed")).isTrue();
        Multipart mixed = (Multipart) mail.getContent();
        assertThat(mixed.getCount()).isEqualTo(3);
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(mixed.getBodyPart(0).isMimeType("multipart/alternative")).isTrue();
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("红色 2 个，黄色 2 个，绿色 1 个",
                "黄色预警项目：", "，自 2026-06-30 起预警\n"); // a first night: flagged since this date
        BodyPart html = alternative.getBodyPart(1);
        assertThat(html.isMimeType("text/html")).isTrue();
        assertThat(html.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(lines(html))
                .isEqualTo(Files.readString(tmp.resolve("out/2026-06-30/variance-2026-06-30.html")));
        assertThat(attachments(mixed)).containsExactly("variance-2026-06-30.pdf application/pdf",
                "variance-2026-06-30.xlsx application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void eachUnitOfATwoUnitPlanGetsItsOwnPageAsTheBodyBesideItsOwnPdfAndWorkbook() throws Exception {
        var execution = job.run(LocalDate.of(2026, 6, 30), twoUnitPlan(), tmp.resolve("inbox"), tmp.resolve("out"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path out = tmp.resolve("out/2026-06-30");

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        for (MimeMessage mail : received) {
            String unit = mail.getAllRecipients()[0].toString().startsWith("caizheng") ? "471005" : "472001";
            long red = flags(out.resolve("variance-2026-06-30.csv"), unit, "RED");
            long yellow = flags(out.resolve("variance-2026-06-30.csv"), unit, "YELLOW");
            assertThat(mail.getSubject()).isEqualTo("[红" + red + " 黄" + yellow + "] " + unit + " 预算执行监控 2026-06-30");
            Multipart mixed = (Multipart) mail.getContent();
            Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
            assertThat(lines(alternative.getBodyPart(1)))
                    .isEqualTo(Files.readString(out.resolve("variance-2026-06-30-" + unit + ".html")));
            // The unit's own workbook (its projects, totals, 支付明细) beside its PDF.
            assertThat(attachments(mixed)).extracting(a -> a.split(" ")[0]).containsExactly(
                    "variance-2026-06-30-" + unit + ".pdf", "variance-2026-06-30-" + unit + ".xlsx");
        }
    }

    @Test
    void theQuarterlyMailCarriesTheReviewsPageAndItsCountsInTheSubject() throws Exception {
        var execution = job.runQuarterly(LocalDate.of(2026, 9, 30), Path.of("sample-data/plan"),
                Path.of("sample-data/disbursements"), tmp.resolve("out"), Path.of("sample-data/progress"), false);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path out = tmp.resolve("out/2026-09-30");

        MimeMessage mail = single(smtp.getReceivedMessages());
        long red = flags(out.resolve("quarterly-2026-09-30.csv"), "472001", "RED");
        long yellow = flags(out.resolve("quarterly-2026-09-30.csv"), "472001", "YELLOW");
        assertThat(mail.getSubject()).isEqualTo("[红" + red + " 黄" + yellow + "] 472001 预算执行季度分析 2026-09-30");
        Multipart mixed = (Multipart) mail.getContent();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(lines(alternative.getBodyPart(1)))
                .isEqualTo(Files.readString(out.resolve("quarterly-2026-09-30.html")));
        assertThat(attachments(mixed)).extracting(a -> a.split(" ")[0])
                .containsExactly("quarterly-2026-09-30.pdf", "quarterly-2026-09-30.xlsx");
    }

    /** A text part as sent: SMTP carries lines ended by CRLF, the file has LF. */
    private static String lines(BodyPart part) throws Exception {
        return ((String) part.getContent()).replace("\r\n", "\n");
    }

    private static MimeMessage single(MimeMessage[] received) {
        assertThat(received).hasSize(1);
        return received[0];
    }

    /** "name type" of each attachment, after the body part. */
    private static List<String> attachments(Multipart mixed) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            assertThat(part.getDisposition()).isEqualToIgnoringCase("attachment");
            names.add(part.getFileName() + " " + part.getContentType().split(";")[0].strip());
        }
        return names;
    }

    /** Planned rows of the unit with the flag, from the run's CSV. */
    private static long flags(Path csv, String unit, String flag) throws IOException {
        try (Reader reader = CsvFiles.openUtf8(csv)) {
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords();
            return rows.stream().filter(r -> unit.equals(r.get("unit_code")) && flag.equals(r.get("flag"))).count();
        }
    }

    private Path twoUnitPlan() throws IOException {
        Path plan = Files.createDirectories(tmp.resolve("plan"));
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        for (String file : List.of("projects.csv", "indicators.csv")) {
            Files.copy(Path.of("sample-data/plan", file), plan.resolve(file));
        }
        Files.writeString(plan.resolve("projects.csv"), String.join("\n",
                "2026,471005," + FINANCE + ",13091626P000100000001,财政信息化运维,30.00,30.00,,运维,保障运行,AUTO,"
                        + "5.00,15.00,20.00,30.00",
                ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path payments = inbox.resolve("finance-2026-01-01_2026-06-30.csv");
        Files.copy(Path.of("sample-data/disbursements/finance-2026-01-01_2026-06-30.csv"), payments);
        Files.writeString(payments, String.join("\n",
                "2026-02-11,13091626P000100000001,财政信息化运维,20000.00,JZ-2026-0901,某科技公司,运维费,一般公共预算",
                ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return plan;
    }
}
