package org.budgetmonitor.spending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.budgetmonitor.testing.JobTest;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The flagged projects' payments read in any order are exactly those of the ordered read, with their ids. */
@JobTest
class FlaggedPaymentsTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    @Autowired
    NightlyJobHarness job;

    @Autowired
    FlaggedPayments payments;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void sampleNight() throws Exception {
        job.clear();
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        try (var files = Files.list(Path.of("sample-data/disbursements"))) {
            for (Path file : files.toList()) {
                Files.copy(file, inbox.resolve(file.getFileName()));
            }
        }
        assertThat(job.run(AS_OF, Path.of("sample-data/plan"), inbox, dir.resolve("out")).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void theUnorderedReadGivesEveryPaymentOfTheOrderedReadNumberedByItsStoredId() {
        List<FlaggedPaymentSource.Payment> ordered = new ArrayList<>();
        payments.forEach(AS_OF, ordered::add);
        record Numbered(FlaggedPaymentSource.Payment payment, long seq) {
        }
        List<Numbered> unordered = new ArrayList<>();
        payments.forEachUnordered(AS_OF, (payment, seq) -> unordered.add(new Numbered(payment, seq)));

        assertThat(ordered).hasSizeGreaterThan(3);
        // Sorted by project, pay date and the number given, they are the ordered read, line for line.
        unordered.sort(Comparator.comparing((Numbered n) -> n.payment().projectCode())
                .thenComparing(n -> n.payment().payDate()).thenComparingLong(Numbered::seq));
        assertThat(unordered).extracting(Numbered::payment).isEqualTo(ordered);
        // The number is the stored payment's id.
        Map<String, Object> first = jdbc.queryForMap("SELECT id, voucher_no FROM disbursement WHERE id = ?",
                unordered.get(0).seq());
        assertThat(first.get("voucher_no")).isEqualTo(unordered.get(0).payment().voucherNo());
    }
}
