package org.budgetmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;

import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the plan step states every night (projects, indicators, the unit their checkpoints were read in) is recorded
 * when the plan files are stored, and read back on the nights they stay the same, instead of counting and grouping a
 * province's tables again each night.
 */
@JobTest
class PlanLoadSummaryTest {

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

    private JobExecution run(Path plan, LocalDate asOf) throws Exception {
        Exports.write(tmp.resolve("inbox"), "a.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要");
        return job.run(asOf, plan, tmp.resolve("inbox"), tmp.resolve("out"));
    }

    private static String stated(JobExecution night) {
        var context = night.getExecutionContext();
        return context.getInt(LoadPlanTasklet.PROJECT_COUNT) + " projects, "
                + context.getInt(LoadPlanTasklet.INDICATOR_COUNT) + " indicators, " + context.getString(LoadPlanTasklet.UNIT_NOTES);
    }

    @Test
    void recordsTheSummaryWithTheLoadAndStatesItOnTheNightsThePlanStaysTheSame() throws Exception {
        Path plan = Exports.plan(tmp.resolve("plan"));
        JobExecution stored = run(plan, LocalDate.of(2026, 6, 30));
        Map<String, Object> load = jdbc.queryForMap(
                "SELECT project_count, indicator_count, unit_notes FROM plan_load ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");
        // A night that reads the recorded summary states what is recorded, not a count of its own.
        jdbc.update("UPDATE plan_load SET unit_notes = 'as recorded'");

        JobExecution unchanged = run(plan, LocalDate.of(2026, 7, 1));

        assertThat(load.get("project_count")).isEqualTo(1);
        assertThat(load.get("indicator_count")).isEqualTo(0);
        assertThat(stated(stored)).isEqualTo("1 projects, 0 indicators, " + load.get("unit_notes"));
        assertThat((String) load.get("unit_notes")).startsWith("1 × ");
        assertThat(stated(unchanged)).isEqualTo("1 projects, 0 indicators, as recorded");
    }

    @Test
    void aLoadRecordedBeforeItsSummaryWasKeptIsCountedFromTheTables() throws Exception {
        Path plan = Exports.plan(tmp.resolve("plan"));
        JobExecution stored = run(plan, LocalDate.of(2026, 6, 30));
        jdbc.update("UPDATE plan_load SET project_count = NULL, indicator_count = NULL, unit_notes = NULL");

        JobExecution unchanged = run(plan, LocalDate.of(2026, 7, 1));

        assertThat(stated(unchanged)).isEqualTo(stated(stored));
    }

    @Test
    void theFingerprintOfThePlanFilesStaysWhatEarlierVersionsStored() throws Exception {
        Path plan = Exports.plan(tmp.resolve("plan"));
        Exports.write(plan, "indicators.csv", "project_code,level1,description,target", "P1,产出指标,数量,≥20个");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String name : new String[] {"projects.csv", "indicators.csv", "adjustments.csv"}) {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            if (Files.exists(plan.resolve(name))) {
                sha.update(Files.readAllBytes(plan.resolve(name)));
            }
        }

        // Stored with every load: a different one would read and store an unchanged plan again.
        assertThat(LoadPlanTasklet.fingerprint(plan)).isEqualTo(HexFormat.of().formatHex(sha.digest()));
    }
}
