package org.budgetmonitor.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The check of a server's database against the run journal, running on a thread of its own while the
 * context starts: its count of the stored payments reads the whole table (a million rows a year for a
 * province), which the start's first beans need not wait for. It is awaited before anything may write —
 * Flyway's migration ({@link RunConfig}) and any job (the context's started event, before the runners) — so
 * the check still comes before anything changes the database. An H2 file is checked before it is opened
 * ({@link DatabaseCheckListener}).
 */
public final class PendingDatabaseCheck {

    /** The singleton's name in the context. */
    public static final String BEAN = "pendingDatabaseCheck";

    private final CompletableFuture<DatabaseCheck.Outcome> outcome;

    private PendingDatabaseCheck(CompletableFuture<DatabaseCheck.Outcome> outcome) {
        this.outcome = outcome;
    }

    /** @param check the check, its failures thrown unchecked ({@link DamagedDatabaseException} when it finds damage) */
    static PendingDatabaseCheck start(Supplier<DatabaseCheck.Outcome> check) {
        CompletableFuture<DatabaseCheck.Outcome> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.complete(check.get());
            } catch (RuntimeException | Error e) {
                outcome.completeExceptionally(e);
            }
        }, "database-check");
        thread.setDaemon(true);
        thread.start();
        return new PendingDatabaseCheck(outcome);
    }

    /** Waits for the check: its outcome, or what it found thrown ({@link DamagedDatabaseException}). */
    public DatabaseCheck.Outcome await() {
        try {
            return outcome.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
