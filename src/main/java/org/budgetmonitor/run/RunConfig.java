package org.budgetmonitor.run;

import java.time.Clock;

import org.budgetmonitor.delivery.MailSettings;
import org.budgetmonitor.ingest.IngestProperties;
import org.budgetmonitor.report.ReportProperties;
import org.budgetmonitor.variance.VarianceThresholds;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
}
