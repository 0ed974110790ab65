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
            return projects;
        }

        @Override
        public void forEach(LocalDate asOf, Consumer<Payment> sink) {
            reads.incrementAndGet();
            payments.forEach(sink);
        }
    };

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
}
