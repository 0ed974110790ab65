package org.budgetmonitor.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.budgetmonitor.delivery.DeliveryRepository;
import org.budgetmonitor.delivery.DeliveryTasklet;
import org.budgetmonitor.delivery.MailSettings;
import org.budgetmonitor.delivery.ReportMailer;
import org.budgetmonitor.ingest.ArchiveTasklet;
import org.budgetmonitor.ingest.DisbursementParser;
import org.budgetmonitor.ingest.DisbursementRepository;
import org.budgetmonitor.ingest.ExportInspector;
import org.budgetmonitor.ingest.InboxReader;
import org.budgetmonitor.ingest.InboxScanner;
import org.budgetmonitor.ingest.IngestProperties;
import org.budgetmonitor.ingest.IngestedFileRepository;
import org.budgetmonitor.ingest.IngestLine;
import org.budgetmonitor.ingest.IngestWriter;
import org.budgetmonitor.ingest.RejectedRowRepository;
import org.budgetmonitor.ops.BackupTasklet;
import org.budgetmonitor.ops.RetentionTasklet;
import org.budgetmonitor.ops.ProgressLine;
import org.budgetmonitor.ops.RunLogListener;
import org.budgetmonitor.plan.LoadPlanTasklet;
import org.budgetmonitor.plan.PlanCsvReader;
import org.budgetmonitor.plan.PlanRepository;
import org.budgetmonitor.report.ReportProperties;
import org.budgetmonitor.report.ReportText;
import org.budgetmonitor.report.VarianceReportWriter;
import org.budgetmonitor.report.WriteReportTasklet;
import org.budgetmonitor.spending.SpendingTotals;
import org.budgetmonitor.spending.UpdateTotalsTasklet;
import org.budgetmonitor.support.OutputFiles;
import org.budgetmonitor.variance.VarianceCalculator;
import org.budgetmonitor.variance.VarianceRepository;
import org.budgetmonitor.variance.VarianceTasklet;
import org.budgetmonitor.variance.VarianceThresholds;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job, step by step: load the plan → back up the H2 database → ingest the inbox's payment exports → archive
 * them (with --archive-dir) → add the new payments to the monthly totals → compute the variance as of the date → write the variance, reject
 * and pending CSVs → render the report → mail it to each unit → prune old folders. A summary for
 * cron's mail is printed at the end, and a line goes to the run log.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfig {

    public static final String JOB_NAME = "nightly";

    @Bean
    Job nightlyJob(JobRepository jobRepository, Step loadPlanStep, Step backupStep, Step ingestStep, Step archiveStep, Step totalsStep,
            Step varianceStep,
            Step writeOutputsStep, Step reportStep, Step deliverStep, Step retentionStep,
            NightlyRunSummary nightlyRunSummary, RunLogListener runLog) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(runLog)
                .listener(nightlyRunSummary)
                .start(loadPlanStep)
                .next(backupStep)
                .next(ingestStep)
                .next(archiveStep)
                .next(totalsStep)
                .next(varianceStep)
                .next(writeOutputsStep)
                .next(reportStep)
                .next(deliverStep)
                .next(retentionStep)
                .build();
    }

    // 1. The plan: projects.csv and indicators.csv, validated, replace the stored plan.

    @Bean
    Step loadPlanStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            LoadPlanTasklet loadPlanTasklet) {
        return new StepBuilder("loadPlan", jobRepository).tasklet(loadPlanTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    LoadPlanTasklet loadPlanTasklet(@Value("#{jobParameters['planDir']}") String planDir, PlanRepository plans) {
        return new LoadPlanTasklet(Path.of(planDir), new PlanCsvReader(), plans);
    }

    // 1b. Backup: a copy of the H2 database as it was before tonight's payments (PostgreSQL: the server's backup).

    @Bean
    Step backupStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            BackupTasklet backupTasklet) {
        return new StepBuilder("backup", jobRepository).tasklet(backupTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    BackupTasklet backupTasklet(DataSource dataSource, @Value("${monitor.data-dir:data}") Path dataDir,
            @Value("#{jobParameters['asOf']}") LocalDate asOf, @Value("#{jobParameters['run']}") Long run,
            @Value("${monitor.backup.keep:7}") int keep) {
        return new BackupTasklet(dataSource, dataDir, asOf, run == null ? 0 : run, keep);
    }

    // 2. Ingest: every export line becomes a stored payment (once) or a rejection with its reason.

    @Bean
    Step ingestStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            InboxReader inboxReader, IngestWriter ingestWriter, IngestProperties ingest, ProgressLine ingestProgressLine) {
        IngestProgress progressLine = new IngestProgress(inboxReader::position, ingestProgressLine);
        return new StepBuilder("ingest", jobRepository)
                .<IngestLine, IngestLine>chunk(ingest.chunkSize())
                .transactionManager(transactionManager)
                .reader(inboxReader)
                .writer(ingestWriter)
                .listener((StepListener) progressLine) // registered as each listener kind it is
                .build();
    }

    // A year's full ingest takes minutes: a progress line on a terminal (monitor.progress=auto|on|off).
    @Bean
    ProgressLine ingestProgressLine(@Value("${monitor.progress:auto}") String progress) {
        return ProgressLine.forStdout(progress);
    }

    @Bean
    @StepScope
    InboxReader inboxReader(@Value("#{jobParameters['inbox']}") String inbox, IngestProperties ingest,
            IngestedFileRepository files, Clock clock,
            @Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
        return new InboxReader(Path.of(inbox), ingest, new InboxScanner(ingest, clock), new ExportInspector(ingest),
                new DisbursementParser(ingest.maxAmountYuan()), files, jobInstanceId);
    }

    @Bean
    @StepScope
    IngestWriter ingestWriter(DisbursementRepository disbursements, RejectedRowRepository rejects,
            IngestedFileRepository files, @Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
        return new IngestWriter(disbursements, rejects, files, jobInstanceId);
    }

    // 2b. With --archive-dir, the files ingested by this run leave the inbox.

    @Bean
    Step archiveStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ArchiveTasklet archiveTasklet) {
        return new StepBuilder("archive", jobRepository).tasklet(archiveTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    ArchiveTasklet archiveTasklet(@Value("#{jobParameters['inbox']}") String inbox,
            @Value("#{jobParameters['asOf']}") LocalDate asOf, IngestProperties ingest, IngestedFileRepository files) {
        return new ArchiveTasklet(Path.of(inbox), ingest.archivePath().orElse(null), asOf, files);
    }

    // 2c. Totals: the payments stored since the last run join the monthly totals the variance reads.

    @Bean
    Step totalsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, SpendingTotals totals) {
        return new StepBuilder("totals", jobRepository).tasklet(new UpdateTotalsTasklet(totals), transactionManager)
                .build();
    }

    // 3. Variance: plan against actual, per project, as of the date.

    @Bean
    Step varianceStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            VarianceTasklet varianceTasklet) {
        return new StepBuilder("variance", jobRepository).tasklet(varianceTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    VarianceTasklet varianceTasklet(@Value("#{jobParameters['asOf']}") LocalDate asOf, PlanRepository plans,
            SpendingTotals totals, VarianceRepository variances, VarianceThresholds thresholds,
            DisbursementRepository disbursements, ReportProperties reportProperties) {
        return new VarianceTasklet(asOf, plans, totals, variances, new VarianceCalculator(thresholds),
                disbursements::latestPayDate, reportProperties.staleDays());
    }

    // 4. Outputs: <output-dir>/<as-of>/variance-<as-of>.csv and rejected-<as-of>.csv.

    @Bean
    Step writeOutputsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WriteOutputsTasklet writeOutputsTasklet) {
        return new StepBuilder("writeOutputs", jobRepository)
                .tasklet(writeOutputsTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    WriteOutputsTasklet writeOutputsTasklet(@Value("#{jobParameters['outputDir']}") String outputDir,
            @Value("#{jobParameters['asOf']}") LocalDate asOf, VarianceRepository variances,
            RejectedRowRepository rejects, DisbursementRepository disbursements) {
        return new WriteOutputsTasklet(new OutputFiles(Path.of(outputDir), asOf), variances, rejects, disbursements);
    }

    // 6. Delivery: each unit's officers get its report by mail (when mail is on); failures wait for the next run.

    @Bean
    Step deliverStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DeliveryTasklet deliveryTasklet) {
        return new StepBuilder("deliver", jobRepository).tasklet(deliveryTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    DeliveryTasklet deliveryTasklet(@Value("#{jobParameters['outputDir']}") String outputDir,
            @Value("#{jobParameters['asOf']}") LocalDate asOf, MailSettings mail, ReportMailer mailer,
            DeliveryRepository deliveries, VarianceRepository variances) {
        return new DeliveryTasklet(new OutputFiles(Path.of(outputDir), asOf), JOB_NAME,
                DeliveryTasklet.ReportKind.VARIANCE, mail, mailer, deliveries, variances);
    }

    // 7. Retention: dated report and archive folders older than monitor.retention.keep-days go.

    @Bean
    Step retentionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RetentionTasklet retentionTasklet) {
        return new StepBuilder("retention", jobRepository).tasklet(retentionTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    RetentionTasklet retentionTasklet(@Value("#{jobParameters['outputDir']}") String outputDir, IngestProperties ingest,
            @Value("${monitor.retention.keep-days:730}") int keepDays, Clock clock) {
        List<Path> roots = new ArrayList<>(List.of(Path.of(outputDir)));
        ingest.archivePath().ifPresent(roots::add);
        return new RetentionTasklet(roots, LocalDate.now(clock), keepDays);
    }

    // 5. The report: variance-<as-of>.pdf and .xlsx (and one PDF per unit when there are several).

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WriteReportTasklet writeReportTasklet, @Value("${monitor.report.enabled:true}") boolean enabled) {
        // monitor.report.enabled=false: CSVs only (benchmarks of ingest and variance, tests).
        Tasklet tasklet = enabled ? writeReportTasklet : (contribution, context) -> RepeatStatus.FINISHED;
        return new StepBuilder("report", jobRepository).tasklet(tasklet, transactionManager).build();
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
}
