package org.budgetmonitor.ingest;

import java.time.LocalDate;

import org.budgetmonitor.money.Money;

/** A data row of an export, read: a payment, or a payment the bank has not yet confirmed. */
public sealed interface ParsedRow {

    record Payment(Disbursement disbursement) implements ParsedRow {
    }

    /** Requested but not yet confirmed by the bank (实际支付日期/金额 empty): not spending yet. */
    record Pending(LocalDate requestDate, String projectCode, Money requestedAmount, String voucherNo, String payee,
            String summary) implements ParsedRow {
    }
}
