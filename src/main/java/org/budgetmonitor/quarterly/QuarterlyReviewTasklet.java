package org.budgetmonitor.quarterly;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.budgetmonitor.ingest.DisbursementRepository;
import org.budgetmonitor.ingest.RejectedRowRepository;
import org.budgetmonitor.plan.Indicator;
import org.budgetmonitor.plan.PlanRepository;
import org.budgetmonitor.spending.SpendingTotals;
import org.budgetmonitor.variance.ActualCurve;
import org.budgetmonitor.variance.VarianceRepository;
import org.budgetmonitor.variance.VarianceRow;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Issues the review of the date: the stored version when there is one (so a past quarter's review
 * shows the figures it was issued with), or, the first time or with --refresh, a new version
 * computed from today's data.
 */
public class QuarterlyReviewTasklet implements Tasklet {

    public static final String VERSION = "quarterly.version";
    public static final String REISSUED = "quarterly.reissued";
    public static final String PROGRESS_PROBLEMS = "quarterly.progressProblems";
    /** The projects the review flags PROJECTED_OVER_BUDGET, one line each, for the run summary. */
    public static final String PROJECTED_OVER_BUDGET = "quarterly.projectedOverBudget";

    private final LocalDate asOf;
    private final boolean refresh;
    private final Path progressDir;
    private final QuarterlyReviewRepository reviews;
    private final VarianceRepository variances;
    private final PlanRepository plans;
    private final SpendingTotals totals;
    private final DisbursementRepository disbursements;
    private final RejectedRowRepository rejects;
    private final Clock clock;

    public QuarterlyReviewTasklet(LocalDate asOf, boolean refresh, Path progressDir, QuarterlyReviewRepository reviews,
            VarianceRepository variances, PlanRepository plans, SpendingTotals totals, DisbursementRepository disbursements,
            RejectedRowRepository rejects, Clock clock) {
        this.asOf = asOf;
        this.refresh = refresh;
        this.progressDir = progressDir;
        this.reviews = reviews;
        this.variances = variances;
        this.plans = plans;
        this.totals = totals;
        this.disbursements = disbursements;
        this.rejects = rejects;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var context = contribution.getStepExecution().getJobExecution().getExecutionContext();
        Optional<Integer> issued = reviews.latestVersion(asOf);
        QuarterlyReview review;
        if (issued.isPresent() && !refresh) {
            review = reviews.load(asOf, issued.get()).orElseThrow();
            context.putString(REISSUED, "true");
        } else {
            ProgressCsvReader.Result progress = new ProgressCsvReader().read(progressDir);
            context.putString(PROGRESS_PROBLEMS, String.join("\n", progress.problems()));
            long jobInstanceId = contribution.getStepExecution().getJobExecution().getJobInstanceId();
            review = reviews.save(compute(progress.progress(), rejects.countByJobInstance(jobInstanceId)), jobInstanceId);
            context.putString(REISSUED, "false");
        }
        context.putInt(VERSION, review.version());
        // The summary's flag counts are the nightly rules'; say which flags the review raised and why.
        context.putString(PROJECTED_OVER_BUDGET, String.join("\n", review.rows().stream()
                .filter(QuarterlyRow::projectedOverBudget)
                .map(r -> r.variance().projectCode() + " " + r.variance().projectName() + " ("
                        + r.projectedYearEnd().wanForDisplay().toPlainString() + " of "
                        + r.variance().budget().wanForDisplay().toPlainString() + " 万元)")
                .toList()));
        return RepeatStatus.FINISHED;
    }

    QuarterlyReview compute(List<IndicatorProgress> progress, int rejectedRows) {
        Map<String, NavigableMap<LocalDate, BigDecimal>> daily =
                totals.actualsThrough(asOf, List.of(QuarterEnds.previous(asOf)));
        List<QuarterlyRow> rows = new ArrayList<>();
        Map<String, QuarterlyRow> byCode = new HashMap<>();
        for (VarianceRow variance : variances.findByAsOf(asOf)) {
            QuarterlyRow row = QuarterlyCalculator.review(variance,
                    new ActualCurve(daily.getOrDefault(variance.projectCode(), new TreeMap<>())));
            rows.add(row);
            byCode.put(variance.projectCode(), row);
        }
        IndicatorEvaluator evaluator = new IndicatorEvaluator();
        List<IndicatorReview> indicators = new ArrayList<>();
        for (Indicator indicator : plans.findIndicators(asOf.getYear())) {
            QuarterlyRow project = byCode.get(indicator.projectCode());
            if (project != null) {
                indicators.add(evaluator.evaluate(indicator, project, progress));
            }
        }
        // The plan version of its day, stored with it: a reissue shows the plan (and its adjustments) as known then.
        return new QuarterlyReview(asOf, 0, LocalDateTime.now(clock), disbursements.latestPayDate(asOf).orElse(null),
                rows, indicators, plans.revisions().latestRevision(), List.of(), rejectedRows);
    }
}
