package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

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
 * README "Files, corrections and the archive": which file a payment belongs to when copies,
 * corrections and exports that reuse one file name every day meet.
 */
@JobTest
class FileIdentityTest {

    @Autowired
    NightlyJobHarness job;

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

    private JobExecution night(String asOf) throws Exception {
        JobExecution execution = job.run(LocalDate.parse(asOf), plan, inbox, tmp.resolve("out"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    private static String ingest(JobExecution execution, String key) {
        return NightlyJobHarness.ingestContext(execution).getString(key, "");
    }

    @Test
    void anIdenticalCopyHoldsItsPaymentsSoACorrectionOfTheOriginalKeepsThem() throws Exception {
        Exports.write(inbox, "z-export.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要",
                "2026-01-11,P1,200.00,V2,乙,摘要", "2026-01-12,P1,300.00,V3,丙,摘要");
        night("2026-01-12");
        Files.copy(inbox.resolve("z-export.csv"), inbox.resolve("a-copy.csv"));
        JobExecution copy = night("2026-01-13");
        assertThat(ingest(copy, InboxReader.DECISIONS)).contains("a-copy.csv: identical to z-export.csv");

        // The exporter drops V2 from z-export.csv; a-copy.csv still holds it.
        Exports.write(inbox, "z-export.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要",
                "2026-01-12,P1,300.00,V3,丙,摘要");
        night("2026-01-14");
        assertThat(job.totalYuan()).isEqualByComparingTo("600.00");
        assertThat(job.paymentCount()).isEqualTo(3);

        night("2026-01-15");
        assertThat(job.totalYuan()).isEqualByComparingTo("600.00");
        assertThat(job.paymentCount()).isEqualTo(3);
    }

    @Test
    void aCopyReadInTheSameNightAsItsOriginalHoldsAllOfItsPayments() throws Exception {
        // Read one after the other, in one chunk: the original's lines are not stored yet when the copy is met.
        Exports.write(inbox, "a-export.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要",
                "2026-01-11,P1,200.00,V2,乙,摘要", "2026-01-12,P1,300.00,V3,丙,摘要");
        Files.copy(inbox.resolve("a-export.csv"), inbox.resolve("b-copy.csv"));
        JobExecution first = night("2026-01-12");
        assertThat(ingest(first, InboxReader.DECISIONS)).contains("b-copy.csv: identical to a-export.csv");

        // The exporter drops V2 from a-export.csv; b-copy.csv still holds it.
        Exports.write(inbox, "a-export.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要",
                "2026-01-12,P1,300.00,V3,丙,摘要");
        night("2026-01-13");

        assertThat(job.totalYuan()).isEqualByComparingTo("600.00");
        assertThat(job.paymentCount()).isEqualTo(3);
        assertThat(job.sourceOf("V2")).isEqualTo("b-copy.csv:3");
    }

    @Test
    void aCopyOfTheOldVersionReadInTheSameNightAsTheCorrectionOfItsOriginalKeepsItsPayments() throws Exception {
        Exports.write(inbox, "z-export.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要",
                "2026-01-11,P1,200.00,V2,乙,摘要", "2026-01-12,P1,300.00,V3,丙,摘要");
        night("2026-01-12");
        // The same night brings a copy of that version and the correction of the original, without V2.
        Files.copy(inbox.resolve("z-export.csv"), inbox.resolve("a-copy.csv"));
        Exports.write(inbox, "z-export.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要",
                "2026-01-12,P1,300.00,V3,丙,摘要");
        night("2026-01-13");

        assertThat(job.totalYuan()).isEqualByComparingTo("600.00");
        assertThat(job.paymentCount()).isEqualTo(3);
        assertThat(job.sourceOf("V2")).isEqualTo("a-copy.csv:3");
    }

    @Test
    void aRequestAwaitingTheBankThatACopyHoldsStaysListedWhenTheOriginalIsCorrectedWithoutIt() throws Exception {
        String header = Exports.HEADER + ",实际支付金额,实际支付日期";
        Exports.write(inbox, "z.csv", header, "2026-01-10,P1,100.00,V1,甲,摘要,100.00,2026-01-10",
                "2026-01-11,P1,50.00,V2,乙,摘要,,");
        night("2026-01-11");
        Files.copy(inbox.resolve("z.csv"), inbox.resolve("a-copy.csv"));
        night("2026-01-12");
        assertThat(Files.readString(tmp.resolve("out/2026-01-12/pending-2026-01-12.csv"))).containsOnlyOnce("V2");

        // The correction drops V2's request; the copy still holds it.
        Exports.write(inbox, "z.csv", header, "2026-01-10,P1,100.00,V1,甲,摘要,100.00,2026-01-10",
                "2026-01-11,P1,70.00,V3,丙,摘要,70.00,2026-01-11");
        night("2026-01-13");

        assertThat(job.totalYuan()).isEqualByComparingTo("170.00");
        assertThat(Files.readString(tmp.resolve("out/2026-01-13/pending-2026-01-13.csv"))).containsOnlyOnce("V2")
                .contains("a-copy.csv");
    }

    @Test
    void aPaymentPassedOnToAnotherFileNamesThatFilesOwnLine() throws Exception {
        Exports.write(inbox, "z-export.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要",
                "2026-01-11,P1,200.00,V2,乙,摘要", "2026-01-12,P1,300.00,V3,丙,摘要");
        night("2026-01-12");
        // Another export holds V2 too, on its line 4.
        Exports.write(inbox, "b-other.csv", Exports.HEADER, "2026-01-11,P1,50.00,V8,丁,摘要",
                "2026-01-11,P1,60.00,V9,戊,摘要", "2026-01-11,P1,200.00,V2,乙,摘要");
        night("2026-01-13");
        assertThat(job.sourceOf("V2")).isEqualTo("z-export.csv:3");

        // z-export.csv is corrected without V2: the payment stays, now b-other.csv's, at its line there.
        Exports.write(inbox, "z-export.csv", Exports.HEADER, "2026-01-10,P1,100.00,V1,甲,摘要",
                "2026-01-12,P1,300.00,V3,丙,摘要");
        night("2026-01-14");
        assertThat(job.paymentCount()).isEqualTo(5);
        assertThat(job.sourceOf("V2")).isEqualTo("b-other.csv:4");
        assertThat(job.sourceOf("V3")).isEqualTo("z-export.csv:3");
    }

    @Test
    void aDailyExportUnderTheSameNameIsANewExportNotACorrection() throws Exception {
        Exports.write(inbox, "export.csv", Exports.HEADER, "2026-03-01,P1,100.00,V1,甲,摘要",
                "2026-03-01,P1,200.00,V2,乙,摘要");
        night("2026-03-01");
        Exports.write(inbox, "export.csv", Exports.HEADER, "2026-03-02,P1,50.00,V3,丙,摘要");

        JobExecution second = night("2026-03-02");

        assertThat(job.totalYuan()).isEqualByComparingTo("350.00");
        assertThat(ingest(second, InboxReader.DECISIONS)).isEqualTo(
                "export.csv: new export 2026-03-02…2026-03-02, not a correction of the version of 2026-03-01…2026-03-01");
        assertThat(ingest(second, InboxReader.CORRECTED)).isEmpty();
    }

    @Test
    void aSameNameExportThatCoversTheEarlierVersionsDatesIsACorrection() throws Exception {
        Exports.write(inbox, "export.csv", Exports.HEADER, "2026-03-01,P1,100.00,V1,甲,摘要",
                "2026-03-02,P1,200.00,V2,乙,摘要");
        night("2026-03-02");
        // The next export covers 1–3 March; V1 was cancelled.
        Exports.write(inbox, "export.csv", Exports.HEADER, "2026-03-01,P1,999.00,V0,丁,摘要",
                "2026-03-02,P1,200.00,V2,乙,摘要", "2026-03-03,P1,50.00,V3,丙,摘要");

        JobExecution second = night("2026-03-03");

        assertThat(job.totalYuan()).isEqualByComparingTo("1249.00");
        assertThat(ingest(second, InboxReader.CORRECTED)).isEqualTo("export.csv");
        assertThat(ingest(second, InboxReader.DECISIONS)).isEqualTo(
                "export.csv: correction 2026-03-01…2026-03-03 of the version of 2026-03-01…2026-03-02 (its 2 payments taken out)");
    }

    @Test
    void aCorrectionReplacesOnlyTheVersionsWhoseDatesItCovers() throws Exception {
        Exports.write(inbox, "export.csv", Exports.HEADER, "2026-03-01,P1,100.00,V1,甲,摘要");
        night("2026-03-01");
        Exports.write(inbox, "export.csv", Exports.HEADER, "2026-03-02,P1,50.00,V2,乙,摘要");
        night("2026-03-02");
        // 2 March's export again, V2 corrected to 60.
        Exports.write(inbox, "export.csv", Exports.HEADER, "2026-03-02,P1,60.00,V2,乙,摘要");

        JobExecution third = night("2026-03-03");

        assertThat(job.totalYuan()).isEqualByComparingTo("160.00");
        assertThat(ingest(third, InboxReader.DECISIONS)).isEqualTo("export.csv: correction 2026-03-02…2026-03-02"
                + " of the version of 2026-03-02…2026-03-02 (its 1 payment taken out);"
                + " not of the version of 2026-03-01…2026-03-01");
    }

    @Test
    void fixedNameDailyExportsMovedToTheArchiveKeepEveryNightsPayments() throws Exception {
        for (int day = 1; day <= 3; day++) {
            Exports.write(inbox, "export.csv", Exports.HEADER, "2026-03-0" + day + ",P1,100.00,V" + day + ",甲,摘要");
            night("2026-03-0" + day);
            Path archived = tmp.resolve("archive/2026-03-0" + day);
            Files.createDirectories(archived);
            Files.move(inbox.resolve("export.csv"), archived.resolve("export.csv"));
        }

        assertThat(job.totalYuan()).isEqualByComparingTo("300.00");
        assertThat(job.paymentCount()).isEqualTo(3);
    }
}
