package org.budgetmonitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.budgetmonitor.support.JobParameterNames;
import org.budgetmonitor.testing.JobTest;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.TestPropertySource;

/** --schedule: the same jobs from the same cron expressions, for the day before. */
@JobTest
@TestPropertySource(properties = {"monitor.schedule.enabled=true", "monitor.plan-dir=sample-data/plan",
    "monitor.inbox=sample-data/disbursements", "monitor.output-dir=target/scheduled-test/out"})
class ScheduledRunsTest {

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock julyFirst() {
            return Clock.fixed(Instant.parse("2026-07-01T01:30:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    ScheduledRuns scheduledRuns;

    @Autowired
    ScheduledTaskHolder scheduler;

    @Autowired
    JobRepository jobRepository;

    @Test
    void registersTheNightlyAndQuarterlyCronExpressions() {
        assertThat(scheduler.getScheduledTasks())
                .extracting(t -> t.getTask() instanceof CronTask cron ? cron.getExpression() : "")
                .contains("0 30 1 * * *", "0 0 3 1 1,4,7,10 *");
    }

    @Test
    void aScheduledNightlyRunCoversYesterday() {
        int code = scheduledRuns.runNightly();

        assertThat(code).isEqualTo(ExitCodes.SUCCESS);
        var instance = jobRepository.getLastJobInstance("nightly");
        var execution = jobRepository.getLastJobExecution(instance);
        assertThat(execution.getJobParameters().getLocalDate(JobParameterNames.AS_OF))
                .isEqualTo(LocalDate.of(2026, 6, 30));
    }
}
