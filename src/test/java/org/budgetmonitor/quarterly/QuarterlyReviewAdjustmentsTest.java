package org.budgetmonitor.quarterly;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

/**
 * The quarterly review of an adjusted plan (预算调整): its documents show 调整后预算 beside 年初预算 and list
 * the adjustments, a cancelled project that spent renders in each of them, and a reissued review shows the
 * plan of its day (the plan revision it recorded), not an adjustment recorded after it was issued.
 */
@JobTest
class QuarterlyReviewAdjustmentsTest {

    private static final LocalDate Q3 = LocalDate.of(2026, 9, 30);
    private static final String DOMESTIC = "13091626P000175100046";
    private static final String PUBLICITY = "13091626P000177100055";
    private static final String FAIRS = "13091626P000178100047";
    private static final String HEADER = "project_code,effective_date,budget_change_wan,document_no,reason";
    private static final String TOP_UP = DOMESTIC + ",2026-07-01,5.00,沧临财预〔2026〕12号,追加招商活动经费";
    private static final String CANCEL = FAIRS + ",2026-08-01,-15.00,沧临财预〔2026〕13号,项目撤销";
    /** Recorded after the review was issued, though in force before its date. */
    private static final String LATE = PUBLICITY + ",2026-08-15,3.00,沧临财预〔2026〕15号,追加宣传经费";

    @Autowired
    NightlyJobHarness job;

    @TempDir
    Path tmp;

    Path plan;
    Path inbox;
    Path out;

    @BeforeEach
    void setUp() throws Exception {
        job.clear();
        plan = tmp.resolve("plan");
        inbox = tmp.resolve("inbox");
        out = tmp.resolve("out");
        FileSystemUtils.copyRecursively(Path.of("sample-data/plan"), plan);
        FileSystemUtils.copyRecursively(Path.of("sample-data/disbursements"), inbox);
        Exports.write(plan, "adjustments.csv", HEADER, TOP_UP, CANCEL);
    }

