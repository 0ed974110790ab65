package org.budgetmonitor.job;

import java.util.function.Supplier;

import org.budgetmonitor.ingest.InboxReader;
import org.budgetmonitor.ingest.IngestLine;
import org.budgetmonitor.ops.ProgressLine;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * The ingest step's progress line: lines counted as read, drawn after each chunk (a chunk is a
 * thousand lines by default, so often enough, and nothing is asked of the clock per line), the
 * bytes from the reader's position. Cleared when the step ends, before anything else is printed.
 */
public class IngestProgress implements StepExecutionListener, ItemReadListener<IngestLine>,
        ChunkListener<IngestLine, IngestLine> {

    private final Supplier<InboxReader.Position> position;
    private final ProgressLine line;
    private long lines;

    public IngestProgress(Supplier<InboxReader.Position> position, ProgressLine line) {
        this.position = position;
        this.line = line;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        lines = 0; // one listener serves every run of the step in this process
        line.start();
    }

    @Override
    public void afterRead(IngestLine item) {
        lines++;
    }

    @Override
    public void afterChunk(Chunk<IngestLine> chunk) {
        InboxReader.Position at = position.get();
        line.show(at.file(), lines, at.bytesDone(), at.totalBytes());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        line.finish();
        return null; // the step's own exit status stands
    }
}
