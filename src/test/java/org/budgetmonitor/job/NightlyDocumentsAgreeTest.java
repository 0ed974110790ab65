package org.budgetmonitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sample nights: the run summary, the PDF and the CSV of one run give the same counts (unplanned
 * codes apart from RED everywhere), the same data cut-off, and the PDF's rows the CSV's figures,
 * the new columns included.
 */
@JobTest
class NightlyDocumentsAgreeTest {

    @Autowired
    NightlyJobHarness job;

    @Autowired
    NightlyRunSummary summaries;

    @TempDir
    Path tmp;

    @Test
    void redAndUnplannedCountsDataCutOffAndRowFiguresAgreeBetweenSummaryPdfAndCsv() throws Exception {
        job.clear();
        // 03-31: the unplanned code's first payment is still to come; 11-30: one project over budget;
        // 12-31: the latest payment (11-20) is 41 days old.
        Map<String, String> cutOffs = Map.of("2026-03-31", "2026-03-25", "2026-06-30", "2026-06-26",
                "2026-11-30", "2026-11-20", "2026-12-31", "2026-11-20");
        for (String date : List.of("2026-03-31", "2026-06-30", "2026-11-30", "2026-12-31")) {
            LocalDate asOf = LocalDate.parse(date);
            JobExecution execution = job.run(asOf, Path.of("sample-data/plan"), Path.of("sample-data/disbursements"),
                    tmp.resolve("out"));
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            Path dir = tmp.resolve("out/" + date);
            List<Map<String, String>> csv = csv(dir.resolve("variance-" + date + ".csv"));
            String pdf = pdfText(dir.resolve("variance-" + date + ".pdf"));
            String summary = summaries.summary(execution);

            // Counted from the CSV's flag column alone: an unplanned code is flag UNPLANNED, never RED.
            long red = csv.stream().filter(r -> r.get("flag").equals("RED")).count();
            long unplanned = csv.stream().filter(r -> r.get("flag").equals("UNPLANNED")).count();
            assertThat(csv.stream().filter(r -> r.get("reasons").equals("UNPLANNED")).count()).as(date)
                    .isEqualTo(unplanned);
            long yellow = csv.stream().filter(r -> r.get("flag").equals("YELLOW")).count();
            long green = csv.stream().filter(r -> r.get("flag").equals("GREEN")).count();
            assertThat(pdf).as(date).contains("红色预警 " + red + " 个，黄色预警 " + yellow + " 个，绿色正常 " + green
                    + " 个；计划外支出编码 " + unplanned + " 个");
            assertThat(summary).as(date).contains("flags:      RED " + red + "  YELLOW " + yellow + "  GREEN " + green
                    + "  unplanned codes " + unplanned + "\n");

            long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(cutOffs.get(date)), asOf);
            assertThat(summary).as(date).contains("  data:       latest payment " + cutOffs.get(date) + ", " + days
                    + " days before the as-of date\n");
            assertThat(pdf).as(date).contains("数据截止 " + cutOffs.get(date) + "，距截至日期 " + days + " 天");
            assertThat(pdf.contains("数据可能不完整：最近一笔支付距截至日期 " + days + " 天")).as(date).isEqualTo(days > 3);
            assertThat(summary.contains("the figures may be incomplete")).as(date).isEqualTo(days > 3);

            for (Map<String, String> row : csv) {
                if (row.get("reasons").equals("UNPLANNED")) {
                    assertThat(pdf).contains(row.get("project_code") + " 实际支出 " + row.get("actual_wan") + " 万元");
                    continue;
                }
                String balance = Double.parseDouble(row.get("over_budget_wan")) > 0 ? "超支 " + row.get("over_budget_wan")
                        : row.get("balance_wan");
                // An adjusted project's budget cell: the budget in force, under it the original one (年初预算).
                String budget = row.get("budget_wan").equals(row.get("original_budget_wan")) ? row.get("budget_wan")
                        : row.get("budget_wan") + " 年初 " + row.get("original_budget_wan");
                String figures = String.join(" ", budget, row.get("checkpoint_date"),
                        row.get("checkpoint_plan_wan"), row.get("expected_wan"), row.get("actual_wan"),
                        row.get("execution_rate_pct"), row.get("gap_pp"), row.get("time_progress_gap_pp"), balance);
                assertThat(rowText(pdf, row.get("project_code"))).as("%s %s", date, row.get("project_code"))
                        .contains(figures);
                assertThat(pdf).contains("序时进度 " + row.get("time_progress_pct") + "%");
            }
            if (date.equals("2026-03-31")) {
                assertThat(unplanned).isZero();
            }
            if (date.equals("2026-11-30")) {
                assertThat(summary).contains("13091626P000178100047 展会相关费用 (OVER_BUDGET, over budget by 1.00 万元)");
                // 余额 is the total's own 预算 − 实际 (165.00 − 131.50), the overspend stated apart.
                assertThat(pdf).contains("预算合计 165.00 万元", "实际支出 131.50 万元；余额 33.50 万元",
                        "超预算项目 1 个，超支合计 1.00 万元");
                // The sample's 追加 (adjustments.csv) from 07-01: in the summary and the PDF's 预算调整 section.
                assertThat(summary).contains("2026-07-01 13091626P000175100046 国内招商 +5.00 万元 (20.00 → 25.00) "
                        + "沧临财预〔2026〕12号 追加招商活动经费");
                assertThat(pdf).contains("2026-07-01 13091626P000175100046 国内招商 +5.00 20.00 25.00 沧临财预〔2026〕12号 "
                        + "追加招商活动经费");
            }
        }
    }

    private static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).replace("\uFEFF", "").split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1); // the sample's names hold no commas
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** A table row as text: its line and the two after it (a long name wraps, its figures on the next line). */
    private static String rowText(String pdf, String code) {
        List<String> lines = pdf.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\d+ " + code + " .*")) {
                return String.join(" ", lines.subList(i, Math.min(lines.size(), i + 3)));
            }
        }
        throw new AssertionError("no table row for " + code);
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