    private void quarterly(boolean refresh) throws Exception {
        assertThat(job.runQuarterly(Q3, plan, inbox, out, Path.of("sample-data/progress"), refresh).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
    }

    private Path file(String extension) {
        return out.resolve("2026-09-30/quarterly-2026-09-30." + extension);
    }

    private Map<String, Map<String, String>> csv() throws Exception {
        Map<String, Map<String, String>> byCode = new java.util.HashMap<>();
        QuarterlyOutputs.csv(file("csv")).forEach(row -> byCode.put(row.get("project_code"), row));
        return byCode;
    }

    @Test
    void theReviewShowsTheBudgetInForceBesideTheOriginalOneAndListsTheAdjustmentsInEveryDocument() throws Exception {
        quarterly(false);
        Map<String, Map<String, String>> csv = csv();
        assertThat(csv.get(DOMESTIC).get("budget_wan")).isEqualTo("25.00");
        assertThat(csv.get(DOMESTIC).get("original_budget_wan")).isEqualTo("20.00");
        assertThat(csv.get(FAIRS).get("budget_wan")).isEqualTo("0.00");
        assertThat(csv.get(FAIRS).get("reasons")).isEqualTo("CANCELLED;OVER_BUDGET");
        assertThat(csv.get(FAIRS).get("execution_rate_pct")).isEmpty();

        // Kept where a person can look at the pages.
        Files.createDirectories(Path.of("target", "adjusted-documents"));
        Files.copy(file("pdf"), Path.of("target", "adjusted-documents", "quarterly.pdf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String pdf = String.join("\n", QuarterlyOutputs.pages(file("pdf")));
        assertThat(pdf).contains("调整后预算");
        for (String code : List.of(DOMESTIC, FAIRS)) {
            assertThat(pdf).contains(csv.get(code).get("budget_wan") + "\n年初 " + csv.get(code).get("original_budget_wan"));
        }
        assertThat(pdf).contains("预算调整（本年度截至 2026-09-30 生效的调整，共 2 笔）")
                .contains("沧临财预〔2026〕12号").contains("追加招商活动经费").contains("+5.00")
                .contains("沧临财预〔2026〕13号").contains("-15.00");
        assertThat(QuarterlyOutputs.squeezed(pdf)).contains("展会相关费用").contains("红色项目撤销、超预算");
        assertThat(pdf).doesNotContain("null"); // the cancelled project's empty rate, on the focus list too
        // Every budget column says it is the budget in force, as the project table's: the focus list on page 1
        // (国内招商 25.00) and the unit summary (its 合计 of the budgets in force) as well.
        List<String> pages = QuarterlyOutputs.pages(file("pdf"));
        assertThat(pages.get(0)).contains("重点监控");
        assertThat(pages.get(pages.size() - 1)).contains("单位汇总");
        for (int page = 0; page < pages.size(); page++) {
            assertThat(java.util.regex.Pattern.compile("(?<!调整后)(?<!调整前)(?<!年初)预算\\s*（万元）").matcher(pages.get(page))
                    .find()).as("page %d heads a budget column 预算 beside 调整后预算", page + 1).isFalse();
        }

        List<List<Object>> projects = QuarterlyOutputs.sheet(file("xlsx"), "项目执行情况");
        int heading = headingRow(projects, "项目编码");
        List<Object> headings = projects.get(heading);
        int code = headings.indexOf("项目编码");
        int budget = headings.indexOf("调整后预算\n（万元）");
        int original = headings.indexOf("年初预算\n（万元）");
        assertThat(original).isEqualTo(headings.size() - 1);
        for (List<Object> row : projects.subList(heading + 1, projects.size())) {
            Map<String, String> line = row.size() > code ? csv.get(row.get(code)) : null;
            if (line != null && !line.get("budget_wan").isEmpty()) {
                assertThat(row.get(budget)).isEqualTo(new BigDecimal(line.get("budget_wan")));
                assertThat(row.get(original)).isEqualTo(new BigDecimal(line.get("original_budget_wan")));
            }
        }
        List<List<Object>> adjustments = QuarterlyOutputs.sheet(file("xlsx"), "预算调整");
        int first = headingRow(adjustments, "文号") + 1;
        assertThat(adjustments.get(first)).contains("2026-07-01", DOMESTIC, new BigDecimal("5.00"), "沧临财预〔2026〕12号");
        assertThat(adjustments.get(first + 1)).contains("2026-08-01", FAIRS, new BigDecimal("-15.00"), "项目撤销");

        Document html = Jsoup.parse(file("html").toFile(), "UTF-8");
        assertThat(html.selectFirst(".card[data-code=" + DOMESTIC + "] [data-col=original_budget_wan]").text())
                .isEqualTo("20.00");
        assertThat(html.selectFirst(".card[data-code=" + FAIRS + "]").attr("data-flag")).isEqualTo("RED");
        assertThat(html.select(".adjustment")).extracting(e -> e.attr("data-code")).containsExactly(DOMESTIC, FAIRS);
    }

    @Test
    void aReissuedReviewShowsThePlanOfItsDayAndARefreshTheAdjustmentRecordedSince() throws Exception {
        quarterly(false);
        byte[] issuedCsv = Files.readAllBytes(file("csv"));
        // A later run records a back-dated adjustment: in force on the review's date, but unknown when it was issued.
        Exports.write(plan, "adjustments.csv", HEADER, TOP_UP, CANCEL, LATE);
        assertThat(job.run(LocalDate.of(2026, 10, 31), plan, inbox, out).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        quarterly(false);

        assertThat(Files.readAllBytes(file("csv"))).isEqualTo(issuedCsv);
        String reissued = String.join("\n", QuarterlyOutputs.pages(file("pdf")));
        assertThat(reissued).contains("共 2 笔").contains("沧临财预〔2026〕12号").doesNotContain("沧临财预〔2026〕15号");
        assertThat(Jsoup.parse(file("html").toFile(), "UTF-8").select(".adjustment")).hasSize(2);
        assertThat(QuarterlyOutputs.sheet(file("xlsx"), "预算调整").stream().flatMap(List::stream))
                .doesNotContain("沧临财预〔2026〕15号");

        quarterly(true);

        assertThat(csv().get(PUBLICITY).get("budget_wan")).isEqualTo("23.00");
        String refreshed = String.join("\n", QuarterlyOutputs.pages(file("pdf")));
        assertThat(refreshed).contains("共 3 笔").contains("沧临财预〔2026〕15号").contains("23.00\n年初 20.00");
    }

    private static int headingRow(List<List<Object>> rows, String heading) {
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).contains(heading)) {
                return r;
            }
        }
        throw new AssertionError("no heading " + heading);
    }
}
