package org.budgetmonitor.ingest;

/** Sample values for each reason's template, for the tests of the documents that say them. */
public final class RejectReasonTestValues {

    private RejectReasonTestValues() {
    }

    public static Object[] of(RejectReason reason) {
        return RejectReasonTest.sampleValues(reason);
    }
}
