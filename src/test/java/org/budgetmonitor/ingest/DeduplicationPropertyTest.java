package org.budgetmonitor.ingest;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.budgetmonitor.BudgetMonitorApplication;
import org.budgetmonitor.testing.Exports;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Splitting, repeating and reordering the same payments across files and runs always gives the
 * same totals: each payment counted as often as the one file holding it most often.
 */
class DeduplicationPropertyTest {

    private static ConfigurableApplicationContext context;

    private static NightlyJobHarness job() {
        if (context == null) {
            context = new SpringApplicationBuilder(BudgetMonitorApplication.class).run(
                    "--monitor.run-on-startup=false", "--monitor.data-dir=target/test-data",
                    "--monitor.ingest.chunk-size=7",
                    "--spring.datasource.url=jdbc:h2:mem:dedupe-properties;DB_CLOSE_DELAY=-1");
        }
        return context.getBean(NightlyJobHarness.class);
    }

    @AfterContainer
    static void close() {
        if (context != null) {
            context.close();
        }
    }

    /**
     * A scenario: payments (amount in 分, negative for reversals), how many times each file holds
     * each payment, and a seed that shuffles lines, files and the runs they arrive in.
     */
    record Scenario(List<Long> amountsFen, List<List<Integer>> countsPerFile, long seed) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Long> fen = Arbitraries.longs().between(-50_000, 500_000).filter(f -> f != 0);
        return Combinators.combine(fen.list().ofMinSize(1).ofMaxSize(25), Arbitraries.integers().between(1, 4),
                Arbitraries.longs()).flatAs((amounts, files, seed) -> Arbitraries.integers().between(0, 2)
                        .list().ofSize(amounts.size()).list().ofSize(files)
                        .map(counts -> new Scenario(amounts, counts, seed)));
    }

    @Property(tries = 25)
    void totalsDoNotDependOnHowPaymentsAreSplitRepeatedOrOrdered(@ForAll("scenarios") Scenario scenario)
            throws Exception {
        NightlyJobHarness job = job();
        job.clear();
        Path root = Files.createTempDirectory("dedupe-property");
        try {
            Random random = new Random(scenario.seed());
            Path plan = Exports.plan(root.resolve("plan"));
            List<String> payments = new ArrayList<>();
            List<Long> paymentFen = new ArrayList<>();
            for (int i = 0; i < scenario.amountsFen().size(); i++) {
                // Every third payment shares its voucher and text with the previous one: usually the amount
                // or the day tells them apart; one in four is the previous line again, on purpose.
                if (i % 3 == 2 && random.nextInt(4) == 0) {
                    payments.add(payments.get(i - 1));
                    paymentFen.add(paymentFen.get(i - 1));
                    continue;
                }
                long fen = scenario.amountsFen().get(i);
                String voucher = "V" + (i % 3 == 2 ? i - 1 : i);
                payments.add("2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + ",P1,"
                        + BigDecimal.valueOf(fen, 2).toPlainString() + "," + voucher + ",收款人,摘要");
                paymentFen.add(fen);
            }
            // What the rule says: each payment as often as the file holding it most often. Two generated
            // payments alike in every field (shared voucher, same amount and day) are one payment to
            // anybody reading the exports, so the rule counts the lines of each distinct text.
            Map<String, Integer> most = new LinkedHashMap<>();
            for (List<Integer> counts : scenario.countsPerFile()) {
                Map<String, Integer> inFile = new HashMap<>();
                for (int i = 0; i < payments.size(); i++) {
                    inFile.merge(payments.get(i), counts.get(i), Integer::sum);
                }
                inFile.forEach((line, n) -> most.merge(line, n, Math::max));
            }
            BigDecimal expected = BigDecimal.ZERO;
            for (int i = 0; i < payments.size(); i++) {
                Integer times = most.remove(payments.get(i));
                if (times != null) {
                    expected = expected.add(BigDecimal.valueOf(paymentFen.get(i) * times, 2));
                }
            }
            // The files, each a shuffled selection; some files arrive twice, under another name.
            List<List<String>> files = new ArrayList<>();
            for (List<Integer> counts : scenario.countsPerFile()) {
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < payments.size(); i++) {
                    lines.addAll(Collections.nCopies(counts.get(i), payments.get(i)));
                }
                Collections.shuffle(lines, random);
                files.add(lines);
            }
            List<Integer> arrivals = new ArrayList<>();
            for (int f = 0; f < files.size(); f++) {
                arrivals.add(f);
                if (random.nextBoolean()) {
                    arrivals.add(f);
                }
            }
            Collections.shuffle(arrivals, random);
            // They arrive over one to three runs, each run seeing what has arrived so far.
            int runs = 1 + random.nextInt(3);
            Path inbox = Files.createDirectories(root.resolve("inbox"));
            for (int run = 0; run < runs; run++) {
                int from = arrivals.size() * run / runs;
                int to = arrivals.size() * (run + 1) / runs;
                for (int a = from; a < to; a++) {
                    List<String> lines = new ArrayList<>(List.of(Exports.HEADER));
                    lines.addAll(files.get(arrivals.get(a)));
                    Exports.write(inbox, "export-" + a + ".csv", lines.toArray(String[]::new));
                }
                var execution = job.run(LocalDate.of(2026, 12, 31), plan, inbox, root.resolve("out"));
                if (execution.getStatus() != BatchStatus.COMPLETED) {
                    throw new AssertionError("run failed: " + execution.getAllFailureExceptions());
                }
            }

            if (job.totalYuan().compareTo(expected) != 0) {
                throw new AssertionError("expected " + expected + " 元 but stored " + job.totalYuan() + " 元");
            }
        } finally {
            FileSystemUtils.deleteRecursively(root);
        }
    }
}
