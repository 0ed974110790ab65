package org.budgetmonitor.quarterly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.budgetmonitor.quarterly.QuarterlyOutputs.number;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.budgetmonitor.testing.Exports;
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

/**
 * The quarterly review of a plan with two units (the sample's and a second one): each unit gets its
 * own document to sign, mailed to its own officers; the combined one stays for the finance bureau.
 */
@JobTest
@TestPropertySource(properties = {
    "monitor.mail.enabled=true",
    "monitor.mail.from=budget-monitor@unit.example",
    "monitor.mail.recipients.472001=biomed@unit.example",
    "monitor.mail.recipients.471005=finance@unit.example",
    "monitor.mail.attempts=1",
    "spring.mail.host=127.0.0.1"
})
class QuarterlyUnitDocumentsTest {

    static final LocalDate Q3 = LocalDate.of(2026, 9, 30);
    static final String FINANCE = "沧州临港经济技术开发区财政局本级";
    static final String BIOMED = "沧州临港经济技术开发区生物医药招商局本级";
    static final List<String> FINANCE_CODES = List.of("13091626P000100000001", "13091626P000100000002");
    static final List<String> BIOMED_CODES = List.of("13091626P000175100046", "13091626P00017610004U",
            "13091626P000177100055", "13091626P000178100047", "13091626P00018210006K");
    static final String UNPLANNED = "13091626P000199100001";
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
    Path dir;

    Path plan;
    Path inbox;
    Path progress;

    /** The sample plan plus unit 471005 with two projects, their payments and one indicator each. */
    @BeforeEach
    void twoUnits() throws IOException {
        job.clear();
        jdbc.update("DELETE FROM delivery");
        plan = Files.createDirectories(dir.resolve("plan"));
        inbox = Files.createDirectories(dir.resolve("inbox"));
        progress = Files.createDirectories(dir.resolve("progress"));
        for (String file : List.of("projects.csv", "indicators.csv")) {
            Files.copy(Path.of("sample-data/plan", file), plan.resolve(file));
        }
        for (String file : List.of("finance-2026-01-01_2026-06-30.csv", "finance-2026-01-01_2026-07-31.csv",
                "treasury-2026-08-01_2026-11-30.csv")) {
            Files.copy(Path.of("sample-data/disbursements", file), inbox.resolve(file));
        }
        Files.copy(Path.of("sample-data/progress/indicator-progress-2026.csv"), progress.resolve("progress.csv"));
        append(plan.resolve("projects.csv"),
                "2026,471005," + FINANCE + "," + FINANCE_CODES.get(0) + ",财政信息化运维,30.00,30.00,,运维,保障运行,AUTO,"
                        + "5.00,15.00,20.00,30.00",
                "2026,471005," + FINANCE + "," + FINANCE_CODES.get(1) + ",预算绩效评价,12.00,12.00,,评价,完成评价,AUTO,"
                        + "2.00,6.00,9.00,12.00");
        append(plan.resolve("indicators.csv"), FINANCE_CODES.get(0) + ",产出指标,数量指标,运维系统数,运维系统数,≥3个,往年",
                FINANCE_CODES.get(1) + ",产出指标,质量指标,评价报告质量,评价报告质量,通过专家评审,往年");
        append(progress.resolve("progress.csv"), FINANCE_CODES.get(0) + ",运维系统数,2026-09-30,2个,,,,,,",
                FINANCE_CODES.get(1) + ",评价报告质量,2026-09-30,初稿已完成,,,,,,");
        Exports.write(inbox, "finance-unit-471005.csv", Exports.HEADER,
                "2026-02-11," + FINANCE_CODES.get(0) + ",20000.00,JZ-2026-0901,某科技公司,运维费",
                "2026-05-11," + FINANCE_CODES.get(1) + ",60000.00,JZ-2026-0902,某评估公司,评价费");
    }

