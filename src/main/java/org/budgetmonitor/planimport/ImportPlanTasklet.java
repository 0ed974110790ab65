package org.budgetmonitor.planimport;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.budgetmonitor.plan.PlanUnitResolver;
import org.budgetmonitor.plan.PlanUnit;
import org.budgetmonitor.support.BadInputException;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Reads the 预算项目绩效目标表 tables of a budget document (plain text or .docx), writes them into
 * the plan directory, and prints a validation report: every project with its budget and plan, the
 * plan unit assumed and why, and everything that could not be read.
 */
public class ImportPlanTasklet implements Tasklet {

    /** The exit status of a run that imported what it could but reported problems. */
    public static final String WITH_PROBLEMS = "COMPLETED_WITH_PROBLEMS";

    private final Path document;
    private final int fiscalYear;
    private final Path planDir;
    private final PrintStream out = System.out;

    private final ImportedPlanRevision revision;

    public ImportPlanTasklet(Path document, int fiscalYear, Path planDir) {
        this(document, fiscalYear, planDir, null);
    }

    /** @param revision records the merged plan as a revision of the stored one (null: files only) */
    public ImportPlanTasklet(Path document, int fiscalYear, Path planDir, ImportedPlanRevision revision) {
        this.document = document;
        this.fiscalYear = fiscalYear;
        this.planDir = planDir;
        this.revision = revision;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        List<DocumentBlock> blocks = document.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".docx")
                ? new DocxDocumentReader().read(document)
                : new TextDocumentReader().read(document);
        PerformanceTableParser.Result result = new PerformanceTableParser().parse(blocks, fiscalYear);
        if (result.projects().isEmpty() && result.problems().isEmpty()) {
            throw new BadInputException(document + " holds no 预算项目绩效目标表 table (项目编码, 预算数, 资金支出计划, "
                    + "一级指标 …): nothing imported");
        }
        List<String> problems = new ArrayList<>(result.problems());
        List<ImportedProject> importable = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        report.append("budget-monitor import-plan: ").append(document).append(", fiscal year ").append(fiscalYear)
                .append('\n');
        for (ImportedProject p : result.projects()) {
            String unitNote;
            try {
                var resolution = PlanUnitResolver.resolve(PlanUnit.AUTO, p.budgetWan(), List.copyOf(p.plan().values()));
                unitNote = (resolution.unit() == PlanUnit.WAN ? "万元" : "% of the budget") + " — " + resolution.note();
                importable.add(p);
            } catch (IllegalArgumentException e) {
                problems.add("project " + p.code() + " (line " + p.line() + "): " + e.getMessage() + "; not imported");
                continue;
            }
            report.append(String.format("  %s %s (%s %s)%n", p.code(), p.name(), p.unitCode(), p.unitName()));
            report.append(String.format("      budget %s 万元 (fiscal %s, other %s); plan %s; %d indicators%n",
                    plain(p.budgetWan()), plain(p.fiscalWan()), plain(p.otherWan()), plan(p), p.indicators().size()));
            report.append("      plan read as ").append(unitNote).append('\n');
        }
        if (!problems.isEmpty()) {
            report.append("  could not read:\n");
            problems.forEach(problem -> report.append("    - ").append(problem).append('\n'));
        }
        if (!importable.isEmpty()) {
            new PlanCsvMerger().merge(planDir, fiscalYear, importable);
        }
        report.append("  ").append(importable.size()).append(" projects written to ").append(planDir.toAbsolutePath())
                .append(" (merged with what was there)\n");
        if (!importable.isEmpty() && revision != null) {
            revision.record(planDir, fiscalYear, document).ifPresent(line -> report.append("  ").append(line).append('\n'));
        }
        out.print(report);
        out.flush();
        contribution.incrementWriteCount(importable.size());
        if (!problems.isEmpty()) {
            contribution.setExitStatus(new ExitStatus(WITH_PROBLEMS, problems.size() + " problem(s)"));
        }
        return RepeatStatus.FINISHED;
    }

    private static String plan(ImportedProject p) {
        List<String> parts = new ArrayList<>();
        p.plan().forEach((day, figure) -> parts.add(day.getMonthValue() + "月底 " + plain(figure)));
        return String.join(", ", parts);
    }

    private static String plain(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
