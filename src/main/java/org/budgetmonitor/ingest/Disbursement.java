package org.budgetmonitor.ingest;

import java.time.LocalDate;

import org.budgetmonitor.money.Money;

/**
 * One payment line of a finance or payment-system export. A negative amount is a reversal and
 * reduces the project's actual.
 */
public record Disbursement(
        LocalDate payDate,
        String projectCode,
        Money amount,
        String voucherNo,
        String payee,
        String summary,
        String fundingSource,
        String paymentId) {

    public boolean hasPaymentId() {
        return paymentId != null && !paymentId.isEmpty();
    }
}
