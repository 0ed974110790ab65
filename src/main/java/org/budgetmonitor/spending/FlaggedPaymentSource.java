package org.budgetmonitor.spending;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

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
}
