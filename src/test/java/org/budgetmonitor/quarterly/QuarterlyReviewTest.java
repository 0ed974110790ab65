package org.budgetmonitor.quarterly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.budgetmonitor.quarterly.QuarterlyFixtures.ADMIN_PLAN;
import static org.budgetmonitor.quarterly.QuarterlyFixtures.DOMESTIC_PLAN;
import static org.budgetmonitor.quarterly.QuarterlyFixtures.FAIRS_PLAN;
import static org.budgetmonitor.quarterly.QuarterlyFixtures.LAB_PLAN;
import static org.budgetmonitor.quarterly.QuarterlyFixtures.PUBLICITY_PLAN;

import java.time.LocalDate;
import java.util.List;

import org.budgetmonitor.money.Money;
import org.junit.jupiter.api.Test;

class QuarterlyReviewTest {

    private static final LocalDate Q3 = LocalDate.of(2026, 9, 30);

    @Test
    void onlyProjectsWithoutACheckpointOnTheDateHaveTheirPlanInterpolated() {
        QuarterlyReview review = new QuarterlyFixtures(Q3)
                .project("471005", "F1", "有九月底节点", "30", List.of("03-31=5", "06-30=15", "09-30=20", "12-31=30"),
                        "2026-09-01=20")
                .project("472001", "P1", "无九月底节点", "20", DOMESTIC_PLAN,
                        "2026-09-01=11")
                // Its last checkpoint has passed: the plan is that checkpoint's, nothing interpolated.
                .project("472001", "P2", "节点已全部过去", "10", List.of("03-31=5", "06-30=10"), "2026-05-01=10")
                .review();

        assertThat(review.interpolatedRows()).extracting(r -> r.variance().projectName()).containsExactly("无九月底节点");
        assertThat(review.planInterpolated()).isTrue();

        QuarterlyReview allOnTheDate = new QuarterlyFixtures(Q3)
                .project("471005", "F1", "有九月底节点", "30", List.of("03-31=5", "06-30=15", "09-30=20", "12-31=30"),
                        "2026-09-01=20")
                .review();
        assertThat(allOnTheDate.interpolatedRows()).isEmpty();
        assertThat(allOnTheDate.planInterpolated()).isFalse();
    }

    @Test
    void theFocusListHoldsEveryRedThenTheYellowsWithTheLargestBalanceFirst() {
        QuarterlyReview review = new QuarterlyFixtures(Q3)
                // YELLOW behind plan, 9.00 left.
                .project("472001", "P1", "国内招商", "20", DOMESTIC_PLAN, "2026-05-10=7.5",
                        "2026-07-14=2", "2026-09-18=1.5")
                // RED behind plan, 3.80 left: below the threshold, still in.
                .project("472001", "P2", "综合事务管理", "5", ADMIN_PLAN,
                        "2026-08-10=1.2")
                // RED behind plan, 12.40 left.
                .project("472001", "P3", "宣传", "20", PUBLICITY_PLAN,
                        "2026-05-10=4", "2026-09-10=3.6")
                // GREEN, projected 102.95 of 100: YELLOW, in.
                .project("472001", "P5", "实验室", "100", LAB_PLAN,
                        "2026-03-20=25", "2026-06-20=27", "2026-09-10=25")
                // GREEN, on track.
                .project("472001", "P4", "展会相关费用", "15", FAIRS_PLAN,
                        "2026-06-20=9")
                .review();

        assertThat(review.focus(Money.ofWan("5"))).extracting(r -> r.variance().projectName())
                .containsExactly("宣传", "综合事务管理", "实验室", "国内招商");
        assertThat(review.rows()).filteredOn(QuarterlyRow::needsExplanation).extracting(r -> r.variance().projectName())
                .containsExactly("国内招商", "综合事务管理", "宣传", "实验室");
    }
}
