package org.budgetmonitor.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The result of a document written on a report pool, its failure thrown as what it was. */
final class DocumentTasks {

    private DocumentTasks() {
    }

    /**
     * Waits for the task; an I/O failure comes back as the {@link IOException} it was (also when wrapped
     * unchecked), a runtime failure as itself. The caller's pool is shut down by the caller.
     *
     * @param what the documents, for the message when interrupted ("the reports")
     */
    static <T> T result(Future<T> task, String what) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause.getMessage(), cause);
        }
    }
}
