package org.budgetmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.budgetmonitor.support.JobParameterNames;
import org.budgetmonitor.run.JobCommandRunner;
import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Budget adjustments (issue 16): every figure of a date is against the plan in force on it, the
 * original budget beside it; a changed plan file is a revision, never a replacement.
 */
@JobTest
@TestPropertySource(properties = "monitor.report.enabled=false")
class BudgetAdjustmentsTest {

    static final String PROJECTS_HEADER =
            "fiscal_year,unit_code,unit_name,project_code,project_name,budget_wan,plan_unit,plan_03-31,plan_06-30,plan_10-31,plan_12-31";
    static final String P1 = "2026,472001,测试单位,P1,项目一,100.00,WAN,25,50,75,100";
    static final String P2 = "2026,472001,测试单位,P2,项目二,40.00,WAN,10,20,30,40";
    static final String ADJUSTMENTS_HEADER = "project_code,effective_date,budget_change_wan,document_no,reason";

    @Autowired
    NightlyJobHarness job;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    Path plan;

    @BeforeEach
    void setUp() {
        job.clear();
        plan = tmp.resolve("plan");
        Exports.write(plan, "projects.csv", PROJECTS_HEADER, P1, P2);
        Exports.write(tmp.resolve("inbox"), "a.csv", Exports.HEADER,
                "2026-01-10,P1,300000.00,V1,甲,摘要",
                "2026-08-10,P1,200000.00,V2,甲,摘要",
                "2026-02-01,P2,100000.00,V3,乙,摘要",
                "2026-09-15,P2,50000.00,V4,乙,摘要");
    }

    private JobExecution run(String asOf) throws Exception {
        return run(asOf, Map.of());
    }

    private JobExecution run(String asOf, Map<String, String> options) throws Exception {
        return job.run(LocalDate.parse(asOf), plan, tmp.resolve("inbox"), tmp.resolve("out"), options);
    }

    private void adjustments(String header, String... lines) {
        String[] all = new String[lines.length + 1];
        all[0] = header;
        System.arraycopy(lines, 0, all, 1, lines.length);
        Exports.write(plan, AdjustmentsCsvReader.FILE, all);
    }

