package org.budgetmonitor.run;

/** The process exit codes; scripts and cron rely on them (README, "Exit codes"). */
public final class ExitCodes {

    /** The job completed. */
    public static final int SUCCESS = 0;
    /** The job failed; run the same command again to restart it where it stopped. */
    public static final int FAILED = 1;
    /** Bad input or configuration: an invalid plan, option or directory. Fix it and run again. */
    public static final int BAD_INPUT = 2;
    /** Another run holds the lock on the data directory; nothing was touched. */
    public static final int ALREADY_RUNNING = 3;
    /** The job completed and found RED projects; only with {@code --red-exit-code=true} (the cron wrappers). */
    public static final int SUCCESS_WITH_RED = 4;

    private ExitCodes() {
    }
}
