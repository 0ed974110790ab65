package org.budgetmonitor.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The nightly and quarterly jobs write the HTML pages beside the PDF, for one unit and for several,
 * and every figure on a page is the figure of the same run's CSV.
 */
@JobTest
class HtmlReportJobTest {

    static final String FINANCE = "沧州临港经济技术开发区财政局本级";

    /** CSV column → what the page shows of it (the page adds separators, signs and units). */
    private static final List<String> FIGURES = List.of("budget_wan", "actual_wan", "execution_rate_pct", "gap_pp",
            "expected_wan");

    @Autowired
    NightlyJobHarness job;

    @TempDir
    Path dir;

    @BeforeEach
    void clean() {
        job.clear();
    }

    @Test
    void theNightlyPageShowsEveryProjectOfTheCsvWithTheCsvsFiguresFlagsAndCounts() throws Exception {
        var execution = job.run(LocalDate.of(2026, 11, 30), Path.of("sample-data/plan"),
                Path.of("sample-data/disbursements"), dir.resolve("out"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path out = dir.resolve("out/2026-11-30");

        List<CSVRecord> csv = csv(out.resolve("variance-2026-11-30.csv"));
        Document page = page(out.resolve("variance-2026-11-30.html"));

        assertSameFigures(page, csv, FIGURES);
        assertThat(page.selectFirst("[data-fact=as_of]").text()).isEqualTo("2026-11-30");
        assertThat(page.selectFirst("[data-fact=unit_code]").text()).isEqualTo("472001");
        // 展会相关费用 is over budget at 11-30: a RED card among the first.
        assertThat(page.selectFirst(".card[data-code=13091626P000178100047]").attr("data-flag")).isEqualTo("RED");
    }

    @Test
    void aTwoUnitPlanGivesEachUnitItsOwnPageWithOnlyItsProjects() throws Exception {
        Path plan = twoUnitPlan();
        var execution = job.run(LocalDate.of(2026, 6, 30), plan, dir.resolve("inbox"), dir.resolve("out"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path out = dir.resolve("out/2026-06-30");
        List<CSVRecord> csv = csv(out.resolve("variance-2026-06-30.csv"));

        assertSameFigures(page(out.resolve("variance-2026-06-30.html")), csv, FIGURES);
        for (String unit : List.of("471005", "472001")) {
            List<CSVRecord> ofUnit = csv.stream().filter(r -> unit.equals(r.get("unit_code"))).toList();
            Document page = page(out.resolve("variance-2026-06-30-" + unit + ".html"));
            assertThat(page.select(".card").eachAttr("data-code"))
                    .containsExactlyInAnyOrderElementsOf(ofUnit.stream().map(r -> r.get("project_code")).toList());
            assertSameFigures(page, ofUnit, FIGURES);
            assertThat(page.selectFirst("[data-fact=unit_code]").text()).isEqualTo(unit);
        }
    }

    @Test
    void theQuarterlyPagesShowTheReviewsCsvFiguresForTheWholeReviewAndForEachUnit() throws Exception {
        Path plan = twoUnitPlan();
        var execution = job.runQuarterly(LocalDate.of(2026, 9, 30), plan, dir.resolve("inbox"), dir.resolve("out"),
                Path.of("sample-data/progress"), false);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path out = dir.resolve("out/2026-09-30");
        List<CSVRecord> csv = csv(out.resolve("quarterly-2026-09-30.csv"));
        List<String> figures = List.of("budget_wan", "actual_wan", "execution_rate_pct", "gap_pp",
                "projected_year_end_wan");

        assertSameFigures(page(out.resolve("quarterly-2026-09-30.html")), csv, figures);
        for (String unit : List.of("471005", "472001")) {
            List<CSVRecord> ofUnit = csv.stream().filter(r -> unit.equals(r.get("unit_code"))).toList();
            Document page = page(out.resolve("quarterly-2026-09-30-" + unit + ".html"));
            assertThat(page.select(".card").eachAttr("data-code"))
                    .containsExactlyInAnyOrderElementsOf(ofUnit.stream().map(r -> r.get("project_code")).toList());
            assertSameFigures(page, ofUnit, figures);
            for (CSVRecord row : ofUnit) {
                if (!"GREEN".equals(row.get("flag"))) {
                    assertThat(figure(card(page, row.get("project_code")), "required_monthly_wan"))
                            .isEqualTo(row.get("required_monthly_wan"));
                }
            }
        }
    }

    /**
     * Every planned CSV row has its card with the same flag and figures (expected only on RED and
     * YELLOW cards); every unplanned row has its line; the counts are the CSV's.
     */
    private static void assertSameFigures(Document page, List<CSVRecord> csv, List<String> columns) {
        int[] counts = new int[3];
        int unplanned = 0;
        for (CSVRecord row : csv) {
            String code = row.get("project_code");
            if (row.get("budget_wan").isEmpty()) {
                unplanned++;
                Element line = page.selectFirst(".unplanned[data-code=" + code + "]");
                if (line != null) { // a unit's page lists no unplanned code
                    assertThat(figure(line, "actual_wan")).isEqualTo(row.get("actual_wan"));
                }
                continue;
            }
            counts[List.of("RED", "YELLOW", "GREEN").indexOf(row.get("flag"))]++;
            Element card = card(page, code);
            assertThat(card.attr("data-flag")).as(code).isEqualTo(row.get("flag"));
            assertThat(card.selectFirst("[data-col=project_name]").text()).isEqualTo(row.get("project_name"));
            for (String column : columns) {
                if (column.equals("expected_wan") && "GREEN".equals(row.get("flag"))) {
                    continue;
                }
                assertThat(figure(card, column)).as("%s %s", code, column).isEqualTo(row.get(column));
            }
        }
        assertThat(page.selectFirst("[data-count=red]").text()).isEqualTo(String.valueOf(counts[0]));
        assertThat(page.selectFirst("[data-count=yellow]").text()).isEqualTo(String.valueOf(counts[1]));
        assertThat(page.selectFirst("[data-count=green]").text()).isEqualTo(String.valueOf(counts[2]));
        Element unplannedCount = page.selectFirst("[data-count=unplanned]");
        if (unplannedCount != null && !page.select(".unplanned").isEmpty()) {
            assertThat(unplannedCount.text()).isEqualTo(String.valueOf(unplanned));
        }
    }

    private static Element card(Document page, String code) {
        Element card = page.selectFirst(".card[data-code=" + code + "]");
        assertThat(card).as("card of %s", code).isNotNull();
        return card;
    }

    /** A figure as the CSV writes it: without the page's thousands separators, plus sign and unit. */
    private static String figure(Element scope, String column) {
        Element cell = scope.selectFirst("[data-col=" + column + "]");
        assertThat(cell).as(column).isNotNull();
        return cell.text().replace(",", "").replace("%", "").replace("个百分点", "").replace("+", "").strip();
    }

    private static Document page(Path file) throws IOException {
        assertThat(file).exists();
        return Jsoup.parse(file.toFile(), StandardCharsets.UTF_8.name());
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = CsvFiles.openUtf8(file)) {
            return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords());
        }
    }

    /** The sample plan and payments plus a second unit with two projects (as MultiUnitNightlyJobTest). */
    private Path twoUnitPlan() throws IOException {
        Path plan = Files.createDirectories(dir.resolve("plan"));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        for (String file : List.of("projects.csv", "indicators.csv")) {
            Files.copy(Path.of("sample-data/plan", file), plan.resolve(file));
        }
        Files.writeString(plan.resolve("projects.csv"), String.join("\n",
                "2026,471005," + FINANCE + ",13091626P000100000001,财政信息化运维,30.00,30.00,,运维,保障运行,AUTO,"
                        + "5.00,15.00,20.00,30.00",
                "2026,471005," + FINANCE + ",13091626P000100000002,预算绩效评价,12.00,12.00,,评价,完成评价,AUTO,"
                        + "2.00,6.00,9.00,12.00",
                ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (var files = Files.list(Path.of("sample-data/disbursements"))) {
            for (Path export : files.toList()) {
                Files.copy(export, inbox.resolve(export.getFileName()));
            }
        }
        Files.writeString(inbox.resolve("finance-2026-01-01_2026-06-30.csv"), String.join("\n",
                "2026-02-11,13091626P000100000001,财政信息化运维,20000.00,JZ-2026-0901,某科技公司,运维费,一般公共预算",
                "2026-05-11,13091626P000100000002,预算绩效评价,60000.00,JZ-2026-0902,某评估公司,评价费,一般公共预算",
                ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return plan;
    }
}
