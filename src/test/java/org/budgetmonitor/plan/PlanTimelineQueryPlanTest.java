package org.budgetmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.budgetmonitor.testing.JobTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every night reads the year's plan timeline, a province's 200,000 checkpoints among them. Read along the
 * primary key, H2 fetched each row from the table besides (1.3-1.5 s on a file just opened, at 50,000
 * projects); an index holding every column the read needs answers it alone (0.5 s).
 */
@JobTest
class PlanTimelineQueryPlanTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCheckpointsAreReadFromAnIndexHoldingEveryColumnTheReadNeeds() {
        String plan = String.join("\n", jdbc.queryForList("EXPLAIN " + PlanRevisionRepository.SELECT_VERSION_CHECKPOINTS,
                String.class, 2026, Long.MAX_VALUE));
        assertThat(plan).as(plan).containsIgnoringCase("IX_PLAN_REVISION_CHECKPOINT_READ");
    }
}
