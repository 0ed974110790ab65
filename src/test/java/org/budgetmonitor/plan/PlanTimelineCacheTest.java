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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The year's plan is read once for the steps of a night that ask for it, and let go by the last of them, the
 * report, so that a province's plan (about 55 MB at 50,000 projects) is not held through 501 renderings.
 */
@JobTest
class PlanTimelineCacheTest {

    @Autowired
    NightlyJobHarness job;

    @Autowired
    PlanRepository plans;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() {
        job.clear();
    }

    @Test
    void aTimelineIsReadOnceUntilItIsForgotten() {
        PlanRevisionRepository revisions = plans.revisions();
        PlanTimeline first = revisions.timeline(2026);

        assertThat(revisions.timeline(2026)).isSameAs(first);
        plans.forgetTimelines();
        PlanTimeline again = revisions.timeline(2026);

        assertThat(again).isNotSameAs(first);
        assertThat(again.on(LocalDate.of(2026, 6, 30)).projects())
                .hasSameSizeAs(first.on(LocalDate.of(2026, 6, 30)).projects());
    }

    @Test
    void theNightLetsGoOfThePlanOnceItsReportIsAssembled() throws Exception {
        Path plan = Exports.plan(tmp.resolve("plan"));
        Exports.write(tmp.resolve("inbox"), "a.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要");
        job.run(LocalDate.of(2026, 6, 30), plan, tmp.resolve("inbox"), tmp.resolve("out"));
        PlanTimeline afterTheVariance = plans.revisions().timeline(2026);

        job.run(LocalDate.of(2026, 7, 1), plan, tmp.resolve("inbox"), tmp.resolve("out"));

        // The night read the plan (its variance is against it) and forgot it after its report.
        assertThat(plans.revisions().timeline(2026)).isNotSameAs(afterTheVariance);
    }
}
