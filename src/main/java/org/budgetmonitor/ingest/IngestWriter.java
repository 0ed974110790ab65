package org.budgetmonitor.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.budgetmonitor.ingest.DisbursementRepository.PaymentRow;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Stores a chunk of lines: payments not seen before (and which file holds each), refunds netted
 * against their originals, lines awaiting bank confirmation, rejections, and what copies of loaded
 * files hold. Its counters are saved in the step's execution context with each chunk, so they
 * survive a restart with the data.
 */
public class IngestWriter implements ItemWriter<IngestLine>, ItemStream {

    public static final String INSERTED = "ingest.inserted";
    public static final String DUPLICATES = "ingest.duplicates";
    public static final String REJECTED = "ingest.rejected";
    public static final String PENDING = "ingest.pending";
    /** Original vouchers of the refunds stored by the run that were not found among the payments. */
    public static final String UNMATCHED_REFUNDS = "ingest.unmatchedRefunds";

    private final DisbursementRepository disbursements;
    private final RejectedRowRepository rejects;
    private final IngestedFileRepository files;
    private final AwaitingRefundRepository awaiting;
    private final RefundResolver refunds;
    private final long jobInstanceId;

    private long inserted;
    private long duplicates;
    private long rejected;
    private long pending;
    // Kept here rather than queried afterwards: finding them in the stored payments would read them all.
    private final SortedSet<String> unmatchedRefunds = new TreeSet<>();

    public IngestWriter(DisbursementRepository disbursements, RejectedRowRepository rejects,
            IngestedFileRepository files, AwaitingRefundRepository awaiting, long jobInstanceId) {
        this.disbursements = disbursements;
        this.rejects = rejects;
        this.files = files;
        this.awaiting = awaiting;
        this.refunds = new RefundResolver(disbursements);
        this.jobInstanceId = jobInstanceId;
    }

    @Override
    public void write(Chunk<? extends IngestLine> chunk) {
        List<PaymentRow> payments = new ArrayList<>();
        List<IngestLine.Accepted> refundLines = new ArrayList<>();
        List<IngestLine.Pending> pendingLines = new ArrayList<>();
        List<IngestLine.Rejected> rejectedLines = new ArrayList<>();
        List<IngestLine.Abandoned> abandoned = new ArrayList<>();
        List<IngestLine.Copied> copies = new ArrayList<>();
        boolean endOfInbox = false;
        int paymentLines = 0;
        for (IngestLine line : chunk) {
            if (line instanceof IngestLine.Accepted a && a.disbursement().isRefund()) {
                refundLines.add(a);
            } else if (line instanceof IngestLine.Accepted a) {
                paymentLines++;
                payments.add(new PaymentRow(a, null));
            } else if (line instanceof IngestLine.Pending p) {
                pendingLines.add(p);
            } else if (line instanceof IngestLine.Rejected r) {
                rejectedLines.add(r);
            } else if (line instanceof IngestLine.Abandoned a) {
                abandoned.add(a);
            } else if (line instanceof IngestLine.Copied c) {
                copies.add(c);
            } else if (line instanceof IngestLine.PlaceAwaitingRefunds) {
                endOfInbox = true;
            }
        }
        int added = payments.isEmpty() ? 0 : disbursements.store(payments, jobInstanceId);
        // Refunds after the chunk's payments, so a refund finds an original from the same chunk.
        for (IngestLine.Accepted refund : refundLines) {
            RefundResolver.Outcome outcome = refunds.resolve(refund);
            if (outcome instanceof RefundResolver.Resolved r) {
                paymentLines++;
                boolean stored = disbursements.store(r.rows(), jobInstanceId) > 0;
                added += stored ? 1 : 0;
                if (stored && r.rows().stream().anyMatch(row -> Boolean.FALSE.equals(row.originalKnown()))) {
                    unmatchedRefunds.add(refund.disbursement().originalVoucherNo());
                }
            } else if (outcome instanceof RefundResolver.Unplaceable u) {
                rejectedLines.add(new IngestLine.Rejected(refund.file(), refund.fileId(), refund.line(), u.reason(), ""));
            } else if (outcome instanceof RefundResolver.AwaitingOriginal w) {
                awaiting.insert(refund, w.reason(), jobInstanceId);
                rejectedLines.add(new IngestLine.Rejected(refund.file(), refund.fileId(), refund.line(), w.reason(), ""));
            }
        }
        if (!pendingLines.isEmpty()) {
            disbursements.insertPending(pendingLines);
        }
        // A file that failed part-way goes whole, with its lines stored by this and earlier chunks; its
        // other lines' rejections go with it, and one entry says why.
        int takenOut = 0;
        int forgotten = 0;
        for (IngestLine.Abandoned a : abandoned) {
            takenOut += files.abandon(a.fileId(), a.reason());
            rejectedLines.removeIf(r -> r.fileId() == a.fileId());
            forgotten += rejects.deleteByFile(a.fileId());
            rejectedLines.add(new IngestLine.Rejected(a.file(), a.fileId(), a.line(), a.reason(), ""));
        }
        if (!rejectedLines.isEmpty()) {
            rejects.insert(rejectedLines, jobInstanceId);
        }
        // Last: a copy read in this chunk holds its original's lines stored above.
        for (IngestLine.Copied copy : copies) {
            files.copyHoldings(copy, jobInstanceId);
        }
        if (endOfInbox) {
            placeAwaitingRefunds();
        }
        inserted += added - takenOut;
        duplicates += paymentLines - added;
        rejected += rejectedLines.size() - forgotten;
        pending += pendingLines.size();
    }

