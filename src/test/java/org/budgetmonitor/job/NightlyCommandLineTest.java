package org.budgetmonitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.CommandLine;
import org.budgetmonitor.testing.CommandLine.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly job as cron runs it: the real command line, the sample plan and exports, an H2
 * file database. The expected figures were worked out by hand from sample-data (README, "Sample").
 */
class NightlyCommandLineTest {

    @TempDir
    Path tmp;


    private Run nightly(String asOf, String planDir, String inbox) {
        return CommandLine.run("--job=nightly", "--as-of=" + asOf, "--plan-dir=" + planDir, "--inbox=" + inbox,
                "--output-dir=" + tmp.resolve("out"), "--data-dir=" + tmp.resolve("data"));
    }

    private List<String> lines(String relative) throws IOException {
        return Files.readAllLines(tmp.resolve("out").resolve(relative), StandardCharsets.UTF_8);
    }

    @Test
    void writesTheVarianceTableOfTheSampleDataAsOfTheEndOfJune() throws IOException {
        Run run = nightly("2026-06-30", "sample-data/plan", "sample-data/disbursements");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        // 国内招商: 12,000 + 18,500 + 26,000 + 18,500 = 75,000 元 (the 3,000 of 30 Feb is rejected);
        // 宣传: 15,000 + 8,800 − 800 (冲销) + 9,000 + 2 × 4,000 (two identical payments) = 40,000 元;
        // 展会: 5,000 + 45,000 + 40,000 = 90,000 元; 综合事务管理: nothing until August;
        // 实验室: 250,000 + 270,000 = 520,000 元; on 30 Jun every plan is at its 6月底 checkpoint.
        assertThat(lines("2026-06-30/variance-2026-06-30.csv")).containsExactly(
                "\uFEFFproject_code,project_name,unit_code,budget_wan,checkpoint_date,checkpoint_plan_wan,expected_wan,"
                        + "actual_wan,execution_rate_pct,gap_pp,flag,reasons,over_budget_wan,time_progress_pct,time_progress_gap_pp,"
                        + "balance_wan,original_budget_wan",
                "13091626P000175100046,国内招商,472001,20.00,2026-06-30,10.00,10.00,7.50,37.50,-12.50,YELLOW,BEHIND_PLAN;MISSED_CHECKPOINT"
                        + ",0.00,49.59,-12.09,12.50,20.00",
                "13091626P00017610004U,综合事务管理,472001,5.00,2026-06-30,2.00,2.00,0.00,0.00,-40.00,RED,NO_SPENDING;MISSED_CHECKPOINT"
                        + ",0.00,49.59,-49.59,5.00,5.00",
                "13091626P000177100055,宣传,472001,20.00,2026-06-30,10.00,10.00,4.00,20.00,-30.00,RED,BEHIND_PLAN;MISSED_CHECKPOINT"
                        + ",0.00,49.59,-29.59,16.00,20.00",
                "13091626P000178100047,展会相关费用,472001,15.00,2026-06-30,5.00,5.00,9.00,60.00,26.67,YELLOW,AHEAD_OF_PLAN,0.00,49.59,10.41,6.00,15.00",
                "13091626P00018210006K,河北省药品医疗器械检验研究院沧州实验室,472001,100.00,2026-06-30,50.00,50.00,52.00,52.00,2.00,GREEN,,0.00,49.59,2.41,48.00,100.00",
                "13091626P000199100001,,,,,,,0.36,,,UNPLANNED,UNPLANNED,,,,,");
        assertThat(lines("2026-06-30/rejected-2026-06-30.csv")).hasSize(2)
                .last().asString().startsWith("finance-2026-01-01_2026-06-30.csv,5,支付日期 (date) '2026-02-30' does not exist,");
        assertThat(run.stdout())
                .contains("as of 2026-06-30 (fiscal year 2026, run 1): COMPLETED")
                .contains("3 files read, 26 rows ingested, 17 duplicates skipped, 1 rows rejected")
                .contains("RED 2  YELLOW 2  GREEN 1  unplanned codes 1")
                .contains("13091626P000177100055 宣传 (BEHIND_PLAN;MISSED_CHECKPOINT)");
    }

