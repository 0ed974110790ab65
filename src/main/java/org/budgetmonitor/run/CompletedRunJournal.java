package org.budgetmonitor.run;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import org.budgetmonitor.spending.SpendingTotals;
import org.budgetmonitor.support.JobParameterNames;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes the run-journal line of a completed run, with what the database then holds. */
@Component
public class CompletedRunJournal {

    private final JdbcTemplate jdbc;
    private final SpendingTotals totals;
    private final RunJournal journal;
    private final Optional<String> database;
    private final boolean h2;

    public CompletedRunJournal(JdbcTemplate jdbc, SpendingTotals totals, MonitorProperties properties,
            Environment environment) {
        this.jdbc = jdbc;
        this.totals = totals;
        this.journal = new RunJournal(properties.dataDir());
        String url = environment.getProperty("spring.datasource.url");
        this.database = RunJournal.databaseId(url);
        this.h2 = database.map(d -> d.startsWith("h2:")).orElse(false);
    }

    public RunJournal journal() {
        return journal;
    }

    /** Records a completed run; nothing for other outcomes or an in-memory database. */
    public void record(JobExecution execution) throws IOException {
        if (execution.getStatus() != BatchStatus.COMPLETED || database.isEmpty()) {
            return;
        }
        if (h2) {
            // H2 writes commits to its file in the background; the journal must never be ahead of the disk.
            jdbc.execute("CHECKPOINT SYNC");
        }
        // Once the totals count every stored payment, they say what the payments table holds without a count of
        // the year's rows (the next start still counts the table itself against this line, DatabaseCheck).
        SpendingTotals.Counted counted = totals.countedPayments().orElseGet(() -> jdbc.queryForObject(
                RunJournal.FINGERPRINT, (rs, n) -> new SpendingTotals.Counted(rs.getLong(1), rs.getBigDecimal(2))));
        var parameters = execution.getJobParameters();
        Long run = parameters.getLong(JobParameterNames.RUN);
        journal.append(new RunJournal.Entry(Instant.now(), execution.getJobInstance().getJobName(),
                parameters.getLocalDate(JobParameterNames.AS_OF), run == null ? 0 : run, execution.getId(),
                database.get(), counted.payments(), counted.totalYuan()));
    }
}
