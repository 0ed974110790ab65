package org.budgetmonitor.job;

import static org.budgetmonitor.job.SharedSteps.taskletStep;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.budgetmonitor.delivery.DeliveryRepository;
import org.budgetmonitor.delivery.DeliveryTasklet;
import org.budgetmonitor.delivery.MailSettings;
import org.budgetmonitor.delivery.ReportMailer;
import org.budgetmonitor.ingest.DisbursementRepository;
import org.budgetmonitor.ingest.IngestProperties;
import org.budgetmonitor.ingest.RejectedRowRepository;
import org.budgetmonitor.ops.AwaitBackupTasklet;
import org.budgetmonitor.ops.BackgroundBackups;
import org.budgetmonitor.ops.BackupTasklet;
import org.budgetmonitor.ops.RetentionTasklet;
import org.budgetmonitor.ops.RunLogListener;
import org.budgetmonitor.ops.UnclaimedBackupListener;
import org.budgetmonitor.plan.PlanRepository;
import org.budgetmonitor.report.ReportProperties;
import org.budgetmonitor.report.ReportText;
import org.budgetmonitor.report.VarianceReportWriter;
import org.budgetmonitor.report.WriteReportTasklet;
import org.budgetmonitor.spending.SpendingTotals;
import org.budgetmonitor.support.OutputFiles;
import org.budgetmonitor.variance.VarianceRepository;
import org.budgetmonitor.variance.VarianceThresholds;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job, step by step: load the plan → start the backup of the H2 database (written beside the steps that
 * follow) → ingest the inbox's payment exports → archive them (with --archive-dir) → add the new payments to the monthly
 * totals → compute the variance as of the date → write the variance, reject and pending CSVs → render the report → mail
 * it to each unit → wait for the backup → prune old folders. A summary for
 * cron's mail is printed at the end, and a line goes to the run log. The steps it shares with the
 * quarterly review are {@link SharedSteps}'; the others are defined here, numbered as in the README.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfig {

    public static final String JOB_NAME = "nightly";

    @Bean
    Job nightlyJob(JobRepository jobRepository, Step loadPlanStep, Step backupStep, Step ingestStep, Step archiveStep, Step totalsStep,
            Step varianceStep,
            Step writeOutputsStep, Step reportStep, Step deliverStep, Step awaitBackupStep, Step retentionStep,
            NightlyRunSummary nightlyRunSummary, RunLogListener runLog, UnclaimedBackupListener unclaimedBackup) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(runLog)
                .listener(nightlyRunSummary)
                .listener(unclaimedBackup) // after the summary, so that its afterJob runs first
                .start(loadPlanStep)
                .next(backupStep)
                .next(ingestStep)
                .next(archiveStep)
                .next(totalsStep)
                .next(varianceStep)
                .next(writeOutputsStep)
                .next(reportStep)
                .next(deliverStep)
                .next(awaitBackupStep)
                .next(retentionStep)
                .build();
    }

    // 1b. Backup: a copy of the H2 database as it was before tonight's payments (PostgreSQL: the server's backup),
    // from a snapshot fixed in this step and written beside the night; claimed in 8b.

    @Bean
    Step backupStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            BackupTasklet backupTasklet) {
        return taskletStep("backup", jobRepository, transactionManager, backupTasklet);
    }

    @Bean
    @StepScope
    BackupTasklet backupTasklet(DataSource dataSource, @Value("${monitor.data-dir:data}") Path dataDir,
            @Value("#{jobParameters['asOf']}") LocalDate asOf, @Value("#{jobParameters['run']}") Long run,
            @Value("${monitor.backup.keep:7}") int keep, @Value("${monitor.backup.every-days:1}") int everyDays,
            IngestProperties ingest, BackgroundBackups backgroundBackups) {
        return new BackupTasklet(dataSource, dataDir, asOf, run == null ? 0 : run, keep, everyDays,
                ingest.archivePath().isPresent(), backgroundBackups);
    }

    /** One named, non-daemon thread writes the backups; on shutdown a backup in flight is let finish. */
    @Bean
    BackgroundBackups backgroundBackups() {
        AtomicInteger threads = new AtomicInteger();
        return new BackgroundBackups(Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "backup-" + threads.incrementAndGet());
            thread.setDaemon(false);
            return thread;
        }));
    }

    @Bean
    UnclaimedBackupListener unclaimedBackupListener(BackgroundBackups backgroundBackups,
            @Value("${monitor.data-dir:data}") Path dataDir) {
        return new UnclaimedBackupListener(backgroundBackups, dataDir);
    }

    // 7. The report: variance-<as-of>.pdf, .xlsx and .html (and one of each per unit when there are several).

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WriteReportTasklet writeReportTasklet, @Value("${monitor.report.enabled:true}") boolean enabled) {
        // monitor.report.enabled=false: CSVs only (benchmarks of ingest and variance, tests).
        Tasklet tasklet = enabled ? writeReportTasklet : (contribution, context) -> RepeatStatus.FINISHED;
        return taskletStep("report", jobRepository, transactionManager, tasklet);
    }

    @Bean
    @StepScope
    WriteReportTasklet writeReportTasklet(@Value("#{jobParameters['outputDir']}") String outputDir,
            @Value("#{jobParameters['asOf']}") LocalDate asOf, @Value("${monitor.report.locale:zh}") String locale,
            VarianceReportWriter writer, ReportProperties reportProperties, VarianceRepository variances,
            PlanRepository plans, SpendingTotals totals, DisbursementRepository disbursements,
            RejectedRowRepository rejects, Clock clock, VarianceThresholds thresholds) {
        return new WriteReportTasklet(new OutputFiles(Path.of(outputDir), asOf), ReportText.forLanguage(locale),
                writer, reportProperties, variances, plans, totals, disbursements, rejects, clock, thresholds);
    }

    // 8. Delivery: each unit's officers get its report by mail (when mail is on); failures wait for the next run.

    @Bean
    Step deliverStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DeliveryTasklet deliveryTasklet) {
        return taskletStep("deliver", jobRepository, transactionManager, deliveryTasklet);
    }

    @Bean
    @StepScope
    DeliveryTasklet deliveryTasklet(@Value("#{jobParameters['outputDir']}") String outputDir,
            @Value("#{jobParameters['asOf']}") LocalDate asOf, @Value("${monitor.report.locale:zh}") String locale,
            MailSettings mail, ReportMailer mailer, DeliveryRepository deliveries, VarianceRepository variances,
            SpendingTotals totals) {
        return new DeliveryTasklet(new OutputFiles(Path.of(outputDir), asOf), JOB_NAME,
                DeliveryTasklet.ReportKind.VARIANCE, mail, mailer, deliveries, variances, ReportText.forLanguage(locale),
                totals::latestPayDatesOfUnits);
    }

    // 8b. Await the backup: the night's figures and mail are out; its backup is claimed (or its failure said).

    @Bean
    Step awaitBackupStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            AwaitBackupTasklet awaitBackupTasklet) {
        return taskletStep("awaitBackup", jobRepository, transactionManager, awaitBackupTasklet);
    }

    @Bean
    @StepScope
    AwaitBackupTasklet awaitBackupTasklet(@Value("${monitor.data-dir:data}") Path dataDir,
            @Value("#{jobParameters['asOf']}") LocalDate asOf, @Value("#{jobParameters['run']}") Long run,
            BackgroundBackups backgroundBackups) {
        return new AwaitBackupTasklet(dataDir, asOf, run == null ? 0 : run, backgroundBackups);
    }

    // 9. Retention: dated report and archive folders older than monitor.retention.keep-days go.

    @Bean
    Step retentionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RetentionTasklet retentionTasklet) {
        return taskletStep("retention", jobRepository, transactionManager, retentionTasklet);
    }

    @Bean
    @StepScope
    RetentionTasklet retentionTasklet(@Value("#{jobParameters['outputDir']}") String outputDir, IngestProperties ingest,
            @Value("${monitor.retention.keep-days:730}") int keepDays, Clock clock) {
        List<Path> roots = new ArrayList<>(List.of(Path.of(outputDir)));
        ingest.archivePath().ifPresent(roots::add);
        return new RetentionTasklet(roots, LocalDate.now(clock), keepDays);
    }
}
