package org.budgetmonitor.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The nightly backups being written beside the night, on a thread of their own: {@link #start} fixes
 * the snapshot and returns, {@link #finish} waits for the file, claims it under its name and prunes.
 * Known by job execution: a restart, or another process, finds nothing of an earlier attempt here.
 */
public class BackgroundBackups implements DisposableBean {

    /** What became of one night's backup. */
    public sealed interface Outcome {
    }

    /** Written and renamed to its name. */
    public record Written(Path file, long bytes) implements Outcome {
    }

    /** Not written: nothing was claimed under the night's name. */
    public record Failed(String reason) implements Outcome {
    }

    private record InFlight(Path dataDir, Path target, int keep, long startedNanos, CompletableFuture<Void> written) {
    }

    private static final Logger log = LoggerFactory.getLogger(BackgroundBackups.class);

    private final ExecutorService executor;
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();

    /** @param executor where the scripts are written; shut down with this bean */
    public BackgroundBackups(ExecutorService executor) {
        this.executor = executor;
    }

    /**
     * Fixes the snapshot of the database as it is now and has it written in the background to
     * {@code target}'s {@code .part}. A failure, here or later, is kept for {@link #finish}: the night goes on.
     */
    public void start(long jobExecutionId, DataSource dataSource, Path dataDir, Path target, int keep) {
        long started = System.nanoTime();
        Path part = part(target);
        Path script = script(target);
        CompletableFuture<Void> written;
        try {
            Files.createDirectories(target.getParent());
            // Left by a process killed while writing: never counted as backups, removed before the next one.
            Files.deleteIfExists(part);
            Files.deleteIfExists(script);
            SnapshotScript snapshot = SnapshotScript.pin(dataSource);
            log.info("Backing up the database to {} beside the night, from a snapshot fixed in {} ms", target,
                    (System.nanoTime() - started) / 1_000_000);
            written = CompletableFuture.runAsync(() -> {
                try (snapshot) {
                    snapshot.writeZip(script, part);
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, executor);
        } catch (Exception e) {
            written = CompletableFuture.failedFuture(e);
        }
        inFlight.put(jobExecutionId, new InFlight(dataDir, target, keep, started, written));
    }

    /**
     * Waits for this job execution's backup, if this process started one, and claims it under its name
     * (the newest {@code keep} are kept) or, if it failed, removes what it left.
     */
    public Optional<Outcome> finish(long jobExecutionId) {
        InFlight backup = inFlight.remove(jobExecutionId);
        if (backup == null) {
            return Optional.empty();
        }
        Written written;
        try {
            backup.written().get();
            Files.move(part(backup.target()), backup.target(), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            long bytes = Files.size(backup.target());
            log.info("Backed up the database to {} ({} bytes, {} ms)", backup.target(), bytes,
                    (System.nanoTime() - backup.startedNanos()) / 1_000_000);
            written = new Written(backup.target(), bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(failed(backup, e));
        } catch (ExecutionException e) {
            return Optional.of(failed(backup, e.getCause()));
        } catch (IOException | RuntimeException e) {
            return Optional.of(failed(backup, e));
        }
        try {
            prune(backup.dataDir(), backup.keep());
        } catch (IOException e) {
            // The night's backup is written all the same; the older ones stay until the next night prunes.
            log.warn("Could not prune the older backups ({})", e.toString());
        }
        return Optional.of(written);
    }

    private static Failed failed(InFlight backup, Throwable cause) {
        log.error("The backup to {} was not written", backup.target(), cause);
        removeLeftovers(backup.target());
        return new Failed(reason(cause));
    }

    /** The temporary files of a backup of this name, which no process is writing any more. */
    static void removeLeftovers(Path target) {
        for (Path leftover : List.of(part(target), script(target))) {
            try {
                Files.deleteIfExists(leftover);
            } catch (IOException e) {
                log.warn("Could not remove {} ({}); it is never taken for a backup", leftover, e.toString());
            }
        }
    }

    static Path part(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    static Path script(Path target) {
        return target.resolveSibling(target.getFileName() + ".sql.part");
    }

    /** The cause as an operator reads it: an I/O exception's message is often only the file's name. */
    static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage().strip();
        String type = cause.getClass().getSimpleName();
        if (cause instanceof java.sql.SQLException || message.isEmpty()) {
            return message.isEmpty() ? type : message.lines().findFirst().orElse(message);
        }
        return type + ": " + message;
    }

    private static void prune(Path dataDir, int keep) throws IOException {
        List<Path> backups = DatabaseBackups.list(dataDir);
        for (Path old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            Files.deleteIfExists(old);
            log.info("Pruned backup {} (monitor.backup.keep={})", old, keep);
        }
    }

    /**
     * Lets a backup still being written finish. Never interrupted: an interrupt in the middle of H2's
     * file I/O closes the database file under every other session.
     */
    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(1, TimeUnit.HOURS)) {
            log.warn("A backup was still being written after an hour; leaving it");
        }
    }
}
