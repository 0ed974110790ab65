package org.budgetmonitor.run;

import java.time.LocalDate;

/**
 * A {@code --job} that is not one Spring Batch job but composes them (the rebuild, in the
 * recovery package). Declared here so that this package never imports the ones above it.
 */
public interface JobCommand {

    String name();

    /** Runs, prints its own summary and returns the exit code ({@link ExitCodes}). */
    int execute(LocalDate asOf) throws Exception;
}
