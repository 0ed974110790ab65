package org.budgetmonitor.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.support.OutputFiles;
import org.budgetmonitor.quarterly.QuarterlyReview;
import org.budgetmonitor.quarterly.QuarterlyReviewRepository;
import org.budgetmonitor.quarterly.QuarterlyReviewUnits;
import org.budgetmonitor.support.AtomicFiles;
import org.budgetmonitor.report.html.HtmlReportWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes {@code quarterly-<as-of>.pdf} and {@code .xlsx} from the version of the review this run
 * issued (or reloaded), never from today's figures: a reprint of a past quarter matches what was
 * signed. With several units in the plan, each unit also gets its own document to sign,
 * {@code quarterly-<as-of>-<unit>.pdf} and {@code .xlsx} (its projects, indicators, totals, 单位意见
 * and sign-off); the combined one is the supervising finance bureau's. The documents are rendered
 * side by side on {@code monitor.report.threads}.
 */
public class WriteQuarterlyReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteQuarterlyReportTasklet.class);

    private final OutputFiles outputs;
    private final QuarterlyText text;
    private final QuarterlyReportRenderer renderer;
    private final QuarterlyReviewRepository reviews;
    /** Which version of the review this run issued or reloaded, read from the job's context by its composer. */
    private final ToIntFunction<ExecutionContext> issuedVersion;
    private final Money focusThreshold;
    private final int threads;
    private final Clock clock;
    private final HtmlReportWriter html = new HtmlReportWriter();

    public WriteQuarterlyReportTasklet(OutputFiles outputs, QuarterlyText text, QuarterlyReportRenderer renderer,
            QuarterlyReviewRepository reviews, ToIntFunction<ExecutionContext> issuedVersion, Money focusThreshold,
            int threads, Clock clock) {
        this.outputs = outputs;
        this.text = text;
        this.renderer = renderer;
        this.reviews = reviews;
        this.issuedVersion = issuedVersion;
        this.focusThreshold = focusThreshold;
        this.threads = threads;
        this.clock = clock;
    }

    /** A unit's PDF or XLSX: {@code quarterly-<as-of>-<unit>.<ext>}, beside the combined one. */
    public static Path unitFile(OutputFiles outputs, String unitCode, String extension) {
        return outputs.dir().resolve("quarterly-" + outputs.asOf() + "-" + unitCode + "." + extension);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        // Before any work: without the font the PDF would come out with its Chinese text missing.
        ReportFonts.check(getClass().getClassLoader());
        int version = issuedVersion.applyAsInt(contribution.getStepExecution().getJobExecution().getExecutionContext());
        QuarterlyReview review = reviews.load(outputs.asOf(), version).orElseThrow(() -> new IllegalStateException(
                "quarterly review " + outputs.asOf() + " version " + version + " is not stored"));
        LocalDateTime now = LocalDateTime.now(clock);
        List<Callable<?>> documents = new ArrayList<>();
        // The HTML pages (the review's and each unit's) come from the combined report.
        documents.add(() -> html.writeQuarterly(write(review, QuarterlyReportRenderer.Audience.COMBINED,
                outputs.file("quarterly", "pdf"), outputs.file("quarterly", "xlsx"), now), text,
                renderer.staleDays(), outputs.file("quarterly", "html"), unit -> unitFile(outputs, unit, "html")).get(0));
        List<String> units = QuarterlyReviewUnits.unitCodes(review);
        if (units.size() > 1) {
            int unplanned = QuarterlyReviewUnits.unplannedCodes(review);
            for (String unit : units) {
                documents.add(() -> write(QuarterlyReviewUnits.ofUnit(review, unit),
                        QuarterlyReportRenderer.Audience.unit(unit, unplanned), unitFile(outputs, unit, "pdf"),
                        unitFile(outputs, unit, "xlsx"), now));
            }
        }
        renderer.prepare();
        runAll(documents);
        log.info("Wrote the quarterly review {} (version {}): combined{}", outputs.asOf(), version,
                units.size() > 1 ? " and " + units.size() + " unit documents" : "");
        return RepeatStatus.FINISHED;
    }

    private QuarterlyReport write(QuarterlyReview review, QuarterlyReportRenderer.Audience audience, Path pdf,
            Path xlsx, LocalDateTime now) throws IOException {
        QuarterlyReport report = new QuarterlyReportAssembler(text).assemble(review, focusThreshold, now);
        renderer.renderPdf(report, text, pdf, audience);
        List<String> notes = List.of(QuarterlyReportRenderer.unplannedText(report, text, audience),
                QuarterlyReportRenderer.rejectsText(report, text, audience), text.get("q.rounding"));
        AtomicFiles.write(xlsx, out -> new QuarterlyWorkbook(text).write(review, report,
                QuarterlyReportRenderer.reportId(report, audience), notes, out));
        log.info("Wrote {} and {}", pdf, xlsx.getFileName());
        return report;
    }

    /** Every document, on a small pool; the first failure stops the rest and is thrown. */
    private void runAll(List<Callable<?>> documents) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, documents.size())), r -> {
            Thread thread = new Thread(r, "quarterly-report");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Callable<?> document : documents) {
                futures.add(pool.submit(document));
            }
            for (Future<?> future : futures) {
                DocumentTasks.result(future, "the quarterly review");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
