package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.budgetmonitor.db.V8__AmountsAndProjectCodes;
import org.budgetmonitor.money.Money;
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

/**
 * A project code typed in lower case, in full-width forms or with spaces is the planned project,
 * not an unplanned code of its own; in the exports and in the plan (issue 13).
 */
@JobTest
class ProjectCodeMatchingTest {

    private static final String CODE = "13091626P000175100046";
    private static final String PLAN_HEADER = "fiscal_year,unit_code,unit_name,project_code,project_name,budget_wan,"
            + "fiscal_funds_wan,other_funds_wan,purpose,goal,plan_unit,plan_06-30,plan_12-31";

    @Autowired
    NightlyJobHarness job;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path tmp;

    Path plan;
    Path inbox;

    @BeforeEach
    void setUp() {
        job.clear();
        plan = tmp.resolve("plan");
        inbox = tmp.resolve("inbox");
        Exports.write(plan, "projects.csv", PLAN_HEADER, "2026,472001,测试单位," + CODE + ",国内招商,20.00,20.00,,用途,目标,WAN,10,20");
    }

    private JobExecution run(LocalDate asOf) throws Exception {
        JobExecution execution = job.run(asOf, plan, inbox, tmp.resolve("out"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    private List<String> variance(LocalDate asOf) {
        return jdbc.query("SELECT project_code, planned, actual_yuan FROM variance_result WHERE as_of = ? ORDER BY seq",
                (rs, n) -> rs.getString(1) + " " + rs.getBoolean(2) + " " + rs.getBigDecimal(3).stripTrailingZeros()
                        .toPlainString(), asOf);
    }

    @Test
    void codesThatDifferOnlyInCaseWidthOrSpacesMatchThePlannedProject() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER,
                "2026-03-01,13091626p000175100046,100.00,V1,甲,摘要",
                "2026-03-02,１３０９１６２６Ｐ０００１７５１０００４６,200.00,V2,甲,摘要",
                "2026-03-03,\" 13091626P000175100046 \",300.00,V3,甲,摘要",
                "2026-03-04,13091626P 000175100046,400.00,V4,甲,摘要",
                "2026-03-05," + CODE + ",500.00,V5,甲,摘要");

        JobExecution execution = run(LocalDate.of(2026, 6, 30));

        assertThat(variance(LocalDate.of(2026, 6, 30))).containsExactly(CODE + " true 1500");
        assertThat(jdbc.queryForList("SELECT DISTINCT project_code FROM disbursement", String.class)).containsExactly(CODE);
        var ingest = execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("ingest")).findFirst()
                .orElseThrow().getExecutionContext();
        assertThat(ingest.getLong(InboxReader.CODES_NORMALISED)).isEqualTo(3);
        assertThat(ingest.getString(InboxReader.CODES_NORMALISED_EXAMPLES))
                .contains("13091626p000175100046 → " + CODE);
    }

    @Test
    void aPlanTypedInLowerCaseMatchesTheExportedCode() throws Exception {
        Exports.write(plan, "projects.csv", PLAN_HEADER,
                "2026,472001,测试单位,13091626p000175100046,国内招商,20.00,20.00,,用途,目标,WAN,10,20");
        Exports.write(plan, "indicators.csv", "project_code,level1,level2,level3,description,target,basis",
                "１３０９１６２６ｐ０００１７５１０００４６,产出指标,数量指标,招商活动,说明,≥2次,计划");
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-03-01," + CODE + ",100.00,V1,甲,摘要");

        run(LocalDate.of(2026, 6, 30));

        assertThat(variance(LocalDate.of(2026, 6, 30))).containsExactly(CODE + " true 100");
        assertThat(jdbc.queryForList("SELECT project_code FROM plan_indicator", String.class)).containsExactly(CODE);
    }

    @Test
    void aDatabaseWithCodesStoredAsExportedCountsAnOverlappingExportOnce() throws Exception {
        String lower = "13091626p000175100046";
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-03-01," + lower + ",100.00,V1,甲,摘要");
        run(LocalDate.of(2026, 3, 31));
        // As an earlier version stored it: the code as exported, and the identity computed from it.
        Disbursement asExported = new Disbursement(LocalDate.of(2026, 3, 1), lower, Money.ofYuan("100.00"), "V1", "甲",
                "摘要", "", "");
        String oldKey = DedupeKey.of(asExported);
        jdbc.update("UPDATE disbursement SET project_code = ?, dedupe_key = ?", lower, oldKey);
        jdbc.update("UPDATE project_year_total SET project_code = ?", lower);

        try (Connection connection = dataSource.getConnection()) {
            V8__AmountsAndProjectCodes.normaliseStoredCodes(connection);
        }

        // The overlapping export: the same payment again, and a new one.
        Exports.write(inbox, "b.csv", Exports.HEADER, "2026-03-01," + lower + ",100.00,V1,甲,摘要",
                "2026-04-01," + lower + ",50.00,V2,甲,摘要");
        run(LocalDate.of(2026, 6, 30));

        assertThat(job.paymentCount()).isEqualTo(2);
        assertThat(job.totalYuan()).isEqualByComparingTo(new BigDecimal("150.00"));
        assertThat(variance(LocalDate.of(2026, 6, 30))).containsExactly(CODE + " true 150");
        assertThat(jdbc.queryForList("SELECT DISTINCT project_code FROM disbursement", String.class)).containsExactly(CODE);
    }
}
