package org.budgetmonitor.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.util.FileSystemUtils;

/**
 * Takes the run lock on {@code --data-dir} as soon as the configuration is known, before the
 * database is opened or migrated, so a second run exits at once and touches nothing.
 *
 * <p>It runs after the configuration files are read (which name the data directory) and before
 * the logging system starts: a refused run has no log file open, so nothing of it, not even
 * Spring Boot's report of the failed start, lands in the running job's
 * {@code <data-dir>/logs/budget-monitor.log}. Its refusal goes to stdout only.
 */
public class RunLockListener implements ApplicationListener<ApplicationEvent>, Ordered {

    /** After EnvironmentPostProcessorApplicationListener (+10), before LoggingApplicationListener (+20). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 15;

    /** Another process holds the lock. */
    public static class AlreadyRunningException extends RuntimeException {
        public AlreadyRunningException(Path dataDir) {
            super("another run is using " + dataDir.toAbsolutePath() + "; nothing was done");
        }
    }

    private RunLock lock;

    private static void emptyTemporaryFiles(Path tmp) throws IOException {
        if (!Files.isDirectory(tmp)) {
            return;
        }
        try (Stream<Path> children = Files.list(tmp)) {
            for (Path child : children.toList()) {
                FileSystemUtils.deleteRecursively(child);
            }
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            Path dataDir = Path.of(prepared.getEnvironment().getProperty("monitor.data-dir", "data"));
            try {
                lock = RunLock.tryAcquire(dataDir).orElseThrow(() -> new AlreadyRunningException(dataDir));
                // Only the lock holder may: what is there was left by a run that was killed (report swap files).
                emptyTemporaryFiles(dataDir.resolve("tmp"));
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
