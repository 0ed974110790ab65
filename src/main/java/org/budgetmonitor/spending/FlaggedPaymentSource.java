package org.budgetmonitor.spending;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;
import java.util.stream.Collectors;

/** The flagged projects of a date and their payments: {@link FlaggedPayments}, or lines a test gives. */
public interface FlaggedPaymentSource {

    /** A RED or YELLOW project (or unplanned code) of the variance table, with the actual it was flagged on. */
    record Project(String code, String name, boolean planned, String unitCode, String flag, BigDecimal actualYuan) {
    }

    /** One payment line as stored: where it came from, to whom, how much (元, exact). */
    record Payment(String projectCode, LocalDate payDate, String voucherNo, String payee, String summary,
            BigDecimal amountYuan, String fundingSource, String sourceFile, Long sourceLine) {
    }

    /** The RED and YELLOW rows of the date, by project code. */
    List<Project> projects(LocalDate asOf);

    /**
     * Hands every payment of those projects, in the fiscal year of {@code asOf} up to that date, to
     * {@code sink}, grouped by project and by pay date within it, without holding them in memory.
     */
    void forEach(LocalDate asOf, Consumer<Payment> sink);

    /**
     * The payments of {@link #forEach} in whatever order is cheapest to read, each with a number that
     * orders the payments of one project and day as {@code forEach} does (the stored payment's id).
     * Sorting a year of payments by project is most of the cost of reading them: {@link UnitPaymentSpill}
     * sorts each unit's few thousand instead. By default, {@code forEach}'s order, numbered as it comes.
     */
    default void forEachUnordered(LocalDate asOf, ObjLongConsumer<Payment> sink) {
        long[] seq = {0};
        forEach(asOf, payment -> sink.accept(payment, seq[0]++));
    }

    /**
     * How many payments {@link #forEach} hands over for {@code asOf}, when known without reading them (a
     * workbook spills small sheets to plain temporary files, large ones to gzipped); by default not known.
     */
    default OptionalLong paymentCount(LocalDate asOf) {
        return OptionalLong.empty();
    }

    /**
     * The same restricted to one unit's projects; an unplanned code has no unit and is left out. This reads
     * every flagged payment to keep the unit's: for the workbooks of many units, {@link UnitPaymentSpill}
     * reads them once for all.
     */
    default FlaggedPaymentSource ofUnit(String unitCode) {
        FlaggedPaymentSource all = this;
        return new FlaggedPaymentSource() {
            @Override
            public List<Project> projects(LocalDate asOf) {
                return all.projects(asOf).stream().filter(p -> p.planned() && unitCode.equals(p.unitCode())).toList();
            }

            @Override
            public void forEach(LocalDate asOf, Consumer<Payment> sink) {
                Set<String> codes = projects(asOf).stream().map(Project::code).collect(Collectors.toSet());
                all.forEach(asOf, payment -> {
                    if (codes.contains(payment.projectCode())) {
                        sink.accept(payment);
                    }
                });
            }
        };
    }
}
