package org.budgetmonitor.ingest;

import java.time.LocalDate;

import org.budgetmonitor.money.Money;

/**
 * One payment line of a finance or payment-system export, in 元. A negative amount is a reversal
 * or refund and reduces the project's actual.
 *
 * @param originalVoucherNo for a refund document, the voucher it refunds (原凭证号); else empty.
 *     A refund may leave the project code empty: it is then taken from the original voucher.
 */
public record Disbursement(
        LocalDate payDate,
        String projectCode,
        Money amount,
        String voucherNo,
        String payee,
        String summary,
        String fundingSource,
        String paymentId,
        String originalVoucherNo) {

    public Disbursement(LocalDate payDate, String projectCode, Money amount, String voucherNo, String payee,
            String summary, String fundingSource, String paymentId) {
        this(payDate, projectCode, amount, voucherNo, payee, summary, fundingSource, paymentId, "");
    }

    public boolean hasPaymentId() {
        return paymentId != null && !paymentId.isEmpty();
    }

    public boolean isRefund() {
        return originalVoucherNo != null && !originalVoucherNo.isEmpty();
    }

    public Disbursement withProjectAndAmount(String code, Money newAmount) {
        return new Disbursement(payDate, code, newAmount, voucherNo, payee, summary, fundingSource, paymentId,
                originalVoucherNo);
    }
}
