package org.budgetmonitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;

import org.budgetmonitor.support.JobParameterNames;
import org.budgetmonitor.testing.JobTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** A restart after a kill that meets a row H2 cannot lock says the database is damaged, not "run again". */
@JobTest
class DamagedAfterKillSummaryTest {

    @Autowired
    NightlyRunSummary summary;

    @TempDir
    Path tmp;

    private JobExecution failed(String restartOf) {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addLocalDate(JobParameterNames.AS_OF, LocalDate.of(2026, 12, 31))
                .addLong(JobParameterNames.RUN, 1L)
                .addString(JobParameterNames.OUTPUT_DIR, tmp.toString());
        if (restartOf != null) {
            parameters.addString(JobParameterNames.RESTART_OF, restartOf);
        }
        JobExecution execution = MetaDataInstanceFactory.createJobExecution("nightly", 1L, 2L, parameters.toJobParameters());
        execution.setStatus(BatchStatus.FAILED);
        execution.addFailureException(new IllegalStateException("chunk failed",
                new SQLException("Timeout trying to lock table {0}; SQL statement: INSERT INTO file_payment …", "HYT00", 50200)));
        return execution;
    }

    @Test
    void aLockTimeoutAfterAKillIsReportedAsADamagedDatabaseWithTheWayOut() {
        assertThat(summary.summary(failed(JobParameterNames.AFTER_KILL)))
                .contains("error:      the database is damaged: H2 cannot lock a row no other session holds")
                .contains("Timeout trying to lock table").contains("--job=rebuild");
    }

    @Test
    void theSameErrorInARunThatWasNotKilledIsReportedAsItIs() {
        assertThat(summary.summary(failed(JobParameterNames.AFTER_FAILURE)))
                .contains("error:      Timeout trying to lock table {0}").doesNotContain("damaged");
    }
}
