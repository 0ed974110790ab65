package org.budgetmonitor.testing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.budgetmonitor.run.JobLauncherService;
import org.budgetmonitor.support.JobParameterNames;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Launches the nightly job inside a test's Spring context, the way the command line does. */
@Component
public class NightlyJobHarness {

    private final JobLauncherService launcher;
    private final Job nightlyJob;
    private final Job quarterlyJob;
    private final JdbcTemplate jdbc;

    public NightlyJobHarness(JobLauncherService launcher, Job nightlyJob, Job quarterlyJob, JdbcTemplate jdbc) {
        this.launcher = launcher;
        this.nightlyJob = nightlyJob;
        this.quarterlyJob = quarterlyJob;
        this.jdbc = jdbc;
    }

    public JobExecution run(LocalDate asOf, Path planDir, Path inbox, Path outputDir) throws Exception {
        return launcher.launch(nightlyJob, asOf, Map.of(
                JobParameterNames.PLAN_DIR, planDir.toString(),
                JobParameterNames.INBOX, inbox.toString(),
                JobParameterNames.OUTPUT_DIR, outputDir.toString()));
    }

    /** A nightly run with more options, e.g. {@link JobParameterNames#PLAN_EFFECTIVE}. */
    public JobExecution run(LocalDate asOf, Path planDir, Path inbox, Path outputDir, Map<String, String> more)
            throws Exception {
        Map<String, String> options = new java.util.HashMap<>(Map.of(
                JobParameterNames.PLAN_DIR, planDir.toString(),
                JobParameterNames.INBOX, inbox.toString(),
                JobParameterNames.OUTPUT_DIR, outputDir.toString()));
        options.putAll(more);
        return launcher.launch(nightlyJob, asOf, options);
    }

    public JobExecution runQuarterly(LocalDate asOf, Path planDir, Path inbox, Path outputDir, Path progressDir,
            boolean refresh) throws Exception {
        return launcher.launch(quarterlyJob, asOf, Map.of(
                JobParameterNames.PLAN_DIR, planDir.toString(),
                JobParameterNames.INBOX, inbox.toString(),
                JobParameterNames.OUTPUT_DIR, outputDir.toString(),
                JobParameterNames.PROGRESS_DIR, progressDir.toString(),
                JobParameterNames.REFRESH, String.valueOf(refresh)));
    }

    /** What the ingest step of a run recorded (counters, file names, decisions), however many attempts it took. */
    public static ExecutionContext ingestContext(JobExecution execution) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("ingest")).findFirst()
                .orElseThrow().getExecutionContext();
    }

    /** Everything stored, in 元. */
    public BigDecimal totalYuan() {
        BigDecimal total = jdbc.queryForObject("SELECT SUM(amount_yuan) FROM disbursement", BigDecimal.class);
        return total == null ? BigDecimal.ZERO : total;
    }

    /** Where the stored payment with this voucher number says it comes from: "file:line". */
    public String sourceOf(String voucherNo) {
        return jdbc.queryForObject("SELECT source_file || ':' || CAST(source_line AS VARCHAR(20)) FROM disbursement "
                + "WHERE voucher_no = ?", String.class, voucherNo);
    }

    public int paymentCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM disbursement", Integer.class);
    }

    /** Empties our tables between tests (the job repository keeps its history). */
    public void clear() {
        for (String table : new String[] {"quarterly_review_indicator", "quarterly_review_row", "quarterly_review",
            "variance_result", "variance_flags", "flag_code", "rejected_row", "run_file", "file_payment",
            "pending_payment", "disbursement", "project_year_total", "ingested_file", "plan_load", "plan_indicator", "plan_checkpoint",
            "plan_project", "plan_adjustment_checkpoint", "plan_adjustment", "plan_revision_checkpoint",
            "plan_revision_project", "plan_revision", "plan_run"}) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("UPDATE totals_watermark SET through_payment_id = 0");
    }
}
