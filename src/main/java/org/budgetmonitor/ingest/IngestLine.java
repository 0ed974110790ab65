package org.budgetmonitor.ingest;

/** What became of one line of an export: an accepted payment or a rejection with its reason. */
public sealed interface IngestLine {

    String file();

    long line();

    /**
     * @param dedupeKey see {@link DedupeKey}
     * @param occurrence the how-many-th time this key occurs in its file (always 1 for payment ids)
     */
    record Accepted(String file, long line, Disbursement disbursement, String dedupeKey, int occurrence)
            implements IngestLine {
    }

    record Rejected(String file, long line, String reason, String rawLine) implements IngestLine {
    }
}
