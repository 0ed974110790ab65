package org.budgetmonitor.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Takes the run lock on {@code --data-dir} as soon as the configuration is known, before the
 * database is opened or migrated, so a second run exits at once and touches nothing.
 */
public class RunLockListener implements ApplicationListener<ApplicationEvent> {

    /** Another process holds the lock. */
    public static class AlreadyRunningException extends RuntimeException {
        public AlreadyRunningException(Path dataDir) {
            super("another run is using " + dataDir.toAbsolutePath() + "; nothing was done");
        }
    }

    private RunLock lock;

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            Path dataDir = Path.of(prepared.getEnvironment().getProperty("monitor.data-dir", "data"));
            try {
                lock = RunLock.tryAcquire(dataDir).orElseThrow(() -> new AlreadyRunningException(dataDir));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot lock " + dataDir.toAbsolutePath(), e);
            }
        } else if ((event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) && lock != null) {
            // A start-up that failed before the context was refreshed never closes it: release here too.
            try {
                lock.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lock = null;
        }
    }
}