    private static void append(Path file, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private JobExecution quarterly(boolean refresh) throws Exception {
        JobExecution execution = job.runQuarterly(Q3, plan, inbox, dir.resolve("out"), progress, refresh);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    private Path out(String name) {
        return dir.resolve("out/2026-09-30").resolve(name);
    }

    @Test
    void everyUnitGetsItsOwnQuarterlyPdfMailedToItsOfficers() throws Exception {
        quarterly(false);

        String combined = String.join("\n", QuarterlyOutputs.pages(out("quarterly-2026-09-30.pdf")));
        assertThat(combined).contains(FINANCE, BIOMED, UNPLANNED).contains(FINANCE_CODES).contains(BIOMED_CODES);
        // The combined document is the finance department's to review, not a unit's to sign.
        List<String> combinedPages = QuarterlyOutputs.pages(out("quarterly-2026-09-30.pdf"));
        assertThat(combinedPages.get(combinedPages.size() - 1)).contains("财务部门审核意见", "审核人", "财务部门负责人", "日期")
                .doesNotContain("单位意见", "单位负责人", "填报人");
        assertOnly("471005", FINANCE, FINANCE_CODES, BIOMED, BIOMED_CODES);
        assertOnly("472001", BIOMED, BIOMED_CODES, FINANCE, FINANCE_CODES);

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        for (MimeMessage mail : mails) {
            String to = mail.getAllRecipients()[0].toString();
            String unit = to.startsWith("finance") ? "471005" : "472001";
            List<String> attachments = new ArrayList<>();
            String body = text(mail, attachments);
            assertThat(attachments).containsExactly("quarterly-2026-09-30-" + unit + ".pdf",
                    "quarterly-2026-09-30-" + unit + ".xlsx");
            // The counts of the subject and the body are those of the unit's rows in the CSV.
            long red = QuarterlyOutputs.csv(out("quarterly-2026-09-30.csv")).stream()
                    .filter(r -> unit.equals(r.get("unit_code")) && r.get("flag").equals("RED")).count();
            long yellow = QuarterlyOutputs.csv(out("quarterly-2026-09-30.csv")).stream()
                    .filter(r -> unit.equals(r.get("unit_code")) && r.get("flag").equals("YELLOW")).count();
            assertThat(mail.getSubject())
                    .isEqualTo("[红" + red + " 黄" + yellow + "] " + unit + " 预算执行季度分析 2026-09-30");
            assertThat(body).contains("红色 " + red + " 个");
        }
    }

    /** A unit's PDF and XLSX: its name, its projects, its id on every page, its sign-off, its totals equal to the CSV. */
    private void assertOnly(String unit, String name, List<String> codes, String otherName, List<String> otherCodes)
            throws IOException {
        List<String> pages = QuarterlyOutputs.pages(out("quarterly-2026-09-30-" + unit + ".pdf"));
        String text = String.join("\n", pages);
        assertThat(text).contains("编制单位：" + name).contains(codes).contains("单位意见", "填报人", "审核人", "单位负责人")
                .doesNotContain(otherName, UNPLANNED).contains("另有 1 个支出编码不在任何单位的预算计划中");
        otherCodes.forEach(code -> assertThat(text).doesNotContain(code));
        assertThat(pages).allSatisfy(page -> assertThat(page).contains("QR-2026-09-30-" + unit + "-V1"));

        List<Map<String, String>> csv = QuarterlyOutputs.csv(out("quarterly-2026-09-30.csv")).stream()
                .filter(r -> unit.equals(r.get("unit_code"))).toList();
        assertThat(csv).extracting(r -> r.get("project_code")).containsExactlyInAnyOrderElementsOf(codes);
        List<Map<String, Object>> sheet = QuarterlyOutputs.table(
                QuarterlyOutputs.sheet(out("quarterly-2026-09-30-" + unit + ".xlsx"), "项目执行情况"));
        for (Map<String, String> r : csv) {
            assertThat(QuarterlyOutputs.rowWith(sheet, "项目编码", r.get("project_code")).orElseThrow())
                    .containsEntry("实际支出（万元）", number(r.get("actual_wan")))
                    .containsEntry("预算（万元）", number(r.get("budget_wan")));
        }
        BigDecimal budget = csv.stream().map(r -> number(r.get("budget_wan"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal actual = csv.stream().map(r -> number(r.get("actual_wan"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> total = QuarterlyOutputs.rowWith(sheet, "单位编码", "合计").orElseThrow();
        assertThat(total).containsEntry("预算（万元）", budget).containsEntry("实际支出（万元）", actual);
        // The unit summary page of the PDF says the same totals.
        assertThat(pages.get(pages.size() - 1)).contains(unit + "　" + name.substring(0, 6))
                .contains(String.format("%,.2f", budget)).contains(String.format("%,.2f", actual));
        List<Map<String, Object>> indicators = QuarterlyOutputs.table(
                QuarterlyOutputs.sheet(out("quarterly-2026-09-30-" + unit + ".xlsx"), "绩效指标"));
        assertThat(indicators).filteredOn(r -> r.get("项目编码") instanceof String c && c.startsWith("13091626P"))
                .allSatisfy(r -> assertThat(codes).contains((String) r.get("项目编码")));
    }

    @Test
    void theQuarterlyMailCountsTheIssuedReviewNotTodaysFigures() throws Exception {
        quarterly(false);
        String issued = body("472001", 0);
        // A back-dated payment makes 宣传 spend on plan today; the issued review (and its documents) still say RED.
        Exports.write(inbox, "late-correction.csv", Exports.HEADER,
                "2026-09-15,13091626P000177100055,60000.00,JZ-2026-0301,某公司,补录九月宣传费");

        quarterly(false);

        assertThat(body("472001", 1)).isEqualTo(issued).contains("红色 2 个");
    }

    private String body(String unit, int run) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (mail.getSubject().contains(" " + unit + " ")) {
                bodies.add(text(mail, new ArrayList<>()));
            }
        }
        return bodies.get(run);
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
}
