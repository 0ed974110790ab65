package org.budgetmonitor.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Stores a chunk of lines: payments not seen before, and rejections. Its counters are saved in
 * the step's execution context with each chunk, so they survive a restart along with the data.
 */
public class IngestWriter implements ItemWriter<IngestLine>, ItemStream {

    public static final String INSERTED = "ingest.inserted";
    public static final String DUPLICATES = "ingest.duplicates";
    public static final String REJECTED = "ingest.rejected";

    private final DisbursementRepository disbursements;
    private final RejectedRowRepository rejects;
    private final long jobInstanceId;

    private long inserted;
    private long duplicates;
    private long rejected;

    public IngestWriter(DisbursementRepository disbursements, RejectedRowRepository rejects, long jobInstanceId) {
        this.disbursements = disbursements;
        this.rejects = rejects;
        this.jobInstanceId = jobInstanceId;
    }

    @Override
    public void write(Chunk<? extends IngestLine> chunk) {
        // A payment repeated within the chunk (same payment id twice in an export) is settled here;
        // the database only has to answer for earlier chunks and runs.
        Map<String, IngestLine.Accepted> accepted = new LinkedHashMap<>();
        List<IngestLine.Rejected> rejectedRows = new ArrayList<>();
        int acceptedLines = 0;
        for (IngestLine line : chunk) {
            if (line instanceof IngestLine.Accepted a) {
                acceptedLines++;
                accepted.putIfAbsent(a.dedupeKey() + "#" + a.occurrence(), a);
            } else if (line instanceof IngestLine.Rejected r) {
                rejectedRows.add(r);
            }
        }
        int added = accepted.isEmpty() ? 0 : disbursements.insertIfAbsent(List.copyOf(accepted.values()), jobInstanceId);
        if (!rejectedRows.isEmpty()) {
            rejects.insert(rejectedRows, jobInstanceId);
        }
        inserted += added;
        duplicates += acceptedLines - added;
        rejected += rejectedRows.size();
    }

    @Override
    public void open(ExecutionContext context) {
        inserted = context.getLong(INSERTED, 0);
        duplicates = context.getLong(DUPLICATES, 0);
        rejected = context.getLong(REJECTED, 0);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(INSERTED, inserted);
        context.putLong(DUPLICATES, duplicates);
        context.putLong(REJECTED, rejected);
    }
}
