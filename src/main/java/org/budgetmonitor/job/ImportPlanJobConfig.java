package org.budgetmonitor.job;

import java.nio.file.Path;
import java.time.LocalDate;

import org.budgetmonitor.ops.RunLogListener;

import org.budgetmonitor.plan.PlanRepository;
import org.budgetmonitor.planimport.ImportPlanTasklet;
import org.budgetmonitor.planimport.ImportedPlanRevision;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** {@code --job=import-plan}: one step that reads the budget document and writes the plan files. */
@Configuration(proxyBeanMethods = false)
public class ImportPlanJobConfig {

    public static final String JOB_NAME = "import-plan";

    @Bean
    Job importPlanJob(JobRepository jobRepository, Step importPlanStep, RunLogListener runLog) {
        // Listeners end in reverse order: the run-log line is written after ImportPlanOutcome set the exit status.
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(importPlanStep)
                .listener(runLog)
                .listener(new ImportPlanOutcome())
                .build();
    }

    @Bean
    Step importPlanStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ImportPlanTasklet importPlanTasklet) {
        return SharedSteps.taskletStep("importPlan", jobRepository, transactionManager, importPlanTasklet);
    }

    @Bean
    @StepScope
    ImportPlanTasklet importPlanTasklet(@Value("#{jobParameters['document']}") String document,
            @Value("#{jobParameters['fiscalYear']}") String fiscalYear, @Value("#{jobParameters['planDir']}") String planDir,
            @Value("#{jobParameters['asOf']}") LocalDate asOf,
            @Value("#{jobParameters['planEffective']}") String planEffective, PlanRepository plans) {
        LocalDate effective = planEffective == null || planEffective.isBlank() ? asOf : LocalDate.parse(planEffective);
        return new ImportPlanTasklet(Path.of(document), Integer.parseInt(fiscalYear), Path.of(planDir),
                new ImportedPlanRevision(plans, effective));
    }
}
