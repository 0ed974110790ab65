package org.budgetmonitor.run;

import java.time.LocalDate;
import java.util.Map;

import org.budgetmonitor.support.JobParameterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * Starts a job for an as-of date the way an operator expects: a failed run of that date is
 * restarted where it stopped; a completed one is simply run again (as a new run number) instead
 * of ending in Spring Batch's "instance already complete".
 *
 * <p>Identifying parameters are {@code asOf} and {@code run}; the directories are non-identifying,
 * so a restart may point at a corrected plan or inbox.
 */
@Service
public class JobLauncherService {

    private static final Logger log = LoggerFactory.getLogger(JobLauncherService.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;

    public JobLauncherService(JobOperator jobOperator, JobRepository jobRepository) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
    }

    /**
     * Must be called while holding the {@link RunLock} (see {@link RunLockListener}): a STARTED
     * execution is then a dead one.
     */
    public JobExecution launch(Job job, LocalDate asOf, Map<String, String> options) throws Exception {
        long run = 1;
        while (true) {
            JobParameters parameters = parameters(asOf, run, options);
            JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
            if (last == null) {
                return jobOperator.start(job, parameters);
            }
            BatchStatus status = last.getStatus();
            String restartOf = JobParameterNames.AFTER_FAILURE;
            if (status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING) {
                // We hold the lock, so the process that ran this is gone (killed or crashed).
                log.warn("Run {} of {} as of {} was interrupted (status {}); marking it failed and restarting it",
                        run, job.getName(), asOf, status);
                jobOperator.recover(last);
                status = BatchStatus.FAILED;
                restartOf = JobParameterNames.AFTER_KILL;
            }
            if (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) {
                log.info("Restarting run {} of {} as of {} (after {})", run, job.getName(), asOf, restartOf);
                return jobOperator.start(job, builder(asOf, run, options)
                        .addString(JobParameterNames.RESTART_OF, restartOf, false).toJobParameters());
            }
            run++; // COMPLETED or ABANDONED: this date is run again as a new run
        }
    }

    private static JobParameters parameters(LocalDate asOf, long run, Map<String, String> options) {
        return builder(asOf, run, options).toJobParameters();
    }

    private static JobParametersBuilder builder(LocalDate asOf, long run, Map<String, String> options) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addLocalDate(JobParameterNames.AS_OF, asOf)
                .addLong(JobParameterNames.RUN, run);
        options.forEach((name, value) -> builder.addString(name, value, false));
        return builder;
    }
}
