package org.budgetmonitor.job;

import static org.budgetmonitor.job.SharedSteps.taskletStep;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import org.budgetmonitor.delivery.DeliveryRepository;
import org.budgetmonitor.delivery.DeliveryTasklet;
import org.budgetmonitor.delivery.MailSettings;
import org.budgetmonitor.delivery.ReportMailer;
import org.budgetmonitor.ingest.DisbursementRepository;
import org.budgetmonitor.ingest.RejectedRowRepository;
import org.budgetmonitor.quarterly.QuarterlyProperties;
import org.budgetmonitor.quarterly.QuarterlyReviewRepository;
import org.budgetmonitor.quarterly.QuarterlyReviewTasklet;
import org.budgetmonitor.quarterly.QuarterlyRow;
import org.budgetmonitor.quarterly.WriteQuarterlyOutputsTasklet;
import org.budgetmonitor.spending.SpendingTotals;
import org.budgetmonitor.money.Money;
import org.budgetmonitor.support.OutputFiles;
import org.budgetmonitor.ops.RunLogListener;
import org.budgetmonitor.plan.PlanRepository;
import org.budgetmonitor.report.ReportText;
import org.budgetmonitor.report.QuarterlyReportRenderer;
import org.budgetmonitor.report.QuarterlyText;
import org.budgetmonitor.report.ReportProperties;
import org.budgetmonitor.report.WriteQuarterlyReportTasklet;
import org.budgetmonitor.variance.VarianceRepository;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The quarterly review job (执行率 review, 双监控), step by step: 1–6. the steps it shares with the
 * nightly job ({@link SharedSteps}: plan, ingest, archive, totals, variance, outputs) bring the figures
 * up to the date → 7. the review is issued (or the issued version reloaded) → 8. its CSVs are
 * written → 9. the review report is rendered → 10. each unit's officers get it by mail.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuarterlyProperties.class)
public class QuarterlyJobConfig {

    public static final String JOB_NAME = "quarterly";

    @Bean
    Job quarterlyJob(JobRepository jobRepository, Step loadPlanStep, Step ingestStep, Step archiveStep,
            Step totalsStep, Step varianceStep, Step writeOutputsStep, Step quarterlyReviewStep, Step quarterlyOutputsStep,
            Step quarterlyReportStep, Step quarterlyDeliverStep, NightlyRunSummary runSummary,
            RunLogListener runLog) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(runLog)
                .listener(runSummary)
                .start(loadPlanStep)
                .next(ingestStep)
                .next(archiveStep)
                .next(totalsStep)
                .next(varianceStep)
                .next(writeOutputsStep)
                .next(quarterlyReviewStep)
                .next(quarterlyOutputsStep)
                .next(quarterlyReportStep)
                .next(quarterlyDeliverStep)
                .build();
    }

    // 7. The review: issued once per date and kept; --refresh issues a new version.

    @Bean
    Step quarterlyReviewStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            QuarterlyReviewTasklet quarterlyReviewTasklet) {
        return taskletStep("quarterlyReview", jobRepository, transactionManager, quarterlyReviewTasklet);
    }

    @Bean
    @StepScope
    QuarterlyReviewTasklet quarterlyReviewTasklet(@Value("#{jobParameters['asOf']}") LocalDate asOf,
            @Value("#{jobParameters['refresh']}") String refresh, @Value("#{jobParameters['progressDir']}") String progressDir,
            QuarterlyReviewRepository reviews, VarianceRepository variances, PlanRepository plans,
            SpendingTotals totals, DisbursementRepository disbursements, RejectedRowRepository rejects, Clock clock) {
        return new QuarterlyReviewTasklet(asOf, Boolean.parseBoolean(refresh),
                progressDir == null || progressDir.isBlank() ? null : Path.of(progressDir), reviews, variances, plans,
                totals, disbursements, rejects, clock);
    }

    // 8. Outputs: quarterly-<as-of>.csv and quarterly-indicators-<as-of>.csv.

    @Bean
    Step quarterlyOutputsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WriteQuarterlyOutputsTasklet writeQuarterlyOutputsTasklet) {
        return taskletStep("quarterlyOutputs", jobRepository, transactionManager, writeQuarterlyOutputsTasklet);
    }

    @Bean
    @StepScope
    WriteQuarterlyOutputsTasklet writeQuarterlyOutputsTasklet(@Value("#{jobParameters['outputDir']}") String outputDir,
            @Value("#{jobParameters['asOf']}") LocalDate asOf, QuarterlyReviewRepository reviews,
            QuarterlyProperties properties) {
        return new WriteQuarterlyOutputsTasklet(new OutputFiles(Path.of(outputDir), asOf), reviews,
                Money.ofWan(properties.focusUnspentWan()));
    }

    // 9. The review report: quarterly-<as-of>.pdf and .xlsx, from the issued version (and, with several
    // units, quarterly-<as-of>-<unit>.pdf and .xlsx for each unit).

    @Bean
    Step quarterlyReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WriteQuarterlyReportTasklet writeQuarterlyReportTasklet) {
        return taskletStep("quarterlyReport", jobRepository, transactionManager, writeQuarterlyReportTasklet);
    }

    @Bean
    @StepScope
    WriteQuarterlyReportTasklet writeQuarterlyReportTasklet(@Value("#{jobParameters['outputDir']}") String outputDir,
            @Value("#{jobParameters['asOf']}") LocalDate asOf, @Value("${monitor.report.locale:zh}") String locale,
            QuarterlyReportRenderer renderer, QuarterlyReviewRepository reviews, QuarterlyProperties properties,
            ReportProperties reportProperties, Clock clock) {
        return new WriteQuarterlyReportTasklet(new OutputFiles(Path.of(outputDir), asOf),
                QuarterlyText.forLanguage(locale), renderer, reviews, QuarterlyJobConfig::issuedVersion,
                Money.ofWan(properties.focusUnspentWan()), reportProperties.effectiveThreads(), clock);
    }

    // 10. Delivery: each unit's officers get the review by mail (when mail is on): their own documents when
    // the plan holds several units, and a body counting the issued version's flags, not today's.

    @Bean
    Step quarterlyDeliverStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DeliveryTasklet quarterlyDeliveryTasklet) {
        return taskletStep("quarterlyDeliver", jobRepository, transactionManager, quarterlyDeliveryTasklet);
    }

    @Bean
    @StepScope
    DeliveryTasklet quarterlyDeliveryTasklet(@Value("#{jobParameters['outputDir']}") String outputDir,
            @Value("#{jobParameters['asOf']}") LocalDate asOf, @Value("${monitor.report.locale:zh}") String locale,
            MailSettings mail, ReportMailer mailer, DeliveryRepository deliveries, QuarterlyReviewRepository reviews) {
        return new DeliveryTasklet(new OutputFiles(Path.of(outputDir), asOf), JOB_NAME,
                DeliveryTasklet.ReportKind.QUARTERLY, mail, mailer, deliveries,
                job -> reviews.load(asOf, issuedVersion(job.getExecutionContext())).orElseThrow().rows().stream()
                        .map(QuarterlyRow::variance).toList(), ReportText.forLanguage(locale), day -> java.util.Map.of());
    }

    /** The version of the review this run issued or reloaded (the review step puts it in the job's context). */
    static int issuedVersion(ExecutionContext job) {
        return job.getInt(QuarterlyReviewTasklet.VERSION);
    }
}
