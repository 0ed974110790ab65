package org.budgetmonitor.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.budgetmonitor.delivery.DeliveryTasklet;
import org.budgetmonitor.ingest.ExportFiles;
import org.budgetmonitor.ingest.IngestWriter;
import org.budgetmonitor.support.JobParameterNames;
import org.budgetmonitor.support.OutputFiles;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.VarianceTasklet;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Writes the run-log line of every run (nightly, quarterly, import-plan), with its files' SHA-256 and
 * whether it was a restart.
 */
@Component
public class RunLogListener implements JobExecutionListener {

    private final RunLogRepository runLog;
    private final JobRepository jobRepository;

    public RunLogListener(RunLogRepository runLog, JobRepository jobRepository) {
        this.runLog = runLog;
        this.jobRepository = jobRepository;
    }

    @Override
    public void afterJob(JobExecution execution) {
        var parameters = execution.getJobParameters();
        LocalDate asOf = parameters.getLocalDate(JobParameterNames.AS_OF);
        var context = execution.getExecutionContext();
        List<String> counts = new ArrayList<>();
        StepExecution ingest = jobRepository.getLastStepExecution(execution.getJobInstance(), "ingest");
        if (ingest != null) {
            counts.add("ingested " + ingest.getExecutionContext().getLong(IngestWriter.INSERTED, 0));
            counts.add("rejected " + ingest.getExecutionContext().getLong(IngestWriter.REJECTED, 0));
        }
        for (Flag flag : Flag.values()) {
            String key = VarianceTasklet.FLAG_COUNT_PREFIX + flag;
            if (context.containsKey(key)) {
                counts.add(flag + " " + context.getInt(key));
            }
        }
        if (execution.getStatus() == BatchStatus.COMPLETED
                && !execution.getExitStatus().getExitCode().equals(ExitStatus.COMPLETED.getExitCode())) {
            counts.add(execution.getExitStatus().getExitCode().toLowerCase(java.util.Locale.ROOT)); // import-plan's
        }
        String document = parameters.getString(JobParameterNames.DOCUMENT);
        if (document != null) {
            // import-plan: which document, for which year (its as-of date is only the day it ran for).
            counts.add(0, "fiscal year " + parameters.getString(JobParameterNames.FISCAL_YEAR) + " from "
                    + Path.of(document).getFileName());
        }
        String outputDir = parameters.getString(JobParameterNames.OUTPUT_DIR);
        String planDir = parameters.getString(JobParameterNames.PLAN_DIR);
        String files;
        if (outputDir != null && asOf != null) {
            files = files(new OutputFiles(Path.of(outputDir), asOf).dir(), name -> true);
        } else if (document != null && planDir != null) {
            // import-plan writes the plan files, nothing under an output folder.
            files = files(Path.of(planDir), name -> name.equals("projects.csv") || name.equals("indicators.csv"));
        } else {
            files = "";
        }
        runLog.add(new RunLogRepository.Entry(execution.getId(), execution.getJobInstance().getJobName(), asOf,
                parameters.getLong(JobParameterNames.RUN), execution.getStartTime(), execution.getEndTime(),
                execution.getStatus().name(), String.join(", ", counts), files,
                context.getString(DeliveryTasklet.MAIL_STATUS, ""), parameters.getString(JobParameterNames.RESTART_OF)));
    }

    private static String files(Path dir, Predicate<String> wanted) {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path file : listing.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.startsWith(".") && wanted.test(name)) {
                    lines.add(file.getFileName() + " " + ExportFiles.sha256(file));
                }
            }
        } catch (IOException e) {
            lines.add("(cannot list: " + e.getMessage() + ")");
        }
        return String.join("\n", lines);
    }
}
