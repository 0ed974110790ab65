package org.budgetmonitor.ingest;

/** What became of one line of an export. */
public sealed interface IngestLine {

    String file();

    long line();

    /**
     * A payment.
     *
     * @param fileId the {@code ingested_file} version the line belongs to
     * @param dedupeKey see {@link DedupeKey}
     * @param occurrence the how-many-th time this key occurs in its file (always 1 for payment ids)
     */
    record Accepted(String file, long fileId, long line, Disbursement disbursement, String dedupeKey, int occurrence)
            implements IngestLine {
    }

    /** A line the bank has not confirmed yet. */
    record Pending(String file, long fileId, long line, ParsedRow.Pending row) implements IngestLine {
    }

    /**
     * @param fileId the {@code ingested_file} version the line belongs to
     * @param projectCode the line's project code, normalised; null when it has none (or a whole file is rejected)
     */
    record Rejected(String file, long fileId, long line, String reason, String rawLine, String projectCode)
            implements IngestLine {

        /** A rejection that names no project (a whole file, a refund that cannot be placed). */
        public Rejected(String file, long fileId, long line, String reason, String rawLine) {
            this(file, fileId, line, reason, rawLine, null);
        }
    }

    /**
     * A file that failed part-way through its reading (an I/O error, or its content changed since
     * it was inspected): its version is taken out whole, lines already stored included, and it is
     * reported with the reason. The writer handles it after the chunk's other lines.
     */
    record Abandoned(String file, long fileId, long line, String reason) implements IngestLine {
    }

    /**
     * A file identical to one loaded before (the original): it holds what the original holds. The
     * writer completes that after the chunk's other lines, so that it includes the original's last
     * lines when both are read in one chunk.
     */
    record Copied(String file, long fileId, long originalFileId) implements IngestLine {

        @Override
        public long line() {
            return 0;
        }
    }

    /**
     * The end of the inbox: the refunds waiting for their original voucher whose original is stored
     * by now (by a file read later this night, or on an earlier one) are counted. The reader's last
     * item, so the writer handles it after every line of the night.
     */
    record PlaceAwaitingRefunds() implements IngestLine {

        @Override
        public String file() {
            return "";
        }

        @Override
        public long line() {
            return 0;
        }
    }
}
