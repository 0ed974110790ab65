package org.budgetmonitor.support;

/**
 * The names of the job parameters the command line sets, here so that the steps and the run log
 * below the command line read them without importing it.
 *
 * <p>Identifying parameters are {@code asOf} and {@code run}; the directories are non-identifying,
 * so a restart may point at a corrected plan or inbox.
 */
public final class JobParameterNames {

    public static final String AS_OF = "asOf";
    public static final String RUN = "run";
    /**
     * Non-identifying, set on an execution that carries on an earlier attempt of the same run, so the
     * summary and the run log can say so: {@link #AFTER_FAILURE} or {@link #AFTER_KILL}.
     */
    public static final String RESTART_OF = "restartOf";
    /** The earlier attempt failed (a bad plan, a full disk …) and this one is the same command again. */
    public static final String AFTER_FAILURE = "failure";
    /** The earlier attempt's process was killed or crashed: it was still marked as running. */
    public static final String AFTER_KILL = "kill";

    public static final String PLAN_DIR = "planDir";
    public static final String INBOX = "inbox";
    public static final String OUTPUT_DIR = "outputDir";
    public static final String PROGRESS_DIR = "progressDir";
    public static final String REFRESH = "refresh";
    public static final String DOCUMENT = "document";
    public static final String FISCAL_YEAR = "fiscalYear";
    /** From when a changed plan file is in force ({@code --plan-effective}); absent: the as-of date. */
    public static final String PLAN_EFFECTIVE = "planEffective";

    private JobParameterNames() {
    }
}
