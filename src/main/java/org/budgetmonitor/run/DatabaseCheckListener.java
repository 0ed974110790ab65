package org.budgetmonitor.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Checks the database against the run journal once the run lock is held and before the data
 * source, Flyway or any job touches it (see {@link DatabaseCheck}). A damaged database stops the
 * process with {@link DamagedDatabaseException}; untrusted journal lines are said on stdout.
 */
public class DatabaseCheckListener implements ApplicationListener<ApplicationPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCheckListener.class);

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        Path dataDir = Path.of(environment.getProperty("monitor.data-dir", "data"));
        String url = environment.getProperty("spring.datasource.url");
        String job = environment.getProperty("monitor.job", "nightly");
        if (JobCommandRunner.REBUILD.equals(job)) {
            return; // the rebuild replaces the database; it never needs the old one to be sound
        }
        try {
            DatabaseCheck.Outcome outcome = new DatabaseCheck(dataDir, url,
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password")).run();
            for (String warning : outcome.warnings()) {
                log.warn(warning);
                System.out.println("budget-monitor: " + warning);
            }
        } catch (DamagedDatabaseException e) {
            log.error(e.getMessage());
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run journal in " + dataDir.toAbsolutePath(), e);
        }
    }
}
