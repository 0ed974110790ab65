package org.budgetmonitor.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.budgetmonitor.ingest.DisbursementRepository;
import org.budgetmonitor.ingest.IngestLine;
import org.budgetmonitor.ingest.RejectedRowRepository;
import org.budgetmonitor.support.OutputFiles;
import org.budgetmonitor.plan.BudgetProject;
import org.budgetmonitor.plan.PlanRepository;
import org.budgetmonitor.report.html.HtmlReportWriter;
import org.budgetmonitor.spending.SpendingTotals;
import org.budgetmonitor.variance.DataCutOff;
import org.budgetmonitor.variance.FlagRun;
import org.budgetmonitor.variance.Reason;
import org.budgetmonitor.variance.VarianceRepository;
import org.budgetmonitor.variance.VarianceRow;
import org.budgetmonitor.variance.VarianceThresholds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the variance report of the run: {@code variance-<as-of>.pdf} and {@code .xlsx} for all
 * units, plus {@code variance-<as-of>-<unit>.pdf} per unit when the plan holds several.
 */
public class WriteReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteReportTasklet.class);

    private final OutputFiles outputs;
    private final ReportText text;
    private final VarianceReportWriter writer;
    private final ReportProperties properties;
    private final VarianceRepository variances;
    private final PlanRepository plans;
    private final SpendingTotals totals;
    private final DisbursementRepository disbursements;
    private final RejectedRowRepository rejects;
    private final Clock clock;
    private final HtmlReportWriter html = new HtmlReportWriter();
    private final VarianceThresholds thresholds;

    public WriteReportTasklet(OutputFiles outputs, ReportText text, VarianceReportWriter writer, ReportProperties properties,
            VarianceRepository variances, PlanRepository plans, SpendingTotals totals, DisbursementRepository disbursements,
            RejectedRowRepository rejects, Clock clock, VarianceThresholds thresholds) {
        this.outputs = outputs;
        this.text = text;
        this.writer = writer;
        this.properties = properties;
        this.variances = variances;
        this.plans = plans;
        this.totals = totals;
        this.disbursements = disbursements;
        this.rejects = rejects;
        this.clock = clock;
        this.thresholds = thresholds;
    }

    /** How many rejected lines name each project code; lines without one are not counted here. */
    private static Map<String, Integer> byProject(List<IngestLine.Rejected> rejected) {
        Map<String, Integer> counts = new HashMap<>();
        rejected.forEach(r -> {
            if (r.projectCode() != null) {
                counts.merge(r.projectCode(), 1, Integer::sum);
            }
        });
        return counts;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        // Before any work: without the font the PDF would come out with its Chinese text missing.
        ReportFonts.check(getClass().getClassLoader());
        LocalDate asOf = outputs.asOf();
        Assembled assembled = assemble(asOf, contribution.getStepExecution().getJobExecution());
        List<VarianceReport> reports = assembled.reports();
        Map<String, FlagRun> since = variances.flaggedSince(asOf);
        // The HTML pages are written on the report pool too, beside the PDFs and workbooks.
        var written = writer.write(reports, text, outputs, new WorkbookDetails(assembled.reasons(), assembled.rejected(), null),
                report -> html.writeVariance(report, text, since, report.combined() ? outputs.file("variance", "html")
                        : VarianceReportWriter.unitFile(outputs, report, "html")));
        log.info("Reports written in {} s on {} threads (combined done after {} s, {} unit reports after {} s)",
                written.total().toMillis() / 1000.0, written.threads(), written.combinedDone().toMillis() / 1000.0,
                written.unitReports(), written.unitsDone().toMillis() / 1000.0);
        return RepeatStatus.FINISHED;
    }

    /** The reports of the night with the workbook's reasons and rejected lines. */
    private record Assembled(List<VarianceReport> reports, Map<String, List<Reason>> reasons,
            List<IngestLine.Rejected> rejected) {
    }

    /**
     * Reads and assembles in a method of its own so that what only the assembly needs — the variance rows,
     * the plan in force, every project's daily totals — is garbage once it returns: held through the
     * rendering of 501 reports at production size it was a third of a 512 MB heap.
     */
    private Assembled assemble(LocalDate asOf, JobExecution jobExecution) {
        List<VarianceRow> rows = variances.findByAsOf(asOf, jobExecution.getId());
        Map<String, BudgetProject> projects = new LinkedHashMap<>();
        // The plan in force on the date: each project's budget and checkpoints, and the changes (预算调整) behind them.
        var plan = plans.inForce(asOf.getYear(), asOf);
        plan.projects().forEach(p -> projects.put(p.project().code(), p.project()));
        var rejected = rejects.findByJobInstance(jobExecution.getJobInstanceId());
        // Each unit's latest payment, for its report to judge its own: a read of the units' latest months' payments,
        // so only when there are unit reports (planned projects in several units); the cut-off itself is one index probe.
        boolean severalUnits = rows.stream().filter(VarianceRow::planned).map(VarianceRow::unitCode).distinct()
                .limit(2).count() > 1;
        Map<String, LocalDate> latestPayments = severalUnits
                ? totals.latestPayDatesOfUnits(asOf, DataCutOff.unitsOfPlanned(rows)) : Map.of();
        var inputs = new VarianceReportAssembler.Inputs(asOf, rows, projects,
                totals.actualsThrough(asOf, List.of()),
                disbursements.latestPayDate(asOf).orElse(null), properties.staleDays(), thresholds,
                rejected.size(),
                outputs.rejectedCsv().getFileName().toString(), LocalDateTime.now(clock),
                "E" + jobExecution.getId(), plan.changes(), byProject(rejected), latestPayments);
        // The workbook's own columns and sheets: each project's reasons, the rejected lines.
        Map<String, List<Reason>> reasons = new HashMap<>();
        rows.forEach(row -> reasons.put(row.projectCode(), row.reasons()));
        List<VarianceReport> reports = new VarianceReportAssembler(text, properties.combinedDetailMaxProjects())
                .assemble(inputs);
        // The report is the night's last reader of the plan: the rendering need not hold the year's plan.
        plans.forgetTimelines();
        return new Assembled(reports, reasons, rejected);
    }
}
