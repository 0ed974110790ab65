package org.budgetmonitor.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import org.budgetmonitor.ingest.ArchiveTasklet;
import org.budgetmonitor.ingest.DisbursementParser;
import org.budgetmonitor.ingest.AwaitingRefundRepository;
import org.budgetmonitor.ingest.DisbursementRepository;
import org.budgetmonitor.ingest.ExportInspector;
import org.budgetmonitor.ingest.InboxReader;
import org.budgetmonitor.ingest.InboxScanner;
import org.budgetmonitor.ingest.IngestLine;
import org.budgetmonitor.ingest.IngestProperties;
import org.budgetmonitor.ingest.IngestWriter;
import org.budgetmonitor.ingest.IngestedFileRepository;
import org.budgetmonitor.ingest.RejectedRowRepository;
import org.budgetmonitor.ops.ProgressLine;
import org.budgetmonitor.plan.LoadPlanTasklet;
import org.budgetmonitor.plan.PlanCsvReader;
import org.budgetmonitor.plan.PlanRepository;
import org.budgetmonitor.report.ReportProperties;
import org.budgetmonitor.spending.SpendingTotals;
import org.budgetmonitor.spending.UpdateTotalsTasklet;
import org.budgetmonitor.support.OutputFiles;
import org.budgetmonitor.variance.VarianceCalculator;
import org.budgetmonitor.variance.VarianceRepository;
import org.budgetmonitor.variance.VarianceTasklet;
import org.budgetmonitor.variance.VarianceThresholds;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The steps that bring the figures up to the as-of date, defined once for the nightly job and the
 * quarterly review, which both run them in this order: load the plan → ingest the inbox's payment
 * exports → archive them (with --archive-dir) → add the new payments to the monthly totals →
 * compute the variance as of the date → write the variance, reject and pending CSVs.
 */
@Configuration(proxyBeanMethods = false)
public class SharedSteps {

    /** A step of one tasklet, the shape of every step but the ingest. */
    static Step taskletStep(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
            Tasklet tasklet) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
    }

    // The plan: projects.csv and indicators.csv, validated, replace the stored plan.

    @Bean
    Step loadPlanStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            LoadPlanTasklet loadPlanTasklet) {
        return taskletStep("loadPlan", jobRepository, transactionManager, loadPlanTasklet);
    }

    @Bean
    @StepScope
    LoadPlanTasklet loadPlanTasklet(@Value("#{jobParameters['planDir']}") String planDir, PlanRepository plans) {
        return new LoadPlanTasklet(Path.of(planDir), new PlanCsvReader(), plans);
    }

    // Ingest: every export line becomes a stored payment (once) or a rejection with its reason.

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
            IngestedFileRepository files, AwaitingRefundRepository awaiting,
            @Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
        return new IngestWriter(disbursements, rejects, files, awaiting, jobInstanceId);
    }

    // Archive: with --archive-dir, the files ingested by this run leave the inbox.

    @Bean
    Step archiveStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ArchiveTasklet archiveTasklet) {
        return taskletStep("archive", jobRepository, transactionManager, archiveTasklet);
    }

    @Bean
    @StepScope
    ArchiveTasklet archiveTasklet(@Value("#{jobParameters['inbox']}") String inbox,
            @Value("#{jobParameters['asOf']}") LocalDate asOf, IngestProperties ingest, IngestedFileRepository files) {
        return new ArchiveTasklet(Path.of(inbox), ingest.archivePath().orElse(null), asOf, files);
    }

    // Totals: the payments stored since the last run join the monthly totals the variance reads.

    @Bean
    Step totalsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, SpendingTotals totals) {
        return taskletStep("totals", jobRepository, transactionManager, new UpdateTotalsTasklet(totals));
    }

    // Variance: plan against actual, per project, as of the date.

    @Bean
    Step varianceStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            VarianceTasklet varianceTasklet) {
        return taskletStep("variance", jobRepository, transactionManager, varianceTasklet);
    }

    @Bean
    @StepScope
    VarianceTasklet varianceTasklet(@Value("#{jobParameters['asOf']}") LocalDate asOf, PlanRepository plans,
            SpendingTotals totals, VarianceRepository variances, VarianceThresholds thresholds,
            DisbursementRepository disbursements, ReportProperties reportProperties) {
        return new VarianceTasklet(asOf, plans, totals, variances, new VarianceCalculator(thresholds),
                disbursements::latestPayDate, reportProperties.staleDays());
    }

    // Outputs: <output-dir>/<as-of>/variance-<as-of>.csv, rejected-<as-of>.csv and pending-<as-of>.csv.

    @Bean
    Step writeOutputsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WriteOutputsTasklet writeOutputsTasklet) {
        return taskletStep("writeOutputs", jobRepository, transactionManager, writeOutputsTasklet);
    }

    @Bean
    @StepScope
    WriteOutputsTasklet writeOutputsTasklet(@Value("#{jobParameters['outputDir']}") String outputDir,
            @Value("#{jobParameters['asOf']}") LocalDate asOf, VarianceRepository variances,
            RejectedRowRepository rejects, DisbursementRepository disbursements) {
        return new WriteOutputsTasklet(new OutputFiles(Path.of(outputDir), asOf), variances, rejects, disbursements);
    }
}
