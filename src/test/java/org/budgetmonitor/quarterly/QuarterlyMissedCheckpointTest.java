package org.budgetmonitor.quarterly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.budgetmonitor.BudgetMonitorApplication;
import org.budgetmonitor.run.ExitCodes;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A missed checkpoint is a note in the quarterly review as in the nightly report (the flag rules): a GREEN
 * project reads 绿色（节点计划未完成）, never 绿色 节点计划未完成, which reads as green for not completing its
 * plan; the PDF, the workbook and the HTML page say it the same way.
 */
class QuarterlyMissedCheckpointTest {

    @TempDir
    Path tmp;

    @Test
    void aMissedCheckpointIsANoteInBracketsOnThePdfTheWorkbookAndTheHtmlPage() throws IOException {
        Path plan = Files.createDirectories(tmp.resolve("plan"));
        Files.writeString(plan.resolve("projects.csv"), String.join("\n",
                "fiscal_year,unit_code,unit_name,project_code,project_name,budget_wan,fiscal_funds_wan,other_funds_wan,"
                        + "purpose,goal,plan_unit,plan_03-31,plan_06-30,plan_09-30,plan_12-31",
                // 74.00 of 75.00 at its 09-30 checkpoint: 1 point behind, GREEN, checkpoint missed.
                "2026,480001,测试单位,G0000000000000000001,差一点项目,100.00,100.00,,用途,目标,WAN,25.00,50.00,75.00,100.00",
                // 5.00 of 7.50: 25 points behind, RED, checkpoint missed.
                "2026,480001,测试单位,R0000000000000000001,滞后项目,10.00,10.00,,用途,目标,WAN,2.50,5.00,7.50,10.00", ""),
                StandardCharsets.UTF_8);
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Files.writeString(inbox.resolve("pay.csv"), String.join("\n", "date,project_code,amount,voucher_no,payee,summary",
                "2026-03-20,G0000000000000000001,250000.00,V1,甲,一季度", "2026-06-20,G0000000000000000001,250000.00,V2,甲,二季度",
                "2026-09-20,G0000000000000000001,240000.00,V3,甲,三季度", "2026-09-10,R0000000000000000001,50000.00,V4,乙,三季度",
                ""), StandardCharsets.UTF_8);
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        int code;
        try {
            code = BudgetMonitorApplication.run("--job=quarterly", "--as-of=2026-09-30", "--plan-dir=" + plan,
                    "--inbox=" + inbox, "--progress-dir=" + tmp.resolve("progress"),
                    "--output-dir=" + tmp.resolve("out"), "--data-dir=" + tmp.resolve("data"));
        } finally {
            System.setOut(original);
        }
        assertThat(code).isEqualTo(ExitCodes.SUCCESS);
        Path dir = tmp.resolve("out/2026-09-30");
        Map<String, String> green = QuarterlyOutputs.csv(dir.resolve("quarterly-2026-09-30.csv")).stream()
                .filter(r -> r.get("project_code").equals("G0000000000000000001")).findFirst().orElseThrow();
        assertThat(green.get("flag")).isEqualTo("GREEN");
        assertThat(green.get("reasons")).isEqualTo("MISSED_CHECKPOINT");

        String pdf = QuarterlyOutputs.squeezed(String.join("\n", QuarterlyOutputs.pages(dir.resolve("quarterly-2026-09-30.pdf"))));
        assertThat(pdf).contains("绿色（节点计划未完成）", "红色进度滞后（节点计划未完成）")
                .doesNotContain("绿色节点计划未完成", "进度滞后、节点计划未完成");

        List<Map<String, Object>> table = QuarterlyOutputs.table(QuarterlyOutputs.sheet(dir.resolve("quarterly-2026-09-30.xlsx"),
                "项目执行情况"));
        assertThat(QuarterlyOutputs.rowWith(table, "项目编码", "G0000000000000000001").orElseThrow().get("预警原因"))
                .isEqualTo("（节点计划未完成）");
        assertThat(QuarterlyOutputs.rowWith(table, "项目编码", "R0000000000000000001").orElseThrow().get("预警原因"))
                .isEqualTo("进度滞后（节点计划未完成）");

        String html = Jsoup.parse(Files.readString(dir.resolve("quarterly-2026-09-30.html"), StandardCharsets.UTF_8)).text();
        assertThat(html).contains("进度滞后（节点计划未完成）").doesNotContain("进度滞后、节点计划未完成", "绿色 节点计划未完成");
    }
}
