package org.budgetmonitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.budgetmonitor.variance.VarianceTasklet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cron mails the summary: a province with thousands of RED projects gets the worst few and the count,
 * not a line per project (50,000 projects gave a 49,000-line mail, also kept in the job's stored context).
 */
@JobTest
class RedSummaryTest {

    @Autowired
    NightlyJobHarness job;

    @Autowired
    NightlyRunSummary summary;

    @TempDir
    Path tmp;

    @Test
    void listsTheWorstRedProjectsFirstAndOnlyAsManyAsTheLimitWithTheCountOfTheRest() throws Exception {
        job.clear();
        int projects = VarianceTasklet.RED_LISTED + 5;
        List<String> plan = new ArrayList<>(List.of("fiscal_year,unit_code,unit_name,project_code,project_name,"
                + "budget_wan,fiscal_funds_wan,other_funds_wan,purpose,goal,plan_unit,plan_03-31,plan_06-30,plan_10-31,plan_12-31"));
        List<String> payments = new ArrayList<>(List.of(Exports.HEADER));
        for (int i = 1; i <= projects; i++) {
            plan.add("2026,472001,测试单位,P" + i + ",项目" + i + ",100.00,100.00,,用途,目标,WAN,25,50,75,100");
            // P1 spends 0.1 万元 by 03-31, P2 0.2 万元 … : the further down the plan, the smaller the gap behind 25.
            payments.add("2026-03-01,P" + i + "," + (i * 1_000) + ".00,V" + i + ",甲,摘要");
        }
        // P3 is over its budget: worst of all whatever its gap.
        payments.add("2026-03-02,P3,1500000.00,V-over,甲,摘要");
        Exports.write(tmp.resolve("plan"), "projects.csv", plan.toArray(String[]::new));
        Path inbox = tmp.resolve("inbox");
        Exports.write(inbox, "a.csv", payments.toArray(String[]::new));

        JobExecution execution = job.run(LocalDate.of(2026, 3, 31), tmp.resolve("plan"), inbox, tmp.resolve("out"));

        String text = summary.summary(execution);
        int red = execution.getExecutionContext().getInt(VarianceTasklet.FLAG_COUNT_PREFIX + "RED");
        assertThat(red).isGreaterThan(VarianceTasklet.RED_LISTED);
        assertThat(text).contains("  RED (the " + VarianceTasklet.RED_LISTED + " worst of " + red
                + "; every one is in variance-2026-03-31.csv with flag=RED):\n    P3 项目3 (OVER_BUDGET");
        List<String> listed = text.lines().dropWhile(l -> !l.startsWith("  RED")).skip(1)
                .takeWhile(l -> l.startsWith("    ")).toList();
        assertThat(listed).hasSize(VarianceTasklet.RED_LISTED);
        assertThat(listed.get(1)).startsWith("    P1 项目1 ");
        assertThat(listed.get(2)).startsWith("    P2 项目2 ");
        assertThat(text).doesNotContain("    P" + projects + " ");
    }
}