    @Test
    void interpolatesBetweenCheckpointsAndFlagsOverBudgetLaterInTheYear() throws IOException {
        Run run = nightly("2026-11-30", "sample-data/plan", "sample-data/disbursements");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        // 展会: 90,000 + 70,000 (TS202610160020, exported twice, counted once) = 160,000 元 > 15 万元;
        // expected on 30 Nov = 10 + 5 × 30/61 = 12.459… 万元, gap (16 − 12.459…)/15 = +23.61 pp.
        // 国内招商: 75,000 + 20,000 + 15,000 = 110,000 元, against the budget in force: 20.00 + 5.00 from 07-01
        // (sample adjustments.csv, 沧临财预〔2026〕12号), its later checkpoints scaled by 25/20 (10-31: 15 → 18.75);
        // expected on 30 Nov = 18.75 + 6.25 × 30/61 = 21.823… 万元; rate 11/25 = 44 %; gap (11 − 21.823…)/25 = −43.30.
        assertThat(lines("2026-11-30/variance-2026-11-30.csv"))
                .contains("13091626P000178100047,展会相关费用,472001,15.00,2026-10-31,10.00,12.46,16.00,106.67,23.61,RED,OVER_BUDGET,1.00,91.51,15.16,0.00,15.00")
                .contains("13091626P000175100046,国内招商,472001,25.00,2026-10-31,18.75,21.82,11.00,44.00,-43.30,RED,BEHIND_PLAN;MISSED_CHECKPOINT"
                        + ",0.00,91.51,-47.51,14.00,20.00");
    }

    @Test
    void runningTheSameDateAgainGivesTheSameFiguresAsANewRun() throws IOException {
        nightly("2026-06-30", "sample-data/plan", "sample-data/disbursements");
        List<String> first = lines("2026-06-30/variance-2026-06-30.csv");

        Run again = nightly("2026-06-30", "sample-data/plan", "sample-data/disbursements");

        assertThat(again.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(again.stdout()).contains("run 2): COMPLETED").contains("0 rows ingested, 0 duplicates skipped")
                .contains("unchanged, skipped: finance-2026-01-01_2026-06-30.csv, finance-2026-01-01_2026-07-31.csv, "
                        + "treasury-2026-08-01_2026-11-30.csv");
        // The bad line of an unchanged file is still reported: it is still not counted.
        assertThat(lines("2026-06-30/rejected-2026-06-30.csv")).hasSize(2);
        assertThat(lines("2026-06-30/variance-2026-06-30.csv")).isEqualTo(first);
    }

    @Test
    void aBadAdjustmentsFileStopsTheRunWithExitCodeTwoNamingLineProjectAndReason() throws IOException {
        Path plan = tmp.resolve("adjusted-plan");
        java.nio.file.Files.createDirectories(plan);
        for (String name : List.of("projects.csv", "indicators.csv")) {
            java.nio.file.Files.copy(Path.of("sample-data/plan", name), plan.resolve(name));
        }
        Exports.write(plan, "adjustments.csv", "项目编码,生效日期,调整金额,文号,调整原因",
                "13091626P000177100055,2026-07-01,-30.00,沧开财预〔2026〕9号,调减");

        Run run = nightly("2026-07-31", plan.toString(), "sample-data/disbursements");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.stdout()).contains("FAILED").contains("adjustments.csv line 2, project 13091626P000177100055: "
                + "the budget would go below 0: 20.00 万元 − 30.00 万元 = -10.00 万元");
    }

