package org.budgetmonitor.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.budgetmonitor.ops.RunLogRepository;
import org.budgetmonitor.ops.RunLogTable;
import org.budgetmonitor.support.BadInputException;
import org.budgetmonitor.support.JobParameterNames;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.VarianceTasklet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The command line: picks the job named by {@code --job}, checks the options, takes the run lock
 * and launches. Its exit code is the process's (see {@link ExitCodes}).
 */
@Component
public class JobCommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final String IMPORT_PLAN = "import-plan";
    static final String STATUS = "status";
    /** Replays the archive into a fresh database (see {@link JobCommand}, the recovery package). */
    public static final String REBUILD = "rebuild";

    private static final Logger log = LoggerFactory.getLogger(JobCommandRunner.class);

    private final MonitorProperties properties;
    private final Map<String, Job> jobsByName;
    private final JobLauncherService launcher;
    private final Clock clock;
    private int exitCode = ExitCodes.SUCCESS;

    private final RunLogRepository runLog;
    private final CompletedRunJournal journal;
    private final Map<String, JobCommand> commandsByName;

    public JobCommandRunner(MonitorProperties properties, List<Job> jobs, JobLauncherService launcher, Clock clock,
            RunLogRepository runLog, CompletedRunJournal journal, ObjectProvider<JobCommand> commands) {
        this.commandsByName = commands.orderedStream().collect(Collectors.toMap(JobCommand::name, c -> c));
        this.properties = properties;
        this.jobsByName = jobs.stream().collect(Collectors.toMap(Job::getName, j -> j));
        this.launcher = launcher;
        this.clock = clock;
        this.runLog = runLog;
        this.journal = journal;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.runOnStartup()) {
            exitCode = execute();
        }
    }

    /** Runs the configured job and returns the exit code. */
    public int execute() {
        return execute(properties.job(), null);
    }

    /**
     * Runs a job and returns the exit code.
     *
     * @param asOfDate the as-of date, or null for {@code --as-of} (default yesterday)
     */
    public int execute(String jobName, LocalDate asOfDate) {
        try {
            if (jobName.equals(STATUS)) {
                System.out.print(RunLogTable.format(runLog.latest(20)));
                return ExitCodes.SUCCESS;
            }
            JobCommand command = commandsByName.get(jobName);
            if (command != null) {
                return command.execute(asOfDate != null ? asOfDate : asOf());
            }
            // OptionsCheckListener refused an unknown --job at start; a scheduled one is from the configuration.
            Job job = Optional.ofNullable(jobsByName.get(jobName))
                    .orElseThrow(() -> new BadInputException(RunOptions.unknownJob(jobName)));
            LocalDate asOf = asOfDate != null ? asOfDate : asOf();
            Map<String, String> options = job.getName().equals(IMPORT_PLAN) ? importOptions() : options();
            // The process holds the run lock on --data-dir (RunLockListener) from before the database opened.
            JobExecution execution = launcher.launch(job, asOf, options);
            int code = exitCodeOf(execution);
            try {
                journal.record(execution);
            } catch (IOException | RuntimeException e) {
                // The night's figures stand, but the next start could not vouch for them: a fault to say.
                log.error("Cannot write the run journal", e);
                System.out.println("budget-monitor: the run completed, but its line in " + journal.journal().file()
                        + " could not be written: " + e.getMessage());
                return ExitCodes.FAILED;
            }
            boolean red = execution.getExecutionContext().getInt(VarianceTasklet.FLAG_COUNT_PREFIX + Flag.RED, 0) > 0;
            return code == ExitCodes.SUCCESS && red && properties.redExitCode() ? ExitCodes.SUCCESS_WITH_RED : code;
        } catch (BadInputException e) {
            System.out.println("budget-monitor: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (Exception e) {
            log.error("Run failed", e);
            System.out.println("budget-monitor: run failed: " + e);
            return ExitCodes.FAILED;
        }
    }

    private LocalDate asOf() {
        return RunOptions.asOf(properties.asOf(), clock);
    }

    /** import-plan reads a document and writes the plan directory, creating it if need be. */
    private Map<String, String> importOptions() {
        Path document = RunOptions.document(properties.document());
        int year = properties.fiscalYear() == null ? LocalDate.now(clock).getYear() : properties.fiscalYear();
        Map<String, String> options = new LinkedHashMap<>();
        options.put(JobParameterNames.DOCUMENT, document.toAbsolutePath().normalize().toString());
        options.put(JobParameterNames.FISCAL_YEAR, String.valueOf(year));
        options.put(JobParameterNames.PLAN_DIR, properties.planDir().toAbsolutePath().normalize().toString());
        planEffective(options);
        return options;
    }

    // The rules are RunOptions', checked at start by OptionsCheckListener; here they give the job's parameters
    // (and hold for the scheduler's runs, whose folders may have gone since the start).
    private Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(JobParameterNames.PLAN_DIR, RunOptions.existingDirectory("--plan-dir", properties.planDir()));
        options.put(JobParameterNames.INBOX, RunOptions.existingDirectory("--inbox", properties.inbox()));
        options.put(JobParameterNames.OUTPUT_DIR, properties.outputDir().toAbsolutePath().normalize().toString());
        // Used by the quarterly review; a missing progress folder just means no indicator progress yet.
        options.put(JobParameterNames.PROGRESS_DIR, properties.progressDir().toAbsolutePath().normalize().toString());
        options.put(JobParameterNames.REFRESH, String.valueOf(properties.refresh()));
        planEffective(options);
        return options;
    }

    private void planEffective(Map<String, String> options) {
        RunOptions.planEffective(properties.planEffective()).ifPresent(date -> options.put(JobParameterNames.PLAN_EFFECTIVE, date.toString()));
    }

    static int exitCodeOf(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            // import-plan: what could be read was imported, but the document had problems to fix.
            return execution.getExitStatus().getExitCode().equals("COMPLETED_WITH_PROBLEMS")
                    ? ExitCodes.BAD_INPUT : ExitCodes.SUCCESS;
        }
        boolean badInput = execution.getAllFailureExceptions().stream().anyMatch(JobCommandRunner::isBadInput);
        return badInput ? ExitCodes.BAD_INPUT : ExitCodes.FAILED;
    }

    private static boolean isBadInput(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadInputException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
