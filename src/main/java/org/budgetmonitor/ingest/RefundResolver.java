package org.budgetmonitor.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.budgetmonitor.ingest.DisbursementRepository.PaymentRow;
import org.budgetmonitor.ingest.DisbursementRepository.VoucherLine;
import org.budgetmonitor.money.Money;

/**
 * Nets a refund document (one with an 原凭证号) against the payment it refunds. A refund that names
 * its project is counted there; one that does not takes the project of the original voucher, or,
 * refunding a whole voucher of several projects, is split over the voucher's lines. A refund whose
 * original is unknown is reported; without a project code it waits, rejected, until its original
 * is stored (see {@link AwaitingRefundRepository}).
 */
public class RefundResolver {

    public sealed interface Outcome {
    }

    public record Resolved(List<PaymentRow> rows) implements Outcome {
    }

    public record Unplaceable(String reason) implements Outcome {
    }

    /** No project named and the original voucher not stored yet: placed once it is. */
    public record AwaitingOriginal(String reason) implements Outcome {
    }

    private final DisbursementRepository disbursements;

    public RefundResolver(DisbursementRepository disbursements) {
        this.disbursements = disbursements;
    }

    public Outcome resolve(IngestLine.Accepted refund) {
        Disbursement d = refund.disbursement();
        List<VoucherLine> original = disbursements.findVoucherLines(d.originalVoucherNo());
        if (!d.projectCode().isEmpty()) {
            return new Resolved(List.of(new PaymentRow(refund, !original.isEmpty())));
        }
        if (original.isEmpty()) {
            return new AwaitingOriginal(RejectReason.REFUND_ORIGINAL_UNKNOWN.text(d.originalVoucherNo()));
        }
        Set<String> projects = new LinkedHashSet<>();
        original.forEach(line -> projects.add(line.projectCode()));
        if (projects.size() == 1) {
            String project = projects.iterator().next();
            return new Resolved(List.of(new PaymentRow(withProject(refund, project, d.amount()), true)));
        }
        BigDecimal voucherTotal = original.stream().map(VoucherLine::amountYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (d.amount().yuan().negate().compareTo(voucherTotal) != 0) {
            return new Unplaceable(RejectReason.PARTIAL_REFUND_UNPLACEABLE.text(d.amount().yuan().negate().toPlainString(),
                    d.originalVoucherNo(), projects, voucherTotal.toPlainString()));
        }
        // A whole-voucher refund: each line of the original is reversed on its own project.
        List<PaymentRow> rows = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            VoucherLine line = original.get(i);
            Disbursement part = d.withProjectAndAmount(line.projectCode(), Money.ofYuan(line.amountYuan().negate()));
            rows.add(new PaymentRow(new IngestLine.Accepted(refund.file(), refund.fileId(), refund.line(), part,
                    DedupeKey.part(refund.dedupeKey(), i, line.projectCode()), refund.occurrence()), true));
        }
        return new Resolved(rows);
    }

    private static IngestLine.Accepted withProject(IngestLine.Accepted refund, String project, Money amount) {
        return new IngestLine.Accepted(refund.file(), refund.fileId(), refund.line(),
                refund.disbursement().withProjectAndAmount(project, amount), refund.dedupeKey(), refund.occurrence());
    }
}
