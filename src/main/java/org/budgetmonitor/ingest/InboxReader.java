package org.budgetmonitor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.budgetmonitor.ingest.IngestedFileRepository.IngestedFile;
import org.budgetmonitor.ingest.IngestedFileRepository.Status;
import org.budgetmonitor.support.ProjectCode;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the inbox's ready exports in file-name order, one {@link IngestLine} per line. Each file is
 * first inspected as a whole ({@link ExportInspector}) and recorded with its SHA-256: a file read
 * before is skipped, an identical copy under another name is recorded as holding the original's
 * payments, a changed file under a known name replaces the earlier versions whose pay dates it
 * covers (see {@link #decide}), and a file that fails inspection, or cannot be read to its end, is
 * rejected whole. Nothing about one file stops the others.
 *
 * <p>Its position (file, version, records consumed) is saved with each chunk, so a restarted run
 * carries on where the failed one stopped; the occurrence counts of the current file are rebuilt
 * by re-reading its first lines. A restart scans the inbox again: files the failed attempt finished
 * are recognised by name and content and skipped, files added or changed since are read. Reads run
 * inside the chunk's transaction, so the registry rows it writes commit or roll back with the lines
 * they describe.
 */
public class InboxReader implements ItemStreamReader<IngestLine> {

    static final String CURRENT_FILE = "inbox.currentFile";
    static final String CURRENT_FILE_ID = "inbox.currentFileId";
    static final String RECORDS_DONE = "inbox.recordsDone";
    public static final String FILES_READ = "inbox.filesRead";
    public static final String UNCHANGED = "inbox.unchanged";
    public static final String CORRECTED = "inbox.corrected";
    public static final String REJECTED_FILES = "inbox.rejectedFiles";
    public static final String WAITING = "inbox.waiting";
    private static final Logger log = LoggerFactory.getLogger(InboxReader.class);

    /** Stands for the content of a file that could not be read at all. */
    private static final String UNREADABLE_SHA = "";
    public static final String REPLACED_PAYMENTS = "inbox.replacedPayments";
    /** What became of each file under a name read before, or identical to another: one line each. */
    public static final String DECISIONS = "inbox.decisions";
    /** Lines read, but not quite as written (a stray quote taken as text): file, line and what was done. */
    public static final String NOTICES = "inbox.notices";
    /** How many lines had their project code normalised (see {@link ProjectCode}), and a few examples. */
    public static final String CODES_NORMALISED = "inbox.codesNormalised";
    public static final String CODES_NORMALISED_EXAMPLES = "inbox.codesNormalisedExamples";


    private final Path inbox;
    private final IngestProperties properties;
    private final InboxScanner scanner;
    private final ExportInspector inspector;
    private final DisbursementParser parser;
    private final IngestedFileRepository registry;
    private final long jobInstanceId;

    private List<Path> files = List.of();
    // Sizes of the ready files when listed, for the progress line: sizesBefore[i] = bytes of files 0..i-1.
    private long[] sizesBefore = {0};
    private int fileIndex;
    private ExportFileReader current;
    private String resumeFile;
    private long resumeFileId = -1;
    private long resumeRecords;
    private boolean leftoversChecked;
    private boolean refundsOffered;
    // The versions this attempt gave up part-way: the writer takes them out with the chunk that says so.
    private final Set<Long> givenUp = new HashSet<>();
    // What the run summary reports, kept in the step's context; its code count is shared with the open
    // file, which counts as it reads (never while re-reading after a restart).
    private final InboxTally tally = new InboxTally();

    public InboxReader(Path inbox, IngestProperties properties, InboxScanner scanner, ExportInspector inspector,
            DisbursementParser parser, IngestedFileRepository registry, long jobInstanceId) {
        this.inbox = inbox;
        this.properties = properties;
        this.scanner = scanner;
        this.inspector = inspector;
        this.parser = parser;
        this.registry = registry;
        this.jobInstanceId = jobInstanceId;
    }

    @Override
    public void open(ExecutionContext context) {
        InboxScanner.Listing listing = scanner.scan(inbox);
        files = listing.ready();
        tally.waiting = listing.waiting();
        sizesBefore = new long[files.size() + 1];
        for (int i = 0; i < files.size(); i++) {
            sizesBefore[i + 1] = sizesBefore[i] + sizeOf(files.get(i));
        }
        tally.restore(context);
        fileIndex = 0;
        // A restart goes through the whole inbox again (files may have been added or changed since
        // the failure); the file that was half-read carries on from its position if it is unchanged.
        resumeFile = context.getString(CURRENT_FILE, null);
        resumeFileId = context.getLong(CURRENT_FILE_ID, -1);
        resumeRecords = context.getLong(RECORDS_DONE, 0);
        leftoversChecked = false;
        refundsOffered = false;
        givenUp.clear();
    }

    @Override
    public IngestLine read() {
        while (true) {
            if (current == null) {
                if (fileIndex >= files.size()) {
                    takeOutLeftovers();
                    if (!refundsOffered) {
                        refundsOffered = true;
                        return new IngestLine.PlaceAwaitingRefunds();
                    }
                    return null;
                }
                IngestLine fileItem = startFile(files.get(fileIndex));
                if (current == null) {
                    fileIndex++;
                    if (fileItem != null) {
                        return fileItem;
                    }
                    continue;
                }
            }
            IngestLine line = current.next();
            if (line instanceof IngestLine.Abandoned abandoned) {
                givenUp.add(abandoned.fileId());
                tally.rejectedFiles.add(current.name);
                closeQuietly(current);
                current = null;
                fileIndex++;
                return abandoned;
            }
            if (line != null) {
                return line;
            }
            registry.markLoaded(current.fileId);
            current.close();
            current = null;
            fileIndex++;
        }
    }

    /**
     * At the end of the inbox: a version of this run still loading was left half-read by an earlier
     * attempt, and its file is gone or can no longer be read; it is taken out, so that no file
     * counts in part. (Every file this attempt read to its end is loaded by now.)
     */
    private void takeOutLeftovers() {
        if (!leftoversChecked) {
            leftoversChecked = true;
            for (IngestedFile version : registry.findLoadingByJobInstance(jobInstanceId)) {
                if (givenUp.contains(version.id())) {
                    continue;
                }
                int removed = registry.retire(version.id());
                tally.replacedPayments += removed;
                tally.decisions.add(version.name() + ": half-read by the interrupted attempt and gone from the inbox (or unreadable); its "
                        + payments(removed) + " taken out");
            }
        }
    }

    /**
     * Inspects a file and opens it for reading, or returns its rejection or its record as a copy, or
     * skips it (all three with current null).
     */
    private IngestLine startFile(Path path) {
        String name = path.getFileName().toString();
        String sha;
        try {
            sha = ExportFiles.sha256(path);
        } catch (IOException | UncheckedIOException e) {
            tally.filesRead++;
            return rejectWhole(new ExportInspection.FileFacts(name, 0, UNREADABLE_SHA), 0,
                    RejectReason.FILE_UNREADABLE.text(describe(e)));
        }
        if (registry.findReadByRun(name, sha, jobInstanceId).isPresent()) {
            return null; // finished by the attempt this run restarts
        }
        if (name.equals(resumeFile) && resumeRecords > 0) {
            Optional<IngestedFile> halfRead = registry.findById(resumeFileId);
            if (halfRead.isPresent() && halfRead.get().status() == Status.LOADING && halfRead.get().sha256().equals(sha)
                    && inspectQuietly(path) instanceof ExportInspection.Readable readable) {
                try {
                    current = open(path, readable.format(), resumeFileId, sha);
                    current.skip(resumeRecords);
                    return null;
                } catch (IOException | RuntimeException e) {
                    // read afresh below: the half-read version is taken out first
                }
            }
        }
        tally.filesRead++;
        List<IngestedFile> loaded = registry.findLoadedBySha(sha);
        if (loaded.stream().anyMatch(v -> v.name().equals(name))) {
            tally.unchanged.add(name);
            loaded.stream().filter(v -> v.name().equals(name)).forEach(v -> registry.recordRead(jobInstanceId, v.id()));
            return null;
        }
        IngestedFile original = loaded.isEmpty() ? null : loaded.get(0);
        ExportInspection inspection = null;
        PayDateRange payDates;
        if (original != null) {
            payDates = original.payDates();
        } else {
            try {
                inspection = inspector.inspect(path);
            } catch (RuntimeException e) {
                return rejectWhole(new ExportInspection.FileFacts(name, sizeOf(path), sha), 0,
                        RejectReason.FILE_UNREADABLE.text(describe(e)));
            }
            if (inspection instanceof ExportInspection.Unreadable bad) {
                return rejectWhole(bad.facts(), bad.line(), bad.reason());
            }
            payDates = ((ExportInspection.Readable) inspection).payDates();
        }
        decide(path, payDates);
        if (original != null) {
            long size = sizeOf(path);
            IngestLine.Copied copy = registry.insertCopy(new ExportInspection.FileFacts(name, size, sha), original,
                    jobInstanceId);
            registry.recordRead(jobInstanceId, copy.fileId());
            tally.unchanged.add(name + " (= " + original.name() + ")");
            tally.decisions.add(name + ": identical to " + original.name() + "; recorded as holding its payments");
            return copy;
        }
        var readable = (ExportInspection.Readable) inspection;
        long fileId = registry.insert(readable.facts(), readable.format().describe(), Status.LOADING,
                readable.controlTotal(), jobInstanceId, payDates);
        registry.recordRead(jobInstanceId, fileId);
        for (ExportInspection.Notice n : readable.notices()) {
            String notice = name + (n.line() > 0 ? " line " + n.line() : "") + ": " + n.text();
            log.info("Notice: {}", notice);
            tally.notices.add(notice);
        }
        try {
            current = open(path, readable.format(), fileId, readable.facts().sha256());
        } catch (IOException | RuntimeException e) {
            String reason = RejectReason.FILE_UNREADABLE.text(describe(e));
            tally.rejectedFiles.add(name);
            registry.abandon(fileId, reason);
            return new IngestLine.Rejected(name, fileId, 0, reason, "");
        }
        return null;
    }

    /**
     * What a file under a name read before does to the earlier versions of that name: a half-read
     * version is always taken out (the file is read again whole). A loaded version is replaced when
     * the new file covers its pay dates, or when the file's source profile says its system re-sends
     * corrections under the same name; otherwise the new file is the next export of a system that
     * reuses one name every day, and both stay.
     */
    private void decide(Path path, PayDateRange payDates) {
        String name = path.getFileName().toString();
        List<IngestedFile> earlier = registry.findCurrentByName(name);
        if (earlier.isEmpty()) {
            return;
        }
        boolean sameNameCorrects = properties.profileFor(path).map(SourceProfile::sameNameCorrects).orElse(false);
        List<String> replaced = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (IngestedFile version : earlier) {
            if (version.status() == Status.LOADING) {
                int removed = registry.retire(version.id());
                tally.replacedPayments += removed;
                tally.decisions.add(name + ": the version half-read by run " + version.jobInstanceId()
                        + " taken out (" + payments(removed) + ") and the file read again");
            } else if (sameNameCorrects || payDates.covers(version.payDates())) {
                int removed = registry.retire(version.id());
                tally.replacedPayments += removed;
                replaced.add("of the version of " + version.payDates() + " (its " + payments(removed) + " taken out)");
            } else {
                kept.add("of the version of " + version.payDates());
            }
        }
        if (!replaced.isEmpty()) {
            tally.corrected.add(name);
            tally.decisions.add(name + ": correction " + payDates + " " + String.join(", ", replaced)
                    + (kept.isEmpty() ? "" : "; not " + String.join(", not ", kept)));
        } else if (!kept.isEmpty()) {
            tally.decisions.add(name + ": new export " + payDates + ", not a correction " + String.join(", not ", kept));
        }
    }

    private IngestLine rejectWhole(ExportInspection.FileFacts facts, long line, String reason) {
        long id = registry.insert(facts, null, Status.REJECTED, reason, jobInstanceId);
        tally.rejectedFiles.add(facts.name());
        registry.recordRead(jobInstanceId, id);
        return new IngestLine.Rejected(facts.name(), id, line, reason, "");
    }

    private ExportFileReader open(Path path, ExportFormat format, long fileId, String sha) throws IOException {
        return new ExportFileReader(path, format, fileId, sha, parser, tally.codes);
    }

    private ExportInspection inspectQuietly(Path path) {
        try {
            return inspector.inspect(path);
        } catch (RuntimeException e) {
            return null; // read afresh, and rejected then with the reason
        }
    }

    private static String payments(long count) {
        return count + (count == 1 ? " payment" : " payments");
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    static String describe(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        String kind = cause.getClass().getSimpleName();
        return message == null ? kind : kind + ": " + message;
    }

    private static void closeQuietly(ExportFileReader file) {
        try {
            file.close();
        } catch (RuntimeException e) {
            // the file is abandoned already
        }
    }

    /**
     * Where the reading is, for a progress line: the file being read (or next), and the bytes read
     * of the ready files' total as listed (a file skipped or rejected counts as read).
     */
    public record Position(String file, long bytesDone, long totalBytes) {
    }

    public Position position() {
        int index = Math.min(fileIndex, files.size());
        long done = sizesBefore[index] + (current == null ? 0 : current.bytesRead());
        String name = current != null ? current.name
                : index < files.size() ? files.get(index).getFileName().toString() : "";
        return new Position(name, Math.min(done, sizesBefore[files.size()]), sizesBefore[files.size()]);
    }

    @Override
    public void update(ExecutionContext context) {
        tally.save(context);
        if (current != null) {
            context.putString(CURRENT_FILE, current.name);
            context.putLong(CURRENT_FILE_ID, current.fileId);
            context.putLong(RECORDS_DONE, current.recordsDone);
        } else {
            String next = fileIndex < files.size() ? files.get(fileIndex).getFileName().toString() : "\uFFFF";
            context.putString(CURRENT_FILE, next);
            context.putLong(CURRENT_FILE_ID, -1);
            context.putLong(RECORDS_DONE, 0);
        }
    }

    @Override
    public void close() {
        if (current != null) {
            closeQuietly(current);
            current = null;
        }
    }
}
