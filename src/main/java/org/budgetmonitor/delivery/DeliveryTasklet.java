package org.budgetmonitor.delivery;

import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.budgetmonitor.support.OutputFiles;
import org.budgetmonitor.variance.DataCutOff;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.Reason;
import org.budgetmonitor.variance.VarianceRepository;
import org.budgetmonitor.variance.VarianceRow;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Mails every unit's officers that unit's report, with a short Chinese body. A message the mail
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
        List<VarianceRow> of(ExecutionContext jobContext);
    }

    private final OutputFiles outputs;
    private final String jobName;
    private final ReportKind kind;
    private final MailSettings settings;
    private final ReportMailer mailer;
    private final DeliveryRepository deliveries;
    private final Rows rows;

    public DeliveryTasklet(OutputFiles outputs, String jobName, ReportKind kind, MailSettings settings,
            ReportMailer mailer, DeliveryRepository deliveries, VarianceRepository variances) {
        this(outputs, jobName, kind, settings, mailer, deliveries, job -> variances.findByAsOf(outputs.asOf()));
    }

    public DeliveryTasklet(OutputFiles outputs, String jobName, ReportKind kind, MailSettings settings,
            ReportMailer mailer, DeliveryRepository deliveries, Rows rows) {
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
        List<VarianceRow> all = rows.of(jobContext);
        all.stream().filter(VarianceRow::planned)
                .forEach(r -> byUnit.computeIfAbsent(r.unitCode(), k -> new ArrayList<>()).add(r));
        long unplanned = all.stream().filter(r -> !r.planned()).count();
        DataCutOff data = DataCutOff.from(jobContext, outputs.asOf());
        for (var unit : byUnit.entrySet()) {
            List<String> recipients = settings.recipients().getOrDefault(unit.getKey(), List.of());
            if (recipients.isEmpty()) {
                notes.add("no recipients for unit " + unit.getKey());
                continue;
            }
            deliveries.add(instance, compose(unit.getKey(), unit.getValue(), recipients, byUnit.size() > 1, unplanned,
                    data));
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
     * gets its own report, which cannot hold them.
     *
     * @param data the run's data cut-off, or null when the variance step did not record one
     */
    Delivery compose(String unitCode, List<VarianceRow> rows, List<String> recipients, boolean severalUnits,
            long unplannedCodes, DataCutOff data) {
        String unitName = rows.get(0).unitName();
        Map<Flag, Long> counts = rows.stream().collect(Collectors.groupingBy(VarianceRow::flag, Collectors.counting()));
        long red = counts.getOrDefault(Flag.RED, 0L);
        long yellow = counts.getOrDefault(Flag.YELLOW, 0L);
        long green = counts.getOrDefault(Flag.GREEN, 0L);
        StringBuilder body = new StringBuilder();
        body.append("各位好：\n\n").append(unitName).append("（").append(unitCode).append("）截至 ").append(outputs.asOf())
                .append(" 的").append(kind.title()).append("见附件。\n\n");
        if (data != null) {
            body.append(data.hasPayments() ? "数据截止 " + data.latestPayment() + "，距截止日期 " + data.daysBefore() + " 天。\n"
                    : "截至该日尚无支付数据。\n");
            if (data.stale()) {
                body.append(data.hasPayments() ? "数据可能不完整：最近一笔支付距截止日期 " + data.daysBefore() + " 天（超过 "
                        + data.staleDays() + " 天），可能尚有支付未导入，使用报告数字前请核实。\n"
                        : "数据可能不完整：截至该日尚无任何支付数据，请核实支付数据是否已导入。\n");
            }
        }
        body.append("监控项目 ").append(rows.size()).append(" 个：红色 ").append(red).append(" 个，黄色 ").append(yellow)
                .append(" 个，绿色 ").append(green).append(" 个");
        if (!severalUnits) {
            body.append("；计划外支出编码 ").append(unplannedCodes).append(" 个")
                    .append(unplannedCodes > 0 ? "（不在预算计划中，报告中另行列示，不计入红色）" : "");
        }
        body.append("。\n");
        if (red > 0) {
            body.append("红色预警项目：\n");
            for (VarianceRow row : rows) {
                if (row.flag() == Flag.RED) {
                    // A cancelled project has no gap: there is no budget left to measure it by.
                    body.append("  ").append(row.projectCode()).append(' ').append(row.projectName())
                            .append(row.gapPp() == null ? "（"
                                    : "：偏差 " + row.gapPp().setScale(2, RoundingMode.HALF_UP).toPlainString() + " 个百分点（")
                            .append(row.reasons().stream().map(Reason::chinese).collect(Collectors.joining("、")))
                            .append("）")
                            .append(row.overBudget().isPositive()
                                    ? "，超支 " + row.overBudget().wanForDisplay().toPlainString() + " 万元" : "")
                            .append("\n");
                }
            }
        }
        // Adjusted projects (预算调整): the budget in force the figures use, and the original one beside it.
        List<VarianceRow> adjusted = rows.stream().filter(VarianceRow::adjusted).toList();
        if (!adjusted.isEmpty()) {
            body.append("预算调整项目（执行率、偏差均按调整后预算计算，调整明细见附件“预算调整”）：\n");
            for (VarianceRow row : adjusted) {
                body.append("  ").append(row.projectCode()).append(' ').append(row.projectName()).append("：调整后预算 ")
                        .append(row.budget().wanForDisplay().toPlainString()).append(" 万元，年初预算 ")
                        .append(row.originalBudget().wanForDisplay().toPlainString()).append(" 万元")
                        .append(row.cancelled() ? "（项目撤销）" : "").append("\n");
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
        body.append("\n附件：").append(files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining("，")))
                .append("\n\n本邮件由预算执行监控系统自动发送，请勿直接回复。\n");
        return new Delivery(0, jobName, outputs.asOf(), unitCode, recipients, subject(unitCode, red, yellow),
                body.toString(), withHtmlBody(files), Delivery.Status.PENDING, 0, null);
    }

    /** "[红2 黄1] 472001 预算执行监控 2026-11-30": what a phone's inbox shows first, the counts, comes first. */
    String subject(String unitCode, long red, long yellow) {
        String name = kind == ReportKind.QUARTERLY ? "预算执行季度分析" : "预算执行监控";
        return "[红" + red + " 黄" + yellow + "] " + unitCode + " " + name + " " + outputs.asOf();
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
