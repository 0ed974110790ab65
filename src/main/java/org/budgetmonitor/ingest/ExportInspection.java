package org.budgetmonitor.ingest;

import java.util.List;

/** What {@link ExportInspector} found out about a file before any of it is ingested. */
public sealed interface ExportInspection {

    FileFacts facts();

    /**
     * Name, size and SHA-256: the identity of a file's content, recorded for every ingested file.
     * A file that could not be read at all has an empty SHA-256.
     */
    record FileFacts(String name, long size, String sha256) {
    }

    /**
     * Something about a readable file worth telling the officer, though it costs no line: e.g. a
     * stray quote taken as text.
     *
     * @param line the physical line
     * @param text e.g. {@code stray quote in field 5 (收款人) taken as text: "沧州某公司"分公司}
     */
    record Notice(long line, String text) {
    }

    /**
     * @param controlTotal what the 合计 row check found, for the summary; empty when there was none
     * @param notices in line order; the first {@link ExportInspector#MAX_NOTICES} only
     * @param payDates the dates of the file's lines that have a readable pay date
     */
    record Readable(FileFacts facts, ExportFormat format, String controlTotal, List<Notice> notices,
            PayDateRange payDates) implements ExportInspection {

        public Readable {
            notices = List.copyOf(notices);
        }

        public Readable(FileFacts facts, ExportFormat format, String controlTotal) {
            this(facts, format, controlTotal, List.of(), PayDateRange.EMPTY);
        }
    }

    /** The whole file is rejected: reading any of it could only count wrong figures. */
    record Unreadable(FileFacts facts, long line, String reason) implements ExportInspection {
    }
}
