package org.budgetmonitor.plan;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.apache.commons.codec.digest.DigestUtils;
import org.budgetmonitor.support.JobParameterNames;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * Reads and validates the plan files and stores them as revisions of the year's plan
 * ({@link PlanRevisionRecorder}). An invalid plan or adjustments file fails the step (and the run)
 * with every problem listed; nothing downstream runs on a half-valid plan, and nothing is stored.
 */
public class LoadPlanTasklet implements Tasklet {

    public static final String PROJECT_COUNT = "plan.projects";
    public static final String INDICATOR_COUNT = "plan.indicators";
    public static final String UNIT_NOTES = "plan.unitNotes";
    /** The changes of the plan that took effect since the last run, one a line ({@link PlanChange#summaryLine}). */
    public static final String REVISIONS = "plan.revisions";

    private final Path planDir;
    private final PlanCsvReader reader;
    private final PlanRepository repository;

    public LoadPlanTasklet(Path planDir, PlanCsvReader reader, PlanRepository repository) {
        this.planDir = planDir;
        this.reader = reader;
        this.repository = repository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        JobParameters parameters = contribution.getStepExecution().getJobParameters();
        LocalDate asOf = parameters.getLocalDate(JobParameterNames.AS_OF);
        String effectiveText = parameters.getString(JobParameterNames.PLAN_EFFECTIVE);
        LocalDate effective = effectiveText == null || effectiveText.isBlank() ? asOf : LocalDate.parse(effectiveText);
        PlanRevisionRepository revisions = repository.revisions();
        // Plan files unchanged since they were stored need not be read and stored again every night.
        String fingerprint = fingerprint(planDir);
        Optional<PlanRepository.Load> last = repository.lastLoad();
        // How many projects were read in each unit, and why: the summary states what was assumed. It is recorded
        // when the plan is stored, as the tables change only then (loads before migration V27 are counted).
        PlanRepository.Summary summary;
        if (last.isPresent() && last.get().fingerprint().equals(fingerprint)) {
            summary = last.get().summary().orElseGet(repository::summary);
        } else {
            Plan plan = reader.read(planDir);
            List<String> problems = new ArrayList<>();
            List<Adjustment> adjustments = new AdjustmentsCsvReader().read(planDir, problems);
            if (!problems.isEmpty()) {
                throw new PlanValidationException(problems);
            }
            new PlanRevisionRecorder(repository).store(plan, adjustments, effective, PlanVersion.PLAN_FILE, fingerprint,
                    null);
            summary = repository.recordLoad(fingerprint);
            contribution.incrementWriteCount(plan.projects().size());
        }
        var context = contribution.getStepExecution().getJobExecution().getExecutionContext();
        context.putInt(PROJECT_COUNT, summary.projects());
        context.putInt(INDICATOR_COUNT, summary.indicators());
        context.putString(UNIT_NOTES, summary.unitNotes());
        if (asOf != null) {
            context.putString(REVISIONS, String.join("\n", new PlanRevisionsSinceLastRun(revisions).list(asOf)
                    .stream().map(PlanChange::summaryLine).toList()));
            revisions.recordRun(asOf, revisions.latestRevision());
        }
        return RepeatStatus.FINISHED;
    }

    /** SHA-256 over the plan files, in order; a missing indicators.csv or adjustments.csv counts as empty. */
    public static String fingerprint(Path planDir) throws IOException {
        MessageDigest sha = DigestUtils.getSha256Digest();
        for (String name : new String[] {PlanCsvReader.PROJECTS_FILE, PlanCsvReader.INDICATORS_FILE,
            AdjustmentsCsvReader.FILE}) {
            Path file = planDir.resolve(name);
            sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (Files.isRegularFile(file)) {
                // Streamed, in 64 KB reads (DigestUtils asks for 1 KB): a province's plan files are 20 MB a night.
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    DigestUtils.updateDigest(sha, in);
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
