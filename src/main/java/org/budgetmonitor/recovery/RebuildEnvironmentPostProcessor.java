package org.budgetmonitor.recovery;

import java.util.HashMap;
import java.util.Map;

import org.budgetmonitor.run.DatabaseCheckListener;
import org.budgetmonitor.run.JobCommandRunner;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code --job=rebuild} the nightly job replays archived nights, so the process is set up for
 * that above every other source: the archive is read (never moved into itself), no reports, no mail,
 * every file complete (the markers were consumed the first time), no pruning, and no backups (a
 * copy of a half-rebuilt database is worth nothing, and pruning would cost the real ones).
 */
public class RebuildEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!JobCommandRunner.REBUILD.equals(environment.getProperty("monitor.job"))) {
            return;
        }
        Map<String, Object> replay = new HashMap<>();
        replay.put(DatabaseCheckListener.REBUILD_ARCHIVE_DIR, environment.getProperty("monitor.ingest.archive-dir", ""));
        replay.put("monitor.ingest.archive-dir", "");
        replay.put("monitor.ingest.accept", "ALL");
        replay.put("monitor.report.enabled", "false");
        replay.put("monitor.mail.enabled", "false");
        replay.put("monitor.retention.keep-days", "0");
        replay.put("monitor.backup.keep", "0");
        environment.getPropertySources().addFirst(new MapPropertySource("budgetMonitorRebuild", replay));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