    @Test
    void anInvalidPlanStopsTheRunWithExitCodeTwoAndNamesTheProject() {
        Path plan = Exports.write(tmp.resolve("bad-plan"), "projects.csv",
                "fiscal_year,unit_code,unit_name,project_code,project_name,budget_wan,plan_06-30,plan_12-31",
                "2026,472001,单位,P1,项目,10,5,8").getParent();

        Run run = nightly("2026-06-30", plan.toString(), "sample-data/disbursements");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.stdout()).contains("FAILED").contains("projects.csv line 2, project P1: plan_unit AUTO cannot tell");
    }

    @Test
    void aMissingInboxOrAnUnknownJobIsBadInput() {
        Run missingInbox = nightly("2026-06-30", "sample-data/plan", tmp.resolve("nowhere").toString());
        Run unknownJob = CommandLine.run("--job=weekly", "--data-dir=" + tmp.resolve("data"));
        Run badDate = CommandLine.run("--as-of=2026-06-31", "--data-dir=" + tmp.resolve("data"));

        assertThat(missingInbox.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missingInbox.stdout()).contains("--inbox=").contains("is not a directory");
        assertThat(unknownJob.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknownJob.stdout()).contains("unknown --job=weekly");
        assertThat(badDate.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badDate.stdout()).contains("--as-of='2026-06-31' is not a date");
    }

    /** A first try with a typo must not leave a database, a lock and a log behind in a new data folder. */
    @Test
    void badOptionsAndMissingFoldersAreRefusedBeforeAnythingIsCreated() {
        Path data = tmp.resolve("typo-data");
        String dataDir = "--data-dir=" + data;
        List<String[]> commands = List.of(
                new String[] {"--job=weekly", dataDir},
                new String[] {"--as-of=2026-06-31", dataDir},
                new String[] {"--as-of=30.06.2026", dataDir},
                new String[] {"--plan-dir=" + tmp.resolve("no-plan"), dataDir},
                new String[] {"--inbox=" + tmp.resolve("no-inbox"), dataDir},
                new String[] {"--job=quarterly", "--inbox=" + tmp.resolve("no-inbox"), dataDir},
                new String[] {"--job=import-plan", "--document=" + tmp.resolve("no-document.txt"), dataDir},
                new String[] {"--job=import-plan", "--document=sample-data/budget-document/472001-2026.txt",
                        "--fiscal-year=twenty", dataDir},
                new String[] {"--job=status", dataDir});
        List<String> expected = List.of("unknown --job=weekly", "--as-of='2026-06-31' is not a date",
                "--as-of='30.06.2026' is not a date", "--plan-dir=", "--inbox=", "--inbox=", "--document=",
                "--fiscal-year='twenty'", "no database in ");

        for (int i = 0; i < commands.size(); i++) {
            Run run = CommandLine.run(commands.get(i));

            assertThat(run.exitCode()).as(String.join(" ", commands.get(i))).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.stdout()).as(String.join(" ", commands.get(i))).contains(expected.get(i));
            assertThat(data).as(String.join(" ", commands.get(i))).doesNotExist();
        }
    }

    @Test
    void everyProblemWithTheOptionsIsNamedTogether() {
        Run run = CommandLine.run("--as-of=2026-13-01", "--inbox=" + tmp.resolve("no-inbox"), "--refresh=yes",
                "--data-dir=" + tmp.resolve("data"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.stdout()).contains("--as-of='2026-13-01'").contains("--inbox=").contains("--refresh=yes");
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void aBooleanOptionWorksBareAsTrueAndAsFalse() {
        Run bare = nightlyWith("bare", "--red-exit-code");
        Run asTrue = nightlyWith("true", "--red-exit-code=true");
        Run asFalse = nightlyWith("false", "--red-exit-code=false");
        Run upperCase = nightlyWith("upper", "--red-exit-code=TRUE");

        // The sample has two RED projects on 30 June.
        assertThat(bare.exitCode()).as(bare.stdout()).isEqualTo(ExitCodes.SUCCESS_WITH_RED);
        assertThat(asTrue.exitCode()).isEqualTo(ExitCodes.SUCCESS_WITH_RED);
        assertThat(asFalse.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(upperCase.exitCode()).isEqualTo(ExitCodes.SUCCESS_WITH_RED);
    }

    @Test
    void theReadmesQuarterlyExampleWithABareRefreshRuns() {
        Run run = CommandLine.run("--job=quarterly", "--as-of=2026-09-30", "--refresh",
                "--output-dir=" + tmp.resolve("out"), "--data-dir=" + tmp.resolve("data"));

        assertThat(run.exitCode()).as(run.stdout()).isIn(ExitCodes.SUCCESS, ExitCodes.SUCCESS_WITH_RED);
        assertThat(run.stdout()).contains("quarterly, as of 2026-09-30").contains("COMPLETED");
    }

    @Test
    void aBooleanOptionWithAnotherValueIsBadInputNamingTheOptionAndItsValues() {
        for (String option : List.of("--refresh=yes", "--red-exit-code=1", "--schedule=on", "--refresh=")) {
            Run run = CommandLine.run("--as-of=2026-06-30", option, "--data-dir=" + tmp.resolve("data"));

            assertThat(run.exitCode()).as(option).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.stdout()).as(option).contains(option.substring(0, option.indexOf('=')))
                    .contains("true or false");
            assertThat(tmp.resolve("data")).doesNotExist();
        }
    }

    @Test
    void anOptionThatNeedsAValueGivenBareIsBadInput() {
        Run run = CommandLine.run("--inbox", "--data-dir=" + tmp.resolve("data"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.stdout()).contains("--inbox needs a value");
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    private Run nightlyWith(String name, String option) {
        return CommandLine.run("--job=nightly", "--as-of=2026-06-30", "--output-dir=" + tmp.resolve("out-" + name),
                "--data-dir=" + tmp.resolve("data-" + name), option);
    }
}
