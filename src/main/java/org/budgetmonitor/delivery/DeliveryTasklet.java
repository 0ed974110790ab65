package org.budgetmonitor.delivery;

import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.budgetmonitor.report.ReportText;
import org.budgetmonitor.support.OutputFiles;
import org.budgetmonitor.variance.DataCutOff;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.FlagRun;
import org.budgetmonitor.variance.Reason;
import org.budgetmonitor.variance.VarianceRepository;
import org.budgetmonitor.variance.VarianceRow;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Mails every unit's officers that unit's report, with a short body in the report's language. A message the mail
 * server does not take stays pending (the report stays on disk) and is sent by the next run; it
 * never fails the run, whose files are already written.
 */
public class DeliveryTasklet implements Tasklet {

    public static final String MAIL_STATUS = "mail.status";

    /** Which report a job mails: its file prefix and the title officers know it by. */
    public record ReportKind(String filePrefix, String title, boolean perUnitFiles) {
        public static final ReportKind VARIANCE = new ReportKind("variance", "预算执行进度监控报告", true);
        public static final ReportKind QUARTERLY = new ReportKind("quarterly", "预算执行情况季度分析报告", true);
    }

    /** The rows a message counts, given the job's execution context (the quarterly job: its issued review). */
    @FunctionalInterface
    public interface Rows {
        List<VarianceRow> of(JobExecution job);
    }

    /** Each unit's latest payment on or before a date, the units given by project code; null: not known. */
    @FunctionalInterface
    public interface UnitLatestPayments {
        Map<String, LocalDate> of(LocalDate notAfter, Map<String, String> unitByProject);
    }

    private final OutputFiles outputs;
    private final String jobName;
    private final ReportKind kind;
    private final MailSettings settings;
    private final ReportMailer mailer;
    private final DeliveryRepository deliveries;
    private final Rows rows;
    private final ReportText report;
    private final ResourceBundle mailText;
    private final Function<LocalDate, Map<String, FlagRun>> since;
    /** Null maps: a unit is judged by all payments. */
    private final UnitLatestPayments latestPayments;

    /**
     * The nightly mail: its rows, and since when each is flagged, from the variance table; a unit of several
     * judged by its own latest payment, as its report is.
     */
    public DeliveryTasklet(OutputFiles outputs, String jobName, ReportKind kind, MailSettings settings,
            ReportMailer mailer, DeliveryRepository deliveries, VarianceRepository variances, ReportText report,
            UnitLatestPayments latestPayments) {
        this(outputs, jobName, kind, settings, mailer, deliveries, job -> variances.findByAsOf(outputs.asOf(), job.getId()),
                report, variances::flaggedSince, latestPayments);
    }

    /** As the nightly mail, every unit judged by the latest payment of all. */
    public DeliveryTasklet(OutputFiles outputs, String jobName, ReportKind kind, MailSettings settings,
            ReportMailer mailer, DeliveryRepository deliveries, VarianceRepository variances, ReportText report) {
        this(outputs, jobName, kind, settings, mailer, deliveries, variances, report, (asOf, units) -> null);
    }

    /** In Chinese, the default report language. */
    public DeliveryTasklet(OutputFiles outputs, String jobName, ReportKind kind, MailSettings settings,
            ReportMailer mailer, DeliveryRepository deliveries, VarianceRepository variances) {
        this(outputs, jobName, kind, settings, mailer, deliveries, variances, ReportText.forLanguage("zh"));
    }

    public DeliveryTasklet(OutputFiles outputs, String jobName, ReportKind kind, MailSettings settings,
            ReportMailer mailer, DeliveryRepository deliveries, Rows rows) {
        this(outputs, jobName, kind, settings, mailer, deliveries, rows, ReportText.forLanguage("zh"), asOf -> Map.of());
    }

