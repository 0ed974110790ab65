package org.budgetmonitor.variance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A code that is not in the plan is unplanned spending as of D only when it has payments dated in
 * the year up to D: a payment dated after D (the export already holds it) does not make it one yet.
 */
@JobTest
class UnplannedCodesTest {

    @Autowired
    NightlyJobHarness job;

    @Autowired
    VarianceRepository variances;

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

    private JobExecution run(LocalDate asOf) throws Exception {
        JobExecution execution = job.run(asOf, plan, inbox, tmp.resolve("out"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    private List<String> unplanned(LocalDate asOf) {
        return variances.findByAsOf(asOf).stream().filter(r -> !r.planned())
                .map(r -> r.projectCode() + " " + r.actual().wanForDisplay()).toList();
    }

    private List<String> csvLines(LocalDate asOf) throws Exception {
        return Files.readAllLines(tmp.resolve("out/" + asOf + "/variance-" + asOf + ".csv"), StandardCharsets.UTF_8);
    }

    @Test
    void unplannedCodeAppearsOnlyOnceItHasPaymentsUpToTheAsOfDate() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-02-10,P1,100.00,V1,甲,摘要",
                "2026-05-15,X9,3600.00,V2,乙,摘要");

        for (String date : List.of("2026-03-31", "2026-05-14")) {
            LocalDate asOf = LocalDate.parse(date);
            JobExecution execution = run(asOf);
            assertThat(unplanned(asOf)).as(date).isEmpty();
            assertThat(csvLines(asOf)).as(date).noneMatch(line -> line.startsWith("X9"));
            assertThat(execution.getExecutionContext().getInt(VarianceTasklet.UNPLANNED_COUNT)).as(date).isZero();
        }
        LocalDate may15 = LocalDate.of(2026, 5, 15);
        JobExecution execution = run(may15);
        assertThat(unplanned(may15)).containsExactly("X9 0.36");
        assertThat(csvLines(may15)).anyMatch(line -> line.startsWith("X9,,,,,,,0.36,,,UNPLANNED,UNPLANNED"));
        assertThat(execution.getExecutionContext().getInt(VarianceTasklet.UNPLANNED_COUNT)).isEqualTo(1);
    }

    @Test
    void unplannedCodesFollowThePlannedProjectsInCodeOrderWhateverTheOrderOfTheirPayments() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-02-10,X9,100.00,V1,甲,摘要", "2026-02-11,P1,100.00,V2,甲,摘要",
                "2026-02-12,A7,200.00,V3,乙,摘要", "2026-02-13,X10,300.00,V4,丙,摘要", "2026-02-14,M5,400.00,V5,丁,摘要");
        LocalDate asOf = LocalDate.of(2026, 3, 31);
        run(asOf);

        assertThat(unplanned(asOf)).containsExactly("A7 0.02", "M5 0.04", "X10 0.03", "X9 0.01");
        List<String> codes = variances.findByAsOf(asOf).stream().map(r -> r.projectCode()).toList();
        assertThat(codes.subList(codes.size() - 4, codes.size())).containsExactly("A7", "M5", "X10", "X9");
    }

    @Test
    void anUnplannedCodeWhosePaymentsCancelOutHasStillHadPaymentsAndIsListed() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-02-10,X8,100.00,V1,甲,摘要",
                "2026-02-20,X8,-100.00,V2,甲,冲销");
        LocalDate asOf = LocalDate.of(2026, 3, 31);
        run(asOf);
        assertThat(unplanned(asOf)).containsExactly("X8 0.00");
    }

    @Test
    void anUnplannedCodeWhosePaymentsACorrectionTookOutIsNoLongerListed() throws Exception {
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-02-10,P1,100.00,V1,甲,摘要",
                "2026-02-11,X7,50.00,V2,乙,摘要");
        LocalDate first = LocalDate.of(2026, 2, 28);
        run(first);
        assertThat(unplanned(first)).containsExactly("X7 0.01");

        // The same days, corrected: the X7 line was a mistake.
        Exports.write(inbox, "a.csv", Exports.HEADER, "2026-02-10,P1,100.00,V1,甲,摘要",
                "2026-02-11,P1,50.00,V2,乙,摘要");
        LocalDate next = LocalDate.of(2026, 3, 1);
        run(next);
        assertThat(unplanned(next)).isEmpty();
    }
}
