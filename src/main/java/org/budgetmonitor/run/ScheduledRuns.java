package org.budgetmonitor.run;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * {@code --schedule}: for hosts without cron, the process stays up and triggers the same jobs
 * from the same cron expressions ({@code monitor.schedule.*}), each for the day before. The run
 * lock is held for the life of the process, so a cron-started run meanwhile exits with code 3.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "monitor.schedule.enabled", havingValue = "true")
public class ScheduledRuns implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);

    private final JobCommandRunner runner;
    private final Clock clock;
    private final String nightlyCron;
    private final String quarterlyCron;

    public ScheduledRuns(JobCommandRunner runner, Clock clock,
            @Value("${monitor.schedule.nightly-cron}") String nightlyCron,
            @Value("${monitor.schedule.quarterly-cron}") String quarterlyCron) {
        this.runner = runner;
        this.clock = clock;
        this.nightlyCron = nightlyCron;
        this.quarterlyCron = quarterlyCron;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addCronTask(this::runNightly, nightlyCron);
        registrar.addCronTask(this::runQuarterly, quarterlyCron);
        log.info("Scheduled nightly at '{}' and quarterly at '{}'", nightlyCron, quarterlyCron);
    }

    public int runNightly() {
        return run("nightly");
    }

    public int runQuarterly() {
        return run("quarterly");
    }

    private int run(String job) {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        int code = runner.execute(job, yesterday);
        log.info("Scheduled {} for {} ended with exit code {}", job, yesterday, code);
        return code;
    }
}
