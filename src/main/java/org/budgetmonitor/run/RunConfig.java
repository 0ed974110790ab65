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
     * Flyway waits for the check of a server's database against the run journal, which runs beside the start
     * ({@link PendingDatabaseCheck}) until here: a migration, or the schema history Flyway creates in an empty
     * database, must not change a database the journal says is damaged. Asking Flyway whether anything is pending
     * cost as much as the wait.
     */
    @Bean
    FlywayMigrationStrategy migrationAfterTheDatabaseCheck(ObjectProvider<PendingDatabaseCheck> check) {
        return flyway -> {
            PendingDatabaseCheck pending = check.getIfAvailable();
            if (pending != null) {
                pending.await();
            }
            flyway.migrate();
        };
    }
}
