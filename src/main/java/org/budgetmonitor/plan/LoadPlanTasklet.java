package org.budgetmonitor.plan;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

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
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Plan plan = reader.read(planDir);
        repository.replace(plan);
        // How many projects were read in each unit, and why: the summary states what was assumed.
        Map<String, Integer> notes = new TreeMap<>();
        plan.projects().forEach(p -> notes.merge(p.planUnit() + ", " + p.planUnitNote(), 1, Integer::sum));
        var context = contribution.getStepExecution().getJobExecution().getExecutionContext();
        context.putInt(PROJECT_COUNT, plan.projects().size());
        context.putInt(INDICATOR_COUNT, plan.indicators().size());
        context.putString(UNIT_NOTES, notes.entrySet().stream()
                .map(e -> e.getValue() + " × " + e.getKey()).reduce((a, b) -> a + "; " + b).orElse("none"));
        contribution.incrementWriteCount(plan.projects().size());
        return RepeatStatus.FINISHED;
    }
}
