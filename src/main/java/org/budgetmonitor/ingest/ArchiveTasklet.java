package org.budgetmonitor.ingest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Moves the files this run ingested from the inbox to {@code <archive-dir>/<as-of>/}, after the
 * ingest step has committed them, so a file never leaves the inbox before its rows are stored.
 * A file that changed since it was read stays where it is (the next run takes it as a correction).
 * Without an archive directory the files stay where they are.
 */
public class ArchiveTasklet implements Tasklet {

    public static final String ARCHIVED = "archive.files";

    private static final Logger log = LoggerFactory.getLogger(ArchiveTasklet.class);

    private final Path inbox;
    private final Path archiveDir;
    private final LocalDate asOf;
    private final IngestedFileRepository files;

    public ArchiveTasklet(Path inbox, Path archiveDir, LocalDate asOf, IngestedFileRepository files) {
        this.inbox = inbox;
        this.archiveDir = archiveDir;
        this.asOf = asOf;
        this.files = files;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        if (archiveDir == null) {
            return RepeatStatus.FINISHED;
        }
        long instance = contribution.getStepExecution().getJobExecution().getJobInstanceId();
        Path target = archiveDir.resolve(asOf.toString());
        int moved = 0;
        for (var file : files.findLoadedByJobInstance(instance)) {
            Path source = inbox.resolve(file.name());
            if (!Files.isRegularFile(source) || !ExportFiles.sha256(source).equals(file.sha256())) {
                continue;
            }
            Files.createDirectories(target);
            Path destination = target.resolve(file.name());
            for (int n = 1; Files.exists(destination); n++) {
                destination = target.resolve(file.name() + "." + n);
            }
            move(source, destination);
            for (String marker : new String[] {".ok", ".done"}) {
                Files.deleteIfExists(inbox.resolve(file.name() + marker));
            }
            log.info("Archived {} to {}", file.name(), destination);
            moved++;
        }
        contribution.getStepExecution().getJobExecution().getExecutionContext().putInt(ARCHIVED, moved);
        return RepeatStatus.FINISHED;
    }

    /**
     * A rename; across file systems (an archive on another disk), a copy under a temporary name in the
     * archive, renamed into place there, and only then the inbox's file removed: the file is always
     * whole in one place or the other.
     */
    private static void move(Path source, Path destination) throws IOException {
        try {
            Files.move(source, destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Path part = destination.resolveSibling("." + destination.getFileName() + ".part");
            try {
                Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(part, destination, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(part);
            }
            Files.delete(source);
        }
    }
}
