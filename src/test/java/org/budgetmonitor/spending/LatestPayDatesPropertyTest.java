package org.budgetmonitor.spending;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.budgetmonitor.BudgetMonitorApplication;
import org.budgetmonitor.testing.NightlyJobHarness;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * However payments are spread over projects, months and years, taken out again or stored after the totals'
 * last update, and however projects are grouped into units, each unit's latest pay date read from the monthly
 * totals is the latest of its projects' by a read of every payment.
 */
class LatestPayDatesPropertyTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final int DAYS = 3 * 365;

    private static ConfigurableApplicationContext context;

    private static ConfigurableApplicationContext context() {
        if (context == null) {
            context = new SpringApplicationBuilder(BudgetMonitorApplication.class).run(
                    "--monitor.run-on-startup=false", "--monitor.data-dir=target/test-data",
                    "--spring.datasource.url=jdbc:h2:mem:latest-pay-date-properties;DB_CLOSE_DELAY=-1");
        }
        return context;
    }

    @AfterContainer
    static void close() {
        if (context != null) {
            context.close();
        }
    }

    /**
     * A payment: its project (one of a few), its day (days apart from the first, clustered so that months
     * often hold several), and whether it is taken out again.
     */
    record Payment(int project, int day, boolean takenOut) {
    }

    @Provide
    Arbitrary<List<Payment>> payments() {
        // Days near a few centres: many payments share a month, and a re-run's date often falls among them.
        Arbitrary<Integer> day = Combinators.combine(Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(-20, 20)).as((centre, offset) -> Math.floorMod(centre * 91 + offset, DAYS));
        return Combinators.combine(Arbitraries.integers().between(0, 4), day, Arbitraries.of(false, false, false, true))
                .as(Payment::new).list().ofMaxSize(40);
    }

    /** How many of the payments, the last ones, are stored after the totals' last update: mostly none. */
    @Provide
    Arbitrary<Integer> uncounted() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(1, 3)));
    }

    /** Each project's unit, one of a few (often shared), or none (a project not planned). */
    @Provide
    Arbitrary<List<Integer>> units() {
        return Arbitraries.integers().between(0, 3).list().ofSize(5);
    }

    @Property(tries = 60)
    void theUnitsLatestPayDatesAreThoseOfEveryStoredPayment(@ForAll("payments") List<Payment> payments,
            @ForAll("uncounted") int uncounted, @ForAll("days") List<Integer> notAfterDays,
            @ForAll("units") List<Integer> unitOfProject) {
        context().getBean(NightlyJobHarness.class).clear();
        JdbcTemplate jdbc = context().getBean(JdbcTemplate.class);
        SpendingTotals totals = context().getBean(SpendingTotals.class);

        // The counted ones, the totals' update, then the rest: as a night that failed after its ingest.
        int counted = Math.max(0, payments.size() - uncounted);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < payments.size(); i++) {
            if (i == counted) {
                totals.catchUp();
            }
            ids.add(store(jdbc, payments.get(i)));
        }
        if (counted == payments.size()) {
            totals.catchUp();
        }
        // Taken out as a correction does: the totals lose the payments they counted.
        for (int i = 0; i < payments.size(); i++) {
            Payment payment = payments.get(i);
            if (payment.takenOut()) {
                jdbc.update("DELETE FROM disbursement WHERE id = ?", ids.get(i));
                if (i < counted) {
                    totals.apply(List.of(SpendingTotals.Change.takenOut(date(payment.day()), code(payment.project()),
                            BigDecimal.ONE)));
                }
            }
        }

        Map<String, String> units = new HashMap<>();
        for (int project = 0; project < unitOfProject.size(); project++) {
            if (unitOfProject.get(project) < 3) {
                units.put(code(project), "U" + unitOfProject.get(project));
            }
        }
        List<LocalDate> dates = new ArrayList<>(notAfterDays.stream().map(LatestPayDatesPropertyTest::date).toList());
        payments.forEach(p -> dates.addAll(List.of(date(p.day()).minusDays(1), date(p.day()), date(p.day()).plusDays(1))));
        for (LocalDate notAfter : dates) {
            assertThat(totals.latestPayDatesOfUnits(notAfter, units)).as("on or before %s of %s", notAfter, units)
                    .isEqualTo(LatestPayDatesTest.fromEveryPayment(jdbc, notAfter, units));
        }
    }

    @Provide
    Arbitrary<List<Integer>> days() {
        return Arbitraries.integers().between(-5, DAYS + 5).list().ofMaxSize(10);
    }

    private static LocalDate date(int day) {
        return FIRST_DAY.plusDays(day);
    }

    private static String code(int project) {
        return "P" + project;
    }

    private static long stored;

    private static long store(JdbcTemplate jdbc, Payment payment) {
        stored++;
        jdbc.update("""
                INSERT INTO disbursement (dedupe_key, occurrence, pay_date, project_code, amount_yuan, voucher_no,
                    source_file, source_line, job_instance_id, file_id)
                VALUES (?, 1, ?, ?, 1.00, ?, 'test.csv', ?, 0, 0)""",
                "k" + stored, date(payment.day()), code(payment.project()), "V" + stored, stored);
        return jdbc.queryForObject("SELECT MAX(id) FROM disbursement", Long.class);
    }
}
