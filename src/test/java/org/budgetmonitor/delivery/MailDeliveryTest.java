package org.budgetmonitor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reports mailed to a real SMTP server started in the test, one that refuses, and one that is down. */
@JobTest
@TestPropertySource(properties = {
    "monitor.mail.enabled=true",
    "monitor.mail.from=budget-monitor@unit.example",
    "monitor.mail.recipients.472001=caiwu@unit.example,shenhe@unit.example",
    "monitor.mail.attempts=2",
    "monitor.mail.backoff=10ms",
    "spring.mail.host=127.0.0.1"
})
class MailDeliveryTest {

    // A free port rather than GreenMail's fixed 3025, so that two test runs on one machine do not collide.
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
        } catch (java.io.IOException e) {
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

    private JobExecution nightly(String asOf) throws Exception {
        JobExecution execution = job.run(LocalDate.parse(asOf), Path.of("sample-data/plan"),
                Path.of("sample-data/disbursements"), tmp.resolve("out"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    private static String mailStatus(JobExecution execution) {
        return execution.getExecutionContext().getString(DeliveryTasklet.MAIL_STATUS);
    }

    @Test
    void sendsEachUnitsOfficersItsReportWithAShortChineseSummary() throws Exception {
        JobExecution execution = nightly("2026-06-30");

        assertThat(mailStatus(execution)).isEqualTo("1 sent");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2); // one message, two recipients
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("[红2 黄2] 472001 预算执行监控 2026-06-30");
        List<String> attachments = new ArrayList<>();
        String text = text(mail, attachments);
        assertThat(text).contains("截至 2026-06-30").contains("红色 2 个，黄色 2 个，绿色 1 个")
                .contains("13091626P000177100055 宣传：偏差 -30.00 个百分点（进度滞后、节点计划未完成）")
                .contains("13091626P00017610004U 综合事务管理：偏差 -40.00 个百分点（未支出、节点计划未完成）");
        assertThat(attachments).containsExactly("variance-2026-06-30.pdf", "variance-2026-06-30.xlsx");
    }

    @Test
    void theMailSaysTheDataCutOffWhenTheDataMayBeIncompleteTheOverspendAndTheUnplannedCodesApart() throws Exception {
        nightly("2026-11-30");

        String text = text(smtp.getReceivedMessages()[0], new ArrayList<>());
        // The sample's last payment is dated 11-20: ten days, more than monitor.report.stale-days (3).
        assertThat(text).contains("数据截止 2026-11-20，距截至日期 10 天。")
                .contains("数据可能不完整：最近一笔支付距截至日期 10 天（超过 3 天）")
                .contains("红色 4 个，黄色 0 个，绿色 1 个；计划外支出编码 1 个（不在预算计划中，报告中另行列示，不计入红色）")
                .contains("13091626P000178100047 展会相关费用：偏差 23.61 个百分点（超预算），超支 1.00 万元");
    }

    /** The text/plain body of a message, collecting attachment names on the way. */
    private static String text(Part part, List<String> attachments) throws Exception {
        if (part.getFileName() != null) {
            attachments.add(part.getFileName());
            return "";
        }
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        StringBuilder text = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i), attachments));
            }
        }
        return text.toString();
    }

    @Test
    void sendsTheQuarterlyReviewAfterAQuarterlyRun() throws Exception {
        JobExecution execution = job.runQuarterly(LocalDate.of(2026, 9, 30), Path.of("sample-data/plan"),
                Path.of("sample-data/disbursements"), tmp.resolve("out"), Path.of("sample-data/progress"), false);

        assertThat(mailStatus(execution)).isEqualTo("1 sent");
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).startsWith("[红").endsWith("] 472001 预算执行季度分析 2026-09-30");
        List<String> attachments = new ArrayList<>();
        assertThat(text(mail, attachments)).contains("预算执行情况季度分析报告见附件");
        assertThat(attachments).containsExactly("quarterly-2026-09-30.pdf", "quarterly-2026-09-30.xlsx");
    }

    @Test
    void keepsTheReportOfADownServerAndSendsItWithTheNextRun() throws Exception {
        smtp.stop();
        JobExecution failed = nightly("2026-06-29");
        assertThat(mailStatus(failed)).startsWith("0 sent, NOT DELIVERED (kept for the next run): 472001 2026-06-29");
        assertThat(tmp.resolve("out/2026-06-29/variance-2026-06-29.pdf")).exists();
        assertThat(jdbc.queryForObject("SELECT attempts FROM delivery WHERE as_of = DATE '2026-06-29'", Integer.class))
                .isEqualTo(2);

        smtp.start();
        JobExecution next = nightly("2026-06-30");

        assertThat(mailStatus(next)).isEqualTo("2 sent");
        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject)
                .anySatisfy(s -> assertThat(s).endsWith(" 2026-06-29"))
                .anySatisfy(s -> assertThat(s).endsWith(" 2026-06-30"));
    }

    @Test
    void aServerThatRefusesLeavesTheMessagePendingWithItsAnswer() throws Exception {
        smtp.stop();
        try (RefusingSmtpServer refusing = new RefusingSmtpServer(PORT)) {
            JobExecution execution = nightly("2026-06-30");

            assertThat(mailStatus(execution)).contains("NOT DELIVERED").contains("554");
            assertThat(jdbc.queryForObject("SELECT status FROM delivery", String.class)).isEqualTo("PENDING");
        }
        smtp.start();
    }

    /** An SMTP server that answers every connection with 554 and hangs up. */
    static final class RefusingSmtpServer implements AutoCloseable {

        private final ServerSocket socket;
        private final Thread thread;

        RefusingSmtpServer(int port) throws IOException {
            socket = new ServerSocket(port, 10, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept(); OutputStream out = client.getOutputStream()) {
                        out.write("554 5.3.2 Service refused: no mail accepted here\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
