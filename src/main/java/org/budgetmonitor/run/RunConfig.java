package org.budgetmonitor.run;

import java.time.Clock;

import org.budgetmonitor.delivery.MailSettings;
import org.budgetmonitor.ingest.IngestProperties;
import org.budgetmonitor.report.ReportProperties;
import org.budgetmonitor.variance.VarianceThresholds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MonitorProperties.class, VarianceThresholds.class, IngestProperties.class,
    MailSettings.class, ReportProperties.class})
public class RunConfig {

    /** Replaced in tests; "yesterday" is computed from it. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /**
     * Migrations change the database: pending ones wait for the check of a server's database against the run
     * journal, which runs beside the start ({@link PendingDatabaseCheck}). With none pending, migrating writes
     * nothing and the job waits for the check instead.
     */
    @Bean
    FlywayMigrationStrategy migrationAfterTheDatabaseCheck(ObjectProvider<PendingDatabaseCheck> check) {
        return flyway -> {
            PendingDatabaseCheck pending = check.getIfAvailable();
            if (pending != null && flyway.info().pending().length > 0) {
                pending.await();
            }
            flyway.migrate();
        };
    }
}