    /**
     * After every line of the night: the waiting refunds whose original is stored now are counted on
     * its project (or, a partial refund of a voucher of several projects, rejected for that reason),
     * and their rejection is withdrawn.
     */
    private void placeAwaitingRefunds() {
        for (AwaitingRefundRepository.Awaiting waiting : awaiting.findPlaceable()) {
            IngestLine.Accepted refund = waiting.refund();
            RefundResolver.Outcome outcome = refunds.resolve(refund);
            if (outcome instanceof RefundResolver.AwaitingOriginal) {
                continue;
            }
            awaiting.delete(waiting.id());
            rejects.deleteLine(refund.fileId(), refund.line(), waiting.reason());
            boolean ofThisRun = waiting.jobInstanceId() == jobInstanceId;
            if (outcome instanceof RefundResolver.Resolved r) {
                inserted += disbursements.store(r.rows(), jobInstanceId) > 0 ? 1 : 0;
                rejected -= ofThisRun ? 1 : 0;
                // The refund's file may have identical copies: they hold it too.
                for (IngestedFileRepository.IngestedFile copy : files.findLoadedCopies(refund.fileId())) {
                    files.copyHoldings(new IngestLine.Copied(copy.name(), copy.id(), refund.fileId()), jobInstanceId);
                }
            } else if (outcome instanceof RefundResolver.Unplaceable u) {
                rejects.insert(List.of(new IngestLine.Rejected(refund.file(), refund.fileId(), refund.line(),
                        u.reason(), "")), jobInstanceId);
                rejected += ofThisRun ? 0 : 1;
            }
        }
    }

    @Override
    public void open(ExecutionContext context) {
        inserted = context.getLong(INSERTED, 0);
        duplicates = context.getLong(DUPLICATES, 0);
        rejected = context.getLong(REJECTED, 0);
        pending = context.getLong(PENDING, 0);
        unmatchedRefunds.clear();
        String unmatched = context.getString(UNMATCHED_REFUNDS, "");
        if (!unmatched.isEmpty()) {
            unmatchedRefunds.addAll(List.of(unmatched.split("\n")));
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(INSERTED, inserted);
        context.putLong(DUPLICATES, duplicates);
        context.putLong(REJECTED, rejected);
        context.putLong(PENDING, pending);
        context.putString(UNMATCHED_REFUNDS, String.join("\n", unmatchedRefunds));
    }
}
