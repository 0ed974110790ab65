package org.budgetmonitor.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.budgetmonitor.ingest.IngestedFileRepository.IngestedFile;
import org.budgetmonitor.ingest.IngestedFileRepository.Status;
import org.budgetmonitor.support.CsvFiles;
import org.budgetmonitor.support.ProjectCode;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the inbox's ready exports in file-name order, one {@link IngestLine} per line. Each file is
 * first inspected as a whole ({@link ExportInspector}) and recorded with its SHA-256: an identical
 * file is skipped, a changed file under a known name is a correction that replaces the earlier
 * version's rows, and a file that fails inspection is rejected whole.
 *
 * <p>Its position (file, version, records consumed) is saved with each chunk, so a restarted run
 * carries on where the failed one stopped; the occurrence counts of the current file are rebuilt
 * by re-reading its first lines. Reads run inside the chunk's transaction, so the registry rows it
 * writes commit or roll back with the lines they describe.
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
    public static final String REPLACED_PAYMENTS = "inbox.replacedPayments";
    /** How many lines had their project code normalised (see {@link ProjectCode}), and a few examples. */
    public static final String CODES_NORMALISED = "inbox.codesNormalised";
    public static final String CODES_NORMALISED_EXAMPLES = "inbox.codesNormalisedExamples";
    private static final int EXAMPLES = 3;
    private static final String MORE = "…";


    private final Path inbox;
    private final InboxScanner scanner;
    private final ExportInspector inspector;
    private final DisbursementParser parser;
    private final IngestedFileRepository registry;
    private final long jobInstanceId;

    private List<Path> files = List.of();
    private int fileIndex;
    private OpenFile current;
    private int filesRead;
    private long replacedPayments;
    private List<String> unchanged = new ArrayList<>();
    private List<String> corrected = new ArrayList<>();
    private List<String> rejectedFiles = new ArrayList<>();
    private List<String> waiting = List.of();
    // Shared with the open file, which counts as it reads (never while re-reading after a restart).
    private final CodeCount codes = new CodeCount();

    public InboxReader(Path inbox, InboxScanner scanner, ExportInspector inspector, DisbursementParser parser,
            IngestedFileRepository registry, long jobInstanceId) {
        this.inbox = inbox;
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
        waiting = listing.waiting();
        filesRead = context.getInt(FILES_READ, 0);
        replacedPayments = context.getLong(REPLACED_PAYMENTS, 0);
        unchanged = names(context.getString(UNCHANGED, ""));
        corrected = names(context.getString(CORRECTED, ""));
        rejectedFiles = names(context.getString(REJECTED_FILES, ""));
        codes.lines = context.getLong(CODES_NORMALISED, 0);
        codes.examples.clear();
        codes.examples.addAll(names(context.getString(CODES_NORMALISED_EXAMPLES, "")));

        String resumeFile = context.getString(CURRENT_FILE, null);
        fileIndex = 0;
        if (resumeFile == null) {
            return;
        }
        // Files before the one in progress were finished by the failed run.
        while (fileIndex < files.size() && files.get(fileIndex).getFileName().toString().compareTo(resumeFile) < 0) {
            fileIndex++;
        }
        long records = context.getLong(RECORDS_DONE, 0);
        long fileId = context.getLong(CURRENT_FILE_ID, -1);
        if (records > 0 && fileIndex < files.size() && files.get(fileIndex).getFileName().toString().equals(resumeFile)) {
            Path path = files.get(fileIndex);
            Optional<IngestedFile> version = registry.findById(fileId);
            ExportInspection inspection = inspector.inspect(path);
            // Resume only if the half-read file is still the same content; otherwise read it afresh.
            if (version.isPresent() && version.get().status() == Status.LOADING
                    && inspection instanceof ExportInspection.Readable readable
                    && readable.facts().sha256().equals(version.get().sha256())) {
                current = new OpenFile(path, readable.format(), fileId, parser, codes);
                current.skip(records);
            }
        }
    }

    @Override
    public IngestLine read() {
        while (true) {
            if (current == null) {
                if (fileIndex >= files.size()) {
                    return null;
                }
                IngestLine fileRejection = startFile(files.get(fileIndex));
                if (current == null) {
                    fileIndex++;
                    if (fileRejection != null) {
                        return fileRejection;
                    }
                    continue;
                }
            }
            IngestLine line = current.next();
            if (line != null) {
                return line;
            }
            registry.markLoaded(current.fileId);
            current.close();
            current = null;
            fileIndex++;
        }
    }

    /** Inspects a file and opens it for reading, or returns its rejection, or skips it (both with current null). */
    private IngestLine startFile(Path path) {
        filesRead++;
        String name = path.getFileName().toString();
        // An unchanged file (the same content read before, under any name) needs one pass, not an inspection.
        Optional<IngestedFile> identical = registry.findLoadedBySha(sha256(path));
        if (identical.isPresent()) {
            unchanged.add(identical.get().name().equals(name) ? name : name + " (= " + identical.get().name() + ")");
            registry.recordRead(jobInstanceId, identical.get().id());
            return null;
        }
        ExportInspection inspection = inspector.inspect(path);
        if (inspection instanceof ExportInspection.Unreadable bad) {
            long id = registry.insert(bad.facts(), null, Status.REJECTED, bad.reason(), jobInstanceId);
            rejectedFiles.add(name);
            registry.recordRead(jobInstanceId, id);
            return new IngestLine.Rejected(name, id, bad.line(), bad.reason(), "");
        }
        var readable = (ExportInspection.Readable) inspection;
        List<IngestedFile> earlier = registry.findCurrentByName(name);
        for (IngestedFile version : earlier) {
            replacedPayments += registry.retire(version.id());
        }
        if (earlier.stream().anyMatch(v -> v.status() == Status.LOADED)) {
            corrected.add(name);
        }
        long fileId = registry.insert(readable.facts(), readable.format().describe(), Status.LOADING,
                readable.controlTotal(), jobInstanceId);
        current = new OpenFile(path, readable.format(), fileId, parser, codes);
        registry.recordRead(jobInstanceId, fileId);
        return null;
    }

    private static String sha256(Path path) {
        try {
            return ExportInspector.sha256(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path.toAbsolutePath(), e);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILES_READ, filesRead);
        context.putLong(REPLACED_PAYMENTS, replacedPayments);
        context.putString(UNCHANGED, String.join("\n", unchanged));
        context.putString(CORRECTED, String.join("\n", corrected));
        context.putString(REJECTED_FILES, String.join("\n", rejectedFiles));
        context.putString(WAITING, String.join("\n", waiting));
        context.putLong(CODES_NORMALISED, codes.lines);
        context.putString(CODES_NORMALISED_EXAMPLES, String.join("\n", codes.examples));

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
            current.close();
            current = null;
        }
    }

    private static List<String> names(String joined) {
        return joined.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(joined.split("\n")));
    }

    /** Lines whose project code was not in its normal form, for the run summary. */
    private static final class CodeCount {
        long lines;
        final List<String> examples = new ArrayList<>();

        void add(String exported, String normal) {
            lines++;
            String example = exported + " → " + normal;
            if (!examples.contains(example)) {
                if (examples.size() < EXAMPLES) {
                    examples.add(example);
                } else if (examples.size() == EXAMPLES) {
                    examples.add(MORE); // other spellings than the ones shown
                }
            }
        }
    }

    /** One export being read: its layout and the occurrence count of each payment key. */
    private static final class OpenFile {

        private final String name;
        private final long fileId;
        private final ExportFormat format;
        private final DisbursementParser parser;
        private final ExportRows rows;
        private final Map<String, Integer> occurrences = new HashMap<>();
        private final Reader reader;
        private final CSVParser csv;
        private final Iterator<CSVRecord> records;
        private final CodeCount codes;
        private boolean skipping;
        private long lineOfLastRecord;
        private long recordsDone;

        OpenFile(Path path, ExportFormat format, long fileId, DisbursementParser parser, CodeCount codes) {
            this.codes = codes;
            this.name = path.getFileName().toString();
            this.fileId = fileId;
            this.format = format;
            this.parser = parser;
            this.rows = new ExportRows(format.columns().header());
            try {
                reader = ExportInspector.open(path, format.charset());
                csv = CSVParser.parse(reader, ExportInspector.csvFormat(format.delimiter()));
                records = csv.iterator();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path.toAbsolutePath(), e);
            }
        }

        /** Re-reads the first {@code count} records of a file after a restart. */
        void skip(long count) {
            skipping = true; // these lines were counted by the run that read them first
            while (recordsDone < count && next() != null) {
                // next() counts occurrences and advances recordsDone
            }
            skipping = false;
        }

        IngestLine next() {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = lineOfLastRecord + 1;
                lineOfLastRecord = csv.getCurrentLineNumber();
                if (recordsDone++ <= format.headerRecord()) {
                    continue; // title lines and the header
                }
                List<String> row = record.toList();
                if (rows.kind(row) != ExportRows.Kind.DATA) {
                    continue; // blank lines, repeated headers, 合计 / 小计 rows: never payments
                }
                return toLine(line, row);
            }
            return null;
        }

        private IngestLine toLine(long line, List<String> row) {
            try {
                ParsedRow parsed = parser.parse(format, row);
                if (parsed instanceof ParsedRow.Pending pending) {
                    countNormalised(row, pending.projectCode());
                    return new IngestLine.Pending(name, fileId, line, pending);
                }
                Disbursement d = ((ParsedRow.Payment) parsed).disbursement();
                countNormalised(row, d.projectCode());
                String key = DedupeKey.of(d);
                int occurrence = d.hasPaymentId() ? 1 : occurrences.merge(key, 1, Integer::sum);
                return new IngestLine.Accepted(name, fileId, line, d, key, occurrence);
            } catch (RowRejectedException e) {
                return new IngestLine.Rejected(name, fileId, line, e.getMessage(),
                        CsvFiles.OUTPUT.format(row.toArray()));
            }
        }

        private void countNormalised(List<String> row, String code) {
            String exported = format.columns().value(row, DisbursementColumns.PROJECT_CODE);
            if (!skipping && !exported.equals(code)) {
                codes.add(exported, code);
            }
        }

        void close() {
            try {
                csv.close();
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
