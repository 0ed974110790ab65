package org.budgetmonitor.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * Reads and validates the plan files and stores them. An invalid plan fails the step (and the
 * run) with every problem listed; nothing downstream runs on a half-valid plan.
 */
public class LoadPlanTasklet implements Tasklet {

    public static final String PROJECT_COUNT = "plan.projects";
    public static final String INDICATOR_COUNT = "plan.indicators";
    public static final String UNIT_NOTES = "plan.unitNotes";

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
        // Plan files unchanged since they were stored need not be read and stored again every night.
        String fingerprint = fingerprint();
        if (!repository.lastFingerprint().map(fingerprint::equals).orElse(false)) {
            Plan plan = reader.read(planDir);
            repository.replace(plan);
            repository.recordLoad(fingerprint);
            contribution.incrementWriteCount(plan.projects().size());
        }
        // How many projects were read in each unit, and why: the summary states what was assumed.
        Map<String, Integer> notes = repository.unitNotes();
        var context = contribution.getStepExecution().getJobExecution().getExecutionContext();
        context.putInt(PROJECT_COUNT, repository.projectCount());
        context.putInt(INDICATOR_COUNT, repository.indicatorCount());
        context.putString(UNIT_NOTES, notes.entrySet().stream()
                .map(e -> e.getValue() + " × " + e.getKey()).reduce((a, b) -> a + "; " + b).orElse("none"));
        return RepeatStatus.FINISHED;
    }

    /** SHA-256 over both plan files, in order; a missing indicators.csv counts as empty. */
    private String fingerprint() throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String name : new String[] {PlanCsvReader.PROJECTS_FILE, PlanCsvReader.INDICATORS_FILE}) {
                Path file = planDir.resolve(name);
                sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (Files.isRegularFile(file)) {
                    sha.update(Files.readAllBytes(file));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
