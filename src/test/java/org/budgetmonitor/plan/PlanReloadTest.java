package org.budgetmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Unchanged plan files are not read and stored again each night; changed ones are. */
@JobTest
class PlanReloadTest {

    @Autowired
    NightlyJobHarness job;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() {
        job.clear();
    }

    private static long planWrites(JobExecution execution) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("loadPlan")).findFirst()
                .orElseThrow().getWriteCount();
    }

    private JobExecution run(Path plan) throws Exception {
        Exports.write(tmp.resolve("inbox"), "a.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要");
        return job.run(LocalDate.of(2026, 6, 30), plan, tmp.resolve("inbox"), tmp.resolve("out"));
    }

    @Test
    void storesThePlanOnceWhileItsFilesStayTheSameAndAgainWhenTheyChange() throws Exception {
        Path plan = Exports.plan(tmp.resolve("plan"));

        JobExecution first = run(plan);
        JobExecution second = run(plan);
        Exports.write(plan, "projects.csv",
                "fiscal_year,unit_code,unit_name,project_code,project_name,budget_wan,plan_06-30,plan_12-31",
                "2026,472001,测试单位,P1,改名后的项目,100.00,60,100");
        JobExecution changed = run(plan);

        assertThat(planWrites(first)).isEqualTo(1);
        assertThat(planWrites(second)).isZero();
        assertThat(second.getExecutionContext().getInt(LoadPlanTasklet.PROJECT_COUNT)).isEqualTo(1);
        assertThat(planWrites(changed)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT project_name FROM plan_project", String.class)).isEqualTo("改名后的项目");
    }
}