    /** @param since since when each RED or YELLOW project is flagged, by code (none: the lines say nothing) */
    public DeliveryTasklet(OutputFiles outputs, String jobName, ReportKind kind, MailSettings settings,
            ReportMailer mailer, DeliveryRepository deliveries, Rows rows, ReportText report,
            Function<LocalDate, Map<String, FlagRun>> since) {
        this(outputs, jobName, kind, settings, mailer, deliveries, rows, report, since, (asOf, units) -> null);
    }

    public DeliveryTasklet(OutputFiles outputs, String jobName, ReportKind kind, MailSettings settings,
            ReportMailer mailer, DeliveryRepository deliveries, Rows rows, ReportText report,
            Function<LocalDate, Map<String, FlagRun>> since, UnitLatestPayments latestPayments) {
        this.latestPayments = latestPayments;
        this.report = report;
        this.mailText = ResourceBundle.getBundle("delivery/mail", report.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.since = since;
        this.outputs = outputs;
        this.jobName = jobName;
        this.kind = kind;
        this.settings = settings;
        this.mailer = mailer;
        this.deliveries = deliveries;
        this.rows = rows;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobContext = contribution.getStepExecution().getJobExecution().getExecutionContext();
        if (!settings.enabled()) {
            jobContext.putString(MAIL_STATUS, "off (files only)");
            return RepeatStatus.FINISHED;
        }
        long instance = contribution.getStepExecution().getJobExecution().getJobInstanceId();
        List<String> notes = new ArrayList<>();
        Map<String, List<VarianceRow>> byUnit = new LinkedHashMap<>();
        List<VarianceRow> all = rows.of(contribution.getStepExecution().getJobExecution());
        all.stream().filter(VarianceRow::planned)
                .forEach(r -> byUnit.computeIfAbsent(r.unitCode(), k -> new ArrayList<>()).add(r));
        long unplanned = all.stream().filter(r -> !r.planned()).count();
        DataCutOff data = DataCutOff.from(jobContext, outputs.asOf());
        // One query for all units, not one per project.
        Map<String, FlagRun> flagged = byUnit.isEmpty() ? Map.of() : since.apply(outputs.asOf());
        Map<String, LocalDate> latest = null;
        for (var unit : byUnit.entrySet()) {
            List<String> recipients = settings.recipients().getOrDefault(unit.getKey(), List.of());
            if (recipients.isEmpty()) {
                notes.add("no recipients for unit " + unit.getKey());
                continue;
            }
            if (latest == null && byUnit.size() > 1) {
                latest = latestPayments.of(outputs.asOf(), DataCutOff.unitsOfPlanned(all)); // once, for all units
            }
            deliveries.add(instance, compose(unit.getKey(), unit.getValue(), recipients, byUnit.size() > 1, unplanned,
                    data, flagged, latest));
        }
        // This run's messages and any an earlier run could not deliver, oldest first.
        int sent = 0;
        List<String> undelivered = new ArrayList<>();
        for (Delivery delivery : deliveries.findPending()) {
            ReportMailer.Outcome outcome = mailer.send(delivery);
            if (outcome.sent()) {
                deliveries.markSent(delivery.id(), outcome.attempts());
                sent++;
            } else {
                deliveries.markFailed(delivery.id(), outcome.attempts(), outcome.error());
                undelivered.add(delivery.unitCode() + " " + delivery.asOf() + " (" + outcome.error() + ")");
            }
        }
        String status = sent + " sent" + (undelivered.isEmpty() ? "" : ", NOT DELIVERED (kept for the next run): "
                + String.join("; ", undelivered)) + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        jobContext.putString(MAIL_STATUS, status);
        return RepeatStatus.FINISHED;
    }

    /**
     * The message for one unit. Its counts are those of the attached report: a plan's only unit gets the
     * report of all, which lists the unplanned codes (counted apart from RED, as there); a unit of several
     * gets its own report, which cannot hold them. RED and YELLOW projects each say since when they are flagged.
     *
     * @param data the run's data cut-off, or null when the variance step did not record one
     */
    Delivery compose(String unitCode, List<VarianceRow> rows, List<String> recipients, boolean severalUnits,
            long unplannedCodes, DataCutOff data) {
        return compose(unitCode, rows, recipients, severalUnits, unplannedCodes, data, Map.of());
    }

    Delivery compose(String unitCode, List<VarianceRow> rows, List<String> recipients, boolean severalUnits,
            long unplannedCodes, DataCutOff data, Map<String, FlagRun> since) {
        return compose(unitCode, rows, recipients, severalUnits, unplannedCodes, data, since, null);
    }

    /**
     * @param latestPayments each unit's latest payment (null: not known), by which a unit of several is
     *        judged as its report is: the exports' cut-off with the unit's own latest payment beside it
     */
    Delivery compose(String unitCode, List<VarianceRow> rows, List<String> recipients, boolean severalUnits,
            long unplannedCodes, DataCutOff data, Map<String, FlagRun> since, Map<String, LocalDate> latestPayments) {
        String unitName = rows.get(0).unitName();
        Map<Flag, Long> counts = rows.stream().collect(Collectors.groupingBy(VarianceRow::flag, Collectors.counting()));
        long red = counts.getOrDefault(Flag.RED, 0L);
        long yellow = counts.getOrDefault(Flag.YELLOW, 0L);
        long green = counts.getOrDefault(Flag.GREEN, 0L);
        StringBuilder body = new StringBuilder();
        body.append(mail("greeting")).append(mail("intro", unitName, unitCode, outputs.asOf(), mail("title." + kind.filePrefix())));
        if (data != null && severalUnits && latestPayments != null && data.hasPayments()) {
            body.append(unitData(unitCode, data, latestPayments));
        } else if (data != null) {
            body.append(data.hasPayments() ? mail("data.cutoff", data.latestPayment(), data.daysBefore()) : mail("data.none"));
            if (data.stale()) {
                body.append(data.hasPayments() ? mail("data.stale", data.daysBefore(), data.staleDays())
                        : mail("data.staleNone"));
            }
        }
        body.append(mail("counts", rows.size(), red, yellow, green));
        if (!severalUnits) {
            body.append(mail("counts.unplanned", unplannedCodes)).append(unplannedCodes > 0 ? mail("counts.unplannedNote") : "");
        }
        body.append(mail("counts.end"));
        for (Flag flag : List.of(Flag.RED, Flag.YELLOW)) {
            if (counts.getOrDefault(flag, 0L) == 0) {
                continue;
            }
            body.append(mail(flag == Flag.RED ? "red.title" : "yellow.title"));
            for (VarianceRow row : rows) {
                if (row.flag() == flag) {
                    body.append("  ").append(row.projectCode()).append(' ').append(row.projectName());
                    // A cancelled project has no gap: there is no budget left to measure it by.
                    body.append(row.gapPp() == null ? mail("line.noGap")
                            : mail("line.gap", row.gapPp().setScale(2, RoundingMode.HALF_UP).toPlainString()));
                    body.append(reasons(row.reasons())).append(mail("line.reasonsEnd"));
                    if (row.overBudget().isPositive()) {
                        body.append(mail("line.overBudget", row.overBudgetWanForDisplay().toPlainString()));
                    }
                    FlagRun run = since.get(row.projectCode());
                    if (run != null) {
                        body.append(flag == Flag.RED && run.turnedRedLater()
                                ? mail("line.sinceRed", run.since(), run.redSince()) : mail("line.since", run.since()));
                    }
                    body.append("\n");
                }
            }
        }
        // Adjusted projects (预算调整): the budget in force the figures use, and the original one beside it.
        List<VarianceRow> adjusted = rows.stream().filter(VarianceRow::adjusted).toList();
        if (!adjusted.isEmpty()) {
            body.append(mail("adjusted.title"));
            for (VarianceRow row : adjusted) {
                body.append("  ").append(row.projectCode()).append(' ').append(row.projectName())
                        .append(mail("adjusted.line", row.budget().wanForDisplay().toPlainString(),
                                row.originalBudget().wanForDisplay().toPlainString()))
                        .append(row.cancelled() ? mail("adjusted.cancelled") : "").append("\n");
            }
        }
        List<Path> files = new ArrayList<>();
        Path unitPdf = outputs.dir().resolve(kind.filePrefix() + "-" + outputs.asOf() + "-" + unitCode + ".pdf");
        boolean ownPdf = severalUnits && kind.perUnitFiles() && Files.exists(unitPdf);
        files.add(ownPdf ? unitPdf : outputs.file(kind.filePrefix(), "pdf"));
        // A unit's own workbook goes with its own PDF (the quarterly review writes one); else the combined one.
        Path xlsx = ownPdf ? outputs.dir().resolve(kind.filePrefix() + "-" + outputs.asOf() + "-" + unitCode + ".xlsx")
                : outputs.file(kind.filePrefix(), "xlsx");
        if (Files.exists(xlsx)) {
            files.add(xlsx);
        }
        body.append(mail("attachments", files.stream().map(f -> f.getFileName().toString())
                .collect(Collectors.joining(mail("attachments.separator")))));
        return new Delivery(0, jobName, outputs.asOf(), unitCode, recipients, subject(unitCode, red, yellow),
                body.toString(), withHtmlBody(files), Delivery.Status.PENDING, 0, null);
    }

    /**
     * "[红2 黄1] 472001 预算执行监控 2026-11-30" ("[R2 Y1] 472001 Budget execution monitor 2026-11-30" in
     * English): what a phone's inbox shows first, the counts, comes first.
     */
    String subject(String unitCode, long red, long yellow) {
        return mail("subject", red, yellow, unitCode, mail("name." + kind.filePrefix()), outputs.asOf());
    }

    /** A unit of several: how far the exports reach, and its own latest payment, by which it is warned. */
    private String unitData(String unitCode, DataCutOff exports, Map<String, LocalDate> latestPayments) {
        DataCutOff own = new DataCutOff(exports.asOf(), latestPayments.get(unitCode), exports.staleDays());
        StringBuilder s = new StringBuilder(own.hasPayments()
                ? mail("data.cutoffUnit", exports.latestPayment(), exports.daysBefore(), own.latestPayment(), own.daysBefore())
                : mail("data.cutoffUnitNone", exports.latestPayment(), exports.daysBefore()));
        if (own.stale()) {
            s.append(own.hasPayments()
                    ? mail("data.unitStale", own.daysBefore(), own.staleDays(), exports.latestPayment(), exports.daysBefore())
                    : mail("data.unitStaleNone", exports.latestPayment()));
        }
        return s.toString();
    }

    /** A sentence of the mail in the report's language; every argument goes in as text, unformatted. */
    private String mail(String key, Object... args) {
        String pattern = mailText.getString(key);
        if (args.length == 0) {
            return pattern;
        }
        Object[] texts = Arrays.stream(args).map(String::valueOf).toArray();
        return new MessageFormat(pattern, report.locale()).format(texts);
    }

    /** The Chinese mail keeps the words officers already get; another language takes the report's. */
    private String reasons(List<Reason> reasons) {
        return "zh".equals(report.locale().getLanguage())
                ? reasons.stream().map(Reason::chinese).collect(Collectors.joining("、"))
                : report.reasons(reasons);
    }

    /**
     * The HTML page of the attached PDF ({@code x.pdf} → {@code x.html}), when written, joins the
     * files: the mailer sends it as the message's HTML body rather than as an attachment.
     */
    static List<Path> withHtmlBody(List<Path> files) {
        String pdf = files.get(0).getFileName().toString();
        if (!pdf.endsWith(".pdf")) {
            return files;
        }
        Path html = files.get(0).resolveSibling(pdf.substring(0, pdf.length() - ".pdf".length()) + ".html");
        if (!Files.exists(html)) {
            return files;
        }
        List<Path> withHtml = new ArrayList<>(files);
        withHtml.add(html);
        return withHtml;
    }
}
