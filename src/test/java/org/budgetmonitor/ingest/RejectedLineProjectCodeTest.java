package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rejected line keeps the project code it names, normalised as the ingest matches codes, so that the
 * unit of that project is told of it; a line without a code keeps none. Kept when the file is read again.
 */
@JobTest
class RejectedLineProjectCodeTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);

    @Autowired
    NightlyJobHarness job;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    Path plan;
    Path inbox;

    @BeforeEach
    void setUp() {
        job.clear();
        plan = Exports.plan(tmp.resolve("plan"));
        inbox = tmp.resolve("inbox");
    }

    private void run(LocalDate asOf) throws Exception {
        assertThat(job.run(asOf, plan, inbox, tmp.resolve("out-" + asOf)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    private List<String> rejects() {
        return jdbc.queryForList("SELECT line_no || ' ' || COALESCE(project_code, '-') FROM rejected_row "
                + "ORDER BY id", String.class);
    }

    @Test
    void aRejectedLineKeepsItsNormalisedProjectCodeAndALineWithoutOneKeepsNone() throws Exception {
        Exports.write(inbox, "pay.csv", Exports.HEADER,
                "2026-01-10,P1,100.00,V1,甲,摘要",
                "2026-02-30, p１ ,200.00,V2,乙,no such day",
                "2026-03-10,,300.00,V3,丙,no project");
        run(AS_OF.minusDays(1));

        assertThat(rejects()).containsExactly("3 P1", "4 -");
    }

    @Test
    void aFileReadAgainUnderAnotherNameKeepsItsRejectsCodes() throws Exception {
        Path file = Exports.write(inbox, "pay.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要",
                "2026-02-30,P1,200.00,V2,乙,no such day");
        run(AS_OF.minusDays(1));
        // The same content under tomorrow's name: its rejects are copied to the new file version.
        Files.move(file, inbox.resolve("pay-2.csv"));
        run(AS_OF);

        assertThat(rejects()).hasSize(2).allSatisfy(r -> assertThat(r).isEqualTo("3 P1"));
    }
}