    /** The variance CSV of a date, each row by column name, keyed by project code. */
    private Map<String, Map<String, String>> csv(String asOf) throws IOException {
        List<String> lines = Files.readAllLines(tmp.resolve("out").resolve(asOf).resolve("variance-" + asOf + ".csv"),
                StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).replace("\uFEFF", "").split(",", -1));
        assertThat(header.get(header.size() - 1)).isEqualTo("original_budget_wan");
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells[i]);
            }
            rows.put(cells[0], row);
        }
        return rows;
    }

    private static String summary(JobExecution execution) {
        return execution.getExecutionContext().getString(LoadPlanTasklet.REVISIONS, "");
    }

    @Test
    void theDayBeforeOnAndAfterAnEffectiveDateEachUseThePlanInForceThatDay() throws Exception {
        adjustments(ADJUSTMENTS_HEADER, "P1,2026-07-01,+20.00,冀财预〔2026〕1号,追加");

        run("2026-06-30");
        run("2026-07-01");
        run("2026-07-02");

        Map<String, String> before = csv("2026-06-30").get("P1");
        assertThat(before.get("budget_wan")).isEqualTo("100.00");
        assertThat(before.get("original_budget_wan")).isEqualTo("100.00");
        assertThat(before.get("expected_wan")).isEqualTo("50.00");
        assertThat(before.get("execution_rate_pct")).isEqualTo("30.00");
        // From 07-01 the budget is 120 and the later checkpoints are scaled by 120/100: 10-31 plans 90.
        // E(07-01) = 50 + (90 − 50) × 1/123 = 50.33; the rate is 30 of 120.
        Map<String, String> on = csv("2026-07-01").get("P1");
        assertThat(on.get("budget_wan")).isEqualTo("120.00");
        assertThat(on.get("original_budget_wan")).isEqualTo("100.00");
        assertThat(on.get("expected_wan")).isEqualTo("50.33");
        assertThat(on.get("execution_rate_pct")).isEqualTo("25.00");
        assertThat(on.get("balance_wan")).isEqualTo("90.00");
        Map<String, String> after = csv("2026-07-02").get("P1");
        assertThat(after.get("expected_wan")).isEqualTo("50.65");
        assertThat(after.get("budget_wan")).isEqualTo("120.00");
        // An unadjusted project shows the same budget in both columns.
        assertThat(csv("2026-07-02").get("P2")).containsEntry("budget_wan", "40.00").containsEntry("original_budget_wan", "40.00");
    }

    @Test
    void theSummaryListsTheRevisionsThatTookEffectSinceTheLastRunAndSaysTheCheckpointsWereScaled() throws Exception {
        adjustments(ADJUSTMENTS_HEADER, "P1,2026-07-01,+20.00,冀财预〔2026〕1号,追加");

        JobExecution june = run("2026-06-30");
        JobExecution july = run("2026-07-01");
        JobExecution again = run("2026-07-02");

        assertThat(summary(june)).isEmpty();
        assertThat(summary(july)).isEqualTo("2026-07-01 P1 项目一 +20.00 万元 (100.00 → 120.00) 冀财预〔2026〕1号 追加;"
                + " checkpoints after 2026-07-01 scaled in proportion to the new budget");
        assertThat(summary(again)).isEmpty();
    }

    @Test
    void aPastDateRunAgainAfterARevisionGivesThatDatesFigures() throws Exception {
        run("2026-06-30");
        adjustments(ADJUSTMENTS_HEADER, "P1,2026-07-01,+20.00,冀财预〔2026〕1号,追加");
        run("2026-07-15");
        run("2026-06-30");

        assertThat(csv("2026-07-15").get("P1")).containsEntry("budget_wan", "120.00");
        assertThat(csv("2026-06-30").get("P1")).containsEntry("budget_wan", "100.00").containsEntry("expected_wan", "50.00")
                .containsEntry("original_budget_wan", "100.00");
    }

    @Test
    void aTransferMovesBudgetFromOneProjectToTheOtherFromItsDate() throws Exception {
        adjustments(ADJUSTMENTS_HEADER,
                "P1,2026-08-01,-10.00,冀财预〔2026〕2号,调剂至项目二",
                "P2,2026-08-01,10.00,冀财预〔2026〕2号,由项目一调剂");

        run("2026-07-31");
        run("2026-08-31");

        assertThat(csv("2026-07-31").get("P1")).containsEntry("budget_wan", "100.00");
        assertThat(csv("2026-07-31").get("P2")).containsEntry("budget_wan", "40.00");
        assertThat(csv("2026-08-31").get("P1")).containsEntry("budget_wan", "90.00").containsEntry("original_budget_wan", "100.00");
        assertThat(csv("2026-08-31").get("P2")).containsEntry("budget_wan", "50.00").containsEntry("original_budget_wan", "40.00");
        // 10 of 50 spent: 20 %, against 10 of 40 (25 %) before the transfer.
        assertThat(csv("2026-08-31").get("P2")).containsEntry("execution_rate_pct", "20.00");
    }

    @Test
    void aCancelledProjectKeepsItsSpendingUnderItsOwnCodeBeforeAndAfterItsCancellation() throws Exception {
        adjustments(ADJUSTMENTS_HEADER, "P2,2026-09-01,-40.00,冀财预〔2026〕3号,项目撤销");

        run("2026-08-31");
        run("2026-09-30");

        Map<String, String> before = csv("2026-08-31").get("P2");
        assertThat(before).containsEntry("budget_wan", "40.00").containsEntry("actual_wan", "10.00")
                .containsEntry("execution_rate_pct", "25.00");
        assertThat(before.get("reasons")).doesNotContain("CANCELLED");
        // Spent 10 before and 5 after the cancellation: all of it over a budget of 0, under its own code and name.
        Map<String, String> after = csv("2026-09-30").get("P2");
        assertThat(after).containsEntry("project_name", "项目二").containsEntry("budget_wan", "0.00")
                .containsEntry("original_budget_wan", "40.00").containsEntry("actual_wan", "15.00")
                .containsEntry("flag", "RED").containsEntry("reasons", "CANCELLED;OVER_BUDGET")
                .containsEntry("over_budget_wan", "15.00").containsEntry("balance_wan", "0.00")
                .containsEntry("execution_rate_pct", "").containsEntry("gap_pp", "");
        assertThat(csv("2026-09-30").values()).noneMatch(r -> r.get("reasons").contains("UNPLANNED"));
    }

    @Test
    void aRevisedPlanGivesTheCheckpointsFromItsDateOn() throws Exception {
        adjustments(ADJUSTMENTS_HEADER + ",plan_09-30,plan_12-31", "P1,2026-07-01,20.00,冀财预〔2026〕4号,年中调整,80,120");

        run("2026-09-30");
        run("2026-10-31");

        // The 10-31 checkpoint is gone; 09-30 is the revised plan's, 80.
        assertThat(csv("2026-09-30").get("P1")).containsEntry("checkpoint_date", "2026-09-30")
                .containsEntry("checkpoint_plan_wan", "80.00").containsEntry("expected_wan", "80.00");
        // 10-31: between (09-30, 80) and (12-31, 120): 80 + 40 × 31/92 = 93.48.
        assertThat(csv("2026-10-31").get("P1")).containsEntry("checkpoint_date", "2026-09-30")
                .containsEntry("expected_wan", "93.48");
        assertThat(summary(jobRunOf("2026-10-31"))).isEmpty();
    }

    private JobExecution jobRunOf(String asOf) throws Exception {
        return run(asOf);
    }

    @Test
    void aChangedProjectsCsvIsARevisionFromTheAsOfDateKeepingTheOriginal() throws Exception {
        run("2026-06-30");
        Exports.write(plan, "projects.csv", PROJECTS_HEADER, P1.replace("100.00,WAN,25,50,75,100", "110.00,WAN,25,50,80,110"), P2);
        JobExecution changed = run("2026-07-31");
        run("2026-07-30");

        assertThat(csv("2026-07-31").get("P1")).containsEntry("budget_wan", "110.00").containsEntry("original_budget_wan", "100.00");
        assertThat(csv("2026-07-30").get("P1")).containsEntry("budget_wan", "100.00");
        assertThat(summary(changed)).startsWith("2026-07-31 P1 项目一 +10.00 万元 (100.00 → 110.00) projects.csv revised plan file (");
        assertThat(jdbc.queryForList("SELECT source FROM plan_revision ORDER BY id", String.class))
                .containsExactly("ORIGINAL", "PLAN_FILE");
        assertThat(jdbc.queryForList("SELECT fingerprint FROM plan_revision WHERE source = 'PLAN_FILE'", String.class))
                .singleElement().asString().hasSize(64);
    }

    @Test
    void aChangedProjectsCsvIsInForceFromPlanEffectiveWhenGiven() throws Exception {
        run("2026-06-30");
        Exports.write(plan, "projects.csv", PROJECTS_HEADER, P1.replace("100.00,WAN,25,50,75,100", "110.00,WAN,25,50,80,110"), P2);
        run("2026-07-31", Map.of(JobParameterNames.PLAN_EFFECTIVE, "2026-07-15"));
        run("2026-07-15");
        run("2026-07-14");

        assertThat(csv("2026-07-15").get("P1")).containsEntry("budget_wan", "110.00");
        assertThat(csv("2026-07-14").get("P1")).containsEntry("budget_wan", "100.00");
        assertThat(jdbc.queryForObject("SELECT effective_date FROM plan_revision WHERE source = 'PLAN_FILE'", LocalDate.class))
                .isEqualTo(LocalDate.of(2026, 7, 15));
    }

    @Test
    void aProjectTakenOutOfTheProjectsCsvIsCancelledNeverUnplanned() throws Exception {
        run("2026-06-30");
        Exports.write(plan, "projects.csv", PROJECTS_HEADER, P1);
        run("2026-07-31");

        assertThat(csv("2026-07-31").get("P2")).containsEntry("budget_wan", "0.00").containsEntry("original_budget_wan", "40.00")
                .containsEntry("reasons", "CANCELLED;OVER_BUDGET").containsEntry("project_name", "项目二");
    }

    @Test
    void theRevisionHistoryKeepsTheOriginalPlanAndEveryVersionOfTheAdjustments() throws Exception {
        run("2026-06-30");
        adjustments(ADJUSTMENTS_HEADER, "P1,2026-07-01,20.00,冀财预〔2026〕1号,追加");
        run("2026-07-31");
        adjustments(ADJUSTMENTS_HEADER, "P1,2026-07-01,20.00,冀财预〔2026〕1号,追加", "P2,2026-08-01,5.00,冀财预〔2026〕5号,追加");
        run("2026-08-31");

        assertThat(jdbc.queryForList("SELECT source FROM plan_revision ORDER BY id", String.class))
                .containsExactly("ORIGINAL", "ADJUSTMENTS", "ADJUSTMENTS");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM plan_revision_project", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT COUNT(*) FROM plan_adjustment GROUP BY revision_id ORDER BY revision_id",
                Integer.class)).containsExactly(1, 2);
        assertThat(csv("2026-08-31").get("P2")).containsEntry("budget_wan", "45.00").containsEntry("original_budget_wan", "40.00");
    }

    @Test
    void aBadAdjustmentsFileStopsTheRunNamingFileLineProjectAndReasonAndChangesNothing() throws Exception {
        run("2026-06-30");
        int revisions = jdbc.queryForObject("SELECT COUNT(*) FROM plan_revision", Integer.class);
        Map<String[], String> cases = new java.util.LinkedHashMap<>();
        cases.put(new String[] {ADJUSTMENTS_HEADER, "P9,2026-07-01,10.00,冀财预〔2026〕1号,追加"},
                "adjustments.csv line 2, project P9: no such project in the plan of fiscal year 2026 in force on 2026-07-01");
        cases.put(new String[] {ADJUSTMENTS_HEADER, "P1,2026-07-01,10.00,冀财预〔2026〕1号,追加", "P2,2026-08-01,-50.00,冀财预〔2026〕2号,调减"},
                "adjustments.csv line 3, project P2: the budget would go below 0: 40.00 万元 − 50.00 万元 = -10.00 万元");
        cases.put(new String[] {ADJUSTMENTS_HEADER + ",plan_12-31", "P1,2026-07-01,20.00,冀财预〔2026〕1号,追加,110"},
                "adjustments.csv line 2, project P1: the revised plan ends at 110 万元, not at the adjusted budget 120.00 万元");
        cases.put(new String[] {ADJUSTMENTS_HEADER, "P1,2026/13/01,20.00,冀财预〔2026〕1号,追加"},
                "adjustments.csv line 2, project P1: effective_date '2026/13/01' is not a date like 2026-07-01");
        for (var c : cases.entrySet()) {
            Exports.write(plan, AdjustmentsCsvReader.FILE, c.getKey());
            JobExecution bad = run("2026-07-31");
            assertThat(bad.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(bad.getAllFailureExceptions()).singleElement()
                    .satisfies(e -> assertThat(e).isInstanceOf(PlanValidationException.class).hasMessageContaining(c.getValue()));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM plan_revision", Integer.class)).isEqualTo(revisions);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM variance_result WHERE as_of = DATE '2026-07-31'",
                    Integer.class)).isZero();
        }
    }
}
