package org.budgetmonitor.ingest;

/** A line of an export that cannot be taken as a payment; the message is the reason's stored words. */
public class RowRejectedException extends RuntimeException {

    public RowRejectedException(RejectReason reason, Object... values) {
        super(reason.text(values));
    }
}
