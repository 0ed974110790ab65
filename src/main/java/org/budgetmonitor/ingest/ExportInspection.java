package org.budgetmonitor.ingest;

/** What {@link ExportInspector} found out about a file before any of it is ingested. */
public sealed interface ExportInspection {

    FileFacts facts();

    /** Name, size and SHA-256: the identity of a file's content, recorded for every ingested file. */
    record FileFacts(String name, long size, String sha256) {
    }

    /**
     * @param controlTotal what the 合计 row check found, for the summary; empty when there was none
     * @param payDates the dates of the file's lines that have a readable pay date
     */
    record Readable(FileFacts facts, ExportFormat format, String controlTotal, PayDateRange payDates)
            implements ExportInspection {
    }

    /** The whole file is rejected: reading any of it could only count wrong figures. */
    record Unreadable(FileFacts facts, long line, String reason) implements ExportInspection {
    }
}
