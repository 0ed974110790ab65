package org.budgetmonitor.quarterly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

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
import org.springframework.util.FileSystemUtils;

/** The quarterly review on the sample data, and what an issued review keeps. */
@JobTest
class QuarterlyReviewJobTest {

    private static final LocalDate Q3 = LocalDate.of(2026, 9, 30);

    @Autowired
    NightlyJobHarness job;

    @Autowired
    QuarterlyReviewRepository reviews;

    @TempDir
    Path tmp;

    Path inbox;

    @BeforeEach
    void setUp() throws Exception {
        job.clear();
        inbox = tmp.resolve("inbox");
        FileSystemUtils.copyRecursively(Path.of("sample-data/disbursements"), inbox);
    }

    private JobExecution quarterly(boolean refresh) throws Exception {
        JobExecution execution = job.runQuarterly(Q3, Path.of("sample-data/plan"), inbox, tmp.resolve("out"),
                Path.of("sample-data/progress"), refresh);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    private List<String> csv() throws Exception {
        return Files.readAllLines(tmp.resolve("out/2026-09-30/quarterly-2026-09-30.csv"));
    }

    @Test
    void anIssuedReviewKeepsTheRejectedLinesOfItsRunAndAReprintStatesThemAsIssued() throws Exception {
        // The sample's finance export has one line dated 2026-02-30.
        JobExecution issued = quarterly(false);
        int version = issued.getExecutionContext().getInt(QuarterlyReviewTasklet.VERSION);
        assertThat(reviews.load(Q3, version).orElseThrow().rejectedRows()).isEqualTo(1);

        // The bad export is replaced by one without the line: the reprint still says what was signed.
        Files.writeString(inbox.resolve("finance-2026-01-01_2026-06-30.csv"), Files.readAllLines(
                inbox.resolve("finance-2026-01-01_2026-06-30.csv")).stream().filter(l -> !l.contains("2026-02-30"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
        JobExecution reprint = quarterly(false);
        assertThat(reprint.getExecutionContext().getInt(QuarterlyReviewTasklet.VERSION)).isEqualTo(version);
        assertThat(reviews.load(Q3, version).orElseThrow().rejectedRows()).isEqualTo(1);
        assertThat(Files.readString(tmp.resolve("out/2026-09-30/quarterly-2026-09-30.html")))
                .contains("签发时有 1 行支付记录被拒收");
    }

    @Test
    void writesTheNightlyColumnsAndTheReviewsOwnForTheThirdQuarter() throws Exception {
        quarterly(false);

        List<String> lines = csv();
        assertThat(lines.get(0)).isEqualTo("\uFEFFproject_code,project_name,unit_code,budget_wan,checkpoint_date,"
                + "checkpoint_plan_wan,expected_wan,actual_wan,execution_rate_pct,gap_pp,flag,reasons,time_progress_pct,"
                + "projected_year_end_wan,required_monthly_wan,prev_quarter_actual_wan,focus,needs_explanation,"
                + "time_progress_gap_pp,original_budget_wan");
        // 国内招商, against its budget in force from 07-01 (20.00 + 5.00, sample adjustments.csv; 10-31 scaled to
        // 18.75): 11 万元 by 30 Sep; plan interpolated 10 + 8.75 × 92/123 = 16.54; 11/25 = 44 %; (11 − 16.54)/25 =
        // −22.18: RED behind plan, a focus, to explain; 11 × 365/273 = 14.71; 14 / 3 months = 4.67; 44 − 74.79 = −30.79.
        // 河北: GREEN by the nightly rules, but 77 × 365/273 = 102.95 of 100: YELLOW, projected over budget.
        assertThat(lines).contains(
                "13091626P000175100046,国内招商,472001,25.00,2026-06-30,10.00,16.54,11.00,44.00,-22.18,RED,"
                        + "BEHIND_PLAN;MISSED_CHECKPOINT,74.79,14.71,4.67,7.50,true,true,-30.79,20.00",
                "13091626P00018210006K,河北省药品医疗器械检验研究院沧州实验室,472001,100.00,2026-06-30,50.00,68.70,"
                        + "77.00,77.00,8.30,YELLOW,PROJECTED_OVER_BUDGET,74.79,102.95,7.67,52.00,true,true,2.21,100.00",
                "13091626P000178100047,展会相关费用,472001,15.00,2026-06-30,5.00,8.74,9.00,60.00,1.73,GREEN,,74.79,"
                        + "12.03,2.00,9.00,false,false,-14.79,15.00",
                // An unplanned code is counted apart from the RED projects, as in the nightly CSV and the review's pages.
                "13091626P000199100001,,,,,,,0.36,,,UNPLANNED,UNPLANNED,74.79,0.48,,0.36,false,false,,");
    }

    @Test
    void putsEveryRedThenTheProjectedOverspendAndTheLaggingYellowsWithTheirBalanceOnTheFocusList() throws Exception {
        JobExecution execution = quarterly(false);

        QuarterlyReview review = reviews.load(Q3, execution.getExecutionContext().getInt(QuarterlyReviewTasklet.VERSION))
                .orElseThrow();
        assertThat(review.planInterpolated()).isTrue();
        // RED 国内招商 (14.00 left of its adjusted 25.00), 宣传 (12.40) and 综合事务管理 (3.80 left: RED, so in
        // whatever its balance), then YELLOW 河北 (projected over budget, 23.00 left), whatever the threshold.
        assertThat(review.focus(Money.ofWan("5"))).extracting(r -> r.variance().projectName())
                .containsExactly("国内招商", "宣传", "综合事务管理", "河北省药品医疗器械检验研究院沧州实验室");
        assertThat(review.focus(Money.ofWan("10"))).extracting(r -> r.variance().projectName())
                .containsExactly("国内招商", "宣传", "综合事务管理", "河北省药品医疗器械检验研究院沧州实验室");
        assertThat(review.units()).singleElement().satisfies(unit -> {
            assertThat(unit.budget()).isEqualTo(Money.ofWan("165"));
            assertThat(unit.red()).isEqualTo(3);
            assertThat(unit.yellow()).isEqualTo(1);
        });
    }

    @Test
    void judgesIndicatorsFromProgressFilesAndTheBudgetItself() throws Exception {
        JobExecution execution = quarterly(false);

        QuarterlyReview review = reviews.load(Q3, execution.getExecutionContext().getInt(QuarterlyReviewTasklet.VERSION))
                .orElseThrow();
        IndicatorReview signed = review.indicators().stream().filter(i -> i.level3().equals("促成签约项目个数"))
                .findFirst().orElseThrow();
        assertThat(signed.valueToDate()).isEqualTo("13个");
        assertThat(signed.status()).isEqualTo(IndicatorStatus.IN_PROGRESS);
        assertThat(signed.likelihood()).isEqualTo(Likelihood.POSSIBLE);
        assertThat(signed.causeCategory()).isEqualTo("经费保障");
        IndicatorReview cost = review.indicators().stream()
                .filter(i -> i.projectCode().equals("13091626P000177100055") && i.target().equals("控制在预算内"))
                .findFirst().orElseThrow();
        assertThat(cost.valueToDate()).isEqualTo("实际支出 7.60 万元 / 预算 20.00 万元");
        assertThat(cost.likelihood()).isEqualTo(Likelihood.CERTAIN);
        assertThat(Files.readString(tmp.resolve("out/2026-09-30/quarterly-indicators-2026-09-30.csv")))
                .contains("企业满意度,≥90百分比,93%,93%,已达成,确定能");
    }

    @Test
    void reissuesThePastReviewWithItsFiguresUntilARefreshIsAskedFor() throws Exception {
        JobExecution first = quarterly(false);
        List<String> issued = csv();
        // A back-dated payment for 国内招商 arrives after the review was issued.
        Exports.write(inbox, "late-correction.csv", Exports.HEADER,
                "2026-09-15,13091626P000175100046,20000.00,JZ-2026-0300,某公司,补录九月支出");

        JobExecution again = quarterly(false);

        assertThat(csv()).isEqualTo(issued);
        assertThat(again.getExecutionContext().getInt(QuarterlyReviewTasklet.VERSION)).isEqualTo(1);
        assertThat(again.getExecutionContext().getString(QuarterlyReviewTasklet.REISSUED)).isEqualTo("true");

        JobExecution refreshed = quarterly(true);

        assertThat(refreshed.getExecutionContext().getInt(QuarterlyReviewTasklet.VERSION)).isEqualTo(2);
        assertThat(csv()).anySatisfy(line -> assertThat(line).startsWith("13091626P000175100046,国内招商,472001,25.00,"
                + "2026-06-30,10.00,16.54,13.00,"));
        // Version 1 is kept as issued.
        assertThat(reviews.load(Q3, 1).orElseThrow().rows().get(0).variance().actual()).isEqualTo(Money.ofWan("11"));
        assertThat(first.getExecutionContext().getString(QuarterlyReviewTasklet.REISSUED)).isEqualTo("false");
    }
}
