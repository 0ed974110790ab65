package org.budgetmonitor.spending;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The payments of many units' workbooks are read from the database once, and each unit gets exactly its own. */
class UnitPaymentSpillTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);

    @TempDir
    Path tmp;

    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger projectReads = new AtomicInteger();

    final List<FlaggedPaymentSource.Project> projects = List.of(
            new FlaggedPaymentSource.Project("P1", "甲", true, "U1", "RED", new BigDecimal("30.00")),
            new FlaggedPaymentSource.Project("P2", "乙", true, "U2", "YELLOW", new BigDecimal("7.10")),
            new FlaggedPaymentSource.Project("P3", "丙", true, "U1", "YELLOW", new BigDecimal("-0.01")),
            new FlaggedPaymentSource.Project("X9", null, false, null, "RED", new BigDecimal("5")));

    final List<FlaggedPaymentSource.Payment> payments = List.of(
            payment("P1", "2026-01-05", "10.00", 3L), payment("P1", "2026-02-05", "20.00", null),
            payment("P2", "2026-03-01", "7.1", 9L), payment("P3", "2026-04-01", "-0.01", 12L),
            payment("X9", "2026-05-01", "5", 1L));

    final FlaggedPaymentSource database = new FlaggedPaymentSource() {
        @Override
        public List<Project> projects(LocalDate asOf) {
            projectReads.incrementAndGet();
            return projects;
        }

        @Override
        public void forEach(LocalDate asOf, Consumer<Payment> sink) {
            reads.incrementAndGet();
            payments.forEach(sink);
        }
    };

    /** The database as its cheapest read gives the lines: in no useful order, numbered by stored id. */
    final FlaggedPaymentSource scrambled = new FlaggedPaymentSource() {
        @Override
        public List<Project> projects(LocalDate asOf) {
            return projects;
        }

        @Override
        public void forEach(LocalDate asOf, Consumer<Payment> sink) {
            reads.incrementAndGet();
            payments.forEach(sink);
        }

        @Override
        public void forEachUnordered(LocalDate asOf, java.util.function.ObjLongConsumer<Payment> sink) {
            reads.incrementAndGet();
            // Reversed, and the two P1 lines of one day apart: their ids, not the reading, give their order.
            List<Payment> lines = new ArrayList<>(payments);
            lines.add(2, sameDayAs(payments.get(0), "V-P1-later"));
            for (int i = lines.size() - 1; i >= 0; i--) {
                sink.accept(lines.get(i), i);
            }
        }
    };

    static FlaggedPaymentSource.Payment sameDayAs(FlaggedPaymentSource.Payment p, String voucher) {
        return new FlaggedPaymentSource.Payment(p.projectCode(), p.payDate(), voucher, p.payee(), p.summary(),
                p.amountYuan(), p.fundingSource(), p.sourceFile(), p.sourceLine());
    }

    static FlaggedPaymentSource.Payment payment(String project, String date, String yuan, Long line) {
        // A summary longer than DataOutputStream.writeUTF's 65,535 bytes must come back whole too.
        return new FlaggedPaymentSource.Payment(project, LocalDate.parse(date), "V-" + project, "收款人 & <b>",
                "摘要".repeat(12_000), new BigDecimal(yuan), null, "export.csv", line);
    }

    static List<FlaggedPaymentSource.Payment> of(FlaggedPaymentSource source) {
        List<FlaggedPaymentSource.Payment> list = new ArrayList<>();
        source.forEach(AS_OF, list::add);
        return list;
    }

    @Test
    void manyUnitsWorkbooksReadThePaymentsOnceAndEachGetsExactlyItsOwnInOrder() throws Exception {
        try (UnitPaymentSpill spill = UnitPaymentSpill.of(database, AS_OF, tmp)) {
            FlaggedPaymentSource source = spill.asSource();
            for (int round = 0; round < 3; round++) {
                assertThat(of(source.ofUnit("U1"))).isEqualTo(of(database.ofUnit("U1")))
                        .extracting(FlaggedPaymentSource.Payment::projectCode).containsExactly("P1", "P1", "P3");
                assertThat(of(source.ofUnit("U2"))).isEqualTo(of(database.ofUnit("U2")));
                assertThat(of(source.ofUnit("U3"))).isEmpty();
            }
            int byTheTest = 6; // the comparisons above read database.ofUnit themselves
            assertThat(reads.get() - byTheTest).isEqualTo(1);
            assertThat(of(source.ofUnit("U1")).get(0).amountYuan().scale()).isEqualTo(2);
            assertThat(source.ofUnit("U1").projects(AS_OF)).extracting(FlaggedPaymentSource.Project::code)
                    .containsExactly("P1", "P3");
        }
        try (var left = Files.list(tmp)) {
            assertThat(left).as("the spilled files are removed").isEmpty();
        }
    }

    @Test
    void theCombinedWorkbookReadsEveryFlaggedPaymentFromTheSpillNotFromTheDatabaseAgain() throws Exception {
        try (UnitPaymentSpill spill = UnitPaymentSpill.of(database, AS_OF, tmp)) {
            List<FlaggedPaymentSource.Payment> combined = of(spill.asSource());
            assertThat(reads.get()).as("one read of the database for all workbooks").isEqualTo(1);
            // The unplanned code X9 has no unit, yet the combined workbook lists it, as the database does.
            assertThat(combined).isEqualTo(of(database)).extracting(FlaggedPaymentSource.Payment::projectCode)
                    .containsExactly("P1", "P1", "P2", "P3", "X9");
        }
    }

    @Test
    void everyUnitsFlaggedProjectsComeFromTheOneReadOfTheFlaggedProjects() throws Exception {
        try (UnitPaymentSpill spill = UnitPaymentSpill.of(database, AS_OF, tmp)) {
            FlaggedPaymentSource source = spill.asSource();
            for (String unit : List.of("U1", "U2", "U3")) {
                source.ofUnit(unit).projects(AS_OF);
            }
            assertThat(source.ofUnit("U2").projects(AS_OF)).extracting(FlaggedPaymentSource.Project::code)
                    .containsExactly("P2");
            assertThat(source.ofUnit("U3").projects(AS_OF)).isEmpty();
            assertThat(source.projects(AS_OF)).isEqualTo(projects);
            // At 50,000 projects each unit's query of all flagged projects was 49,000 rows read and dropped.
            assertThat(projectReads.get()).isEqualTo(1);
        }
    }

    @Test
    void theSpillKnowsHowManyPaymentsEachWorkbookListsBeforeItIsWritten() throws Exception {
        try (UnitPaymentSpill spill = UnitPaymentSpill.of(database, AS_OF, tmp)) {
            FlaggedPaymentSource source = spill.asSource();
            assertThat(source.paymentCount(AS_OF)).hasValue(of(source).size()).hasValue(5);
            for (String unit : List.of("U1", "U2", "U3")) {
                assertThat(source.ofUnit(unit).paymentCount(AS_OF)).as(unit).hasValue(of(source.ofUnit(unit)).size());
            }
            // Another date is read as the database reads it, uncounted.
            assertThat(source.paymentCount(AS_OF.minusDays(1))).isEmpty();
            assertThat(source.ofUnit("U1").paymentCount(AS_OF.minusDays(1))).isEmpty();
            assertThat(database.paymentCount(AS_OF)).isEmpty();
        }
    }

    @Test
    void linesReadInAnyOrderComeOutByProjectThenPayDateThenStoredOrder() throws Exception {
        try (UnitPaymentSpill spill = UnitPaymentSpill.of(scrambled, AS_OF, tmp)) {
            assertThat(of(spill.asSource().ofUnit("U1"))).extracting(FlaggedPaymentSource.Payment::voucherNo)
                    .containsExactly("V-P1", "V-P1-later", "V-P1", "V-P3");
            assertThat(of(spill.asSource().ofUnit("U1"))).extracting(FlaggedPaymentSource.Payment::payDate)
                    .containsExactly(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-05"),
                            LocalDate.parse("2026-02-05"), LocalDate.parse("2026-04-01"));
            assertThat(of(spill.asSource())).extracting(FlaggedPaymentSource.Payment::projectCode)
                    .containsExactly("P1", "P1", "P1", "P2", "P3", "X9");
            assertThat(reads.get()).isEqualTo(1);
        }
    }
}
