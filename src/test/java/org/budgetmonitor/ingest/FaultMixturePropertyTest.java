package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.budgetmonitor.BudgetMonitorApplication;
import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.FaultyExports;
import org.budgetmonitor.testing.FaultyExports.Expected;
import org.budgetmonitor.testing.FaultyExports.Fault;
import org.budgetmonitor.testing.FaultyExports.RejectAt;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Any mixture of good and faulty exports, arriving over any number of nights, in chunks that cut
 * across files: every night completes, the totals are those of the good lines alone, and every bad
 * file or line is reported where it is.
 */
class FaultMixturePropertyTest {

    private static ConfigurableApplicationContext context;

    private static ConfigurableApplicationContext context() {
        if (context == null) {
            context = new SpringApplicationBuilder(BudgetMonitorApplication.class).run(
                    "--monitor.run-on-startup=false", "--monitor.data-dir=target/test-data",
                    "--monitor.ingest.chunk-size=3", "--monitor.report.enabled=false",
                    "--spring.datasource.url=jdbc:h2:mem:fault-mixtures;DB_CLOSE_DELAY=-1");
        }
        return context;
    }

    @AfterContainer
    static void close() {
        if (context != null) {
            context.close();
        }
    }

    /** One export: its fault and the night (0, 1 or 2) it arrives on. */
    record Arrival(Fault fault, int night) {
    }

    @Provide
    Arbitrary<List<Arrival>> mixtures() {
        return Combinators.combine(Arbitraries.of(Fault.class), Arbitraries.integers().between(0, 2))
                .as(Arrival::new).list().ofMinSize(1).ofMaxSize(7);
    }

    @Property(tries = 20)
    void everyNightCompletesWithTheGoodLinesTotalsAndEveryFaultReported(@ForAll("mixtures") List<Arrival> arrivals)
            throws Exception {
        NightlyJobHarness job = context().getBean(NightlyJobHarness.class);
        JdbcTemplate jdbc = context().getBean(JdbcTemplate.class);
        job.clear();
        Path root = Files.createTempDirectory("fault-mixture");
        try {
            Path plan = Exports.plan(root.resolve("plan"));
            Path inbox = root.resolve("inbox");
            Files.createDirectories(inbox);
            Expected expected = new Expected(BigDecimal.ZERO, 0, List.of());
            for (int night = 0; night <= 2; night++) {
                for (int i = 0; i < arrivals.size(); i++) {
                    if (arrivals.get(i).night() == night) {
                        Fault fault = arrivals.get(i).fault();
                        expected = expected.plus(FaultyExports.write(inbox, "f" + i + "-" + fault.name().toLowerCase(),
                                fault));
                    }
                }
                var execution = job.run(LocalDate.of(2026, 12, 29).plusDays(night), plan, inbox, root.resolve("out"));
                assertThat(execution.getStatus()).as("night %d of %s", night, arrivals).isEqualTo(BatchStatus.COMPLETED);
            }

            assertThat(job.totalYuan()).as("%s", arrivals).isEqualByComparingTo(expected.countedYuan());
            assertThat(job.paymentCount()).as("%s", arrivals).isEqualTo(expected.payments());
            Set<String> found = new HashSet<>(jdbc.queryForList(
                    "SELECT source_file || ':' || line_no FROM rejected_row WHERE reason NOT LIKE '%taken as text%'",
                    String.class));
            Set<String> wanted = new HashSet<>();
            for (RejectAt reject : expected.rejects()) {
                wanted.add(reject.file() + ":" + reject.line());
            }
            assertThat(found).as("%s", arrivals).isEqualTo(wanted);
        } finally {
            FileSystemUtils.deleteRecursively(root);
        }
    }
}
