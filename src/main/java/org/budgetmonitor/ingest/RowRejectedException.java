package org.budgetmonitor.ingest;

/** A line of an export that cannot be taken as a payment; the message is the reason officers read. */
public class RowRejectedException extends RuntimeException {

    public RowRejectedException(String reason) {
        super(reason);
    }
}
