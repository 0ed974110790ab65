package org.budgetmonitor.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.budgetmonitor.support.CsvFiles;
import org.budgetmonitor.support.HeaderMapping;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads every {@code *.csv} export in the inbox, in file-name order, one {@link IngestLine} per
 * line. Its position (file, records consumed) is saved with each chunk, so a restarted run carries
 * on where the failed one stopped; the occurrence counts of the current file are rebuilt by
 * re-reading its first lines.
 */
public class InboxReader implements ItemStreamReader<IngestLine> {

    static final String CURRENT_FILE = "inbox.currentFile";
    static final String RECORDS_DONE = "inbox.recordsDone";
    static final String FILES_READ = "inbox.filesRead";

    private final Path inbox;
    private final DisbursementParser parser;

    private List<Path> files = List.of();
    private int fileIndex;
    private int filesRead;
    private OpenFile current;

    public InboxReader(Path inbox, DisbursementParser parser) {
        this.inbox = inbox;
        this.parser = parser;
    }

    @Override
    public void open(ExecutionContext context) {
        if (!Files.isDirectory(inbox)) {
            throw new ItemStreamException("Inbox " + inbox.toAbsolutePath() + " is not a directory");
        }
        try (Stream<Path> listing = Files.list(inbox)) {
            files = listing.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ItemStreamException("Cannot list inbox " + inbox.toAbsolutePath(), e);
        }
        filesRead = context.getInt(FILES_READ, 0);
        String resumeFile = context.getString(CURRENT_FILE, null);
        long resumeRecords = context.getLong(RECORDS_DONE, 0);
        fileIndex = 0;
        if (resumeFile != null) {
            // Files before the one in progress were finished by the failed run.
            while (fileIndex < files.size() && files.get(fileIndex).getFileName().toString().compareTo(resumeFile) < 0) {
                fileIndex++;
            }
            boolean midFile = resumeRecords > 0 && fileIndex < files.size()
                    && files.get(fileIndex).getFileName().toString().equals(resumeFile);
            if (midFile) {
                current = new OpenFile(files.get(fileIndex), parser);
                current.skip(resumeRecords);
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
                current = new OpenFile(files.get(fileIndex), parser);
                filesRead++;
            }
            IngestLine line = current.next();
            if (line != null) {
                return line;
            }
            current.close();
            current = null;
            fileIndex++;
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILES_READ, filesRead);
        if (current != null) {
            context.putString(CURRENT_FILE, current.name);
            context.putLong(RECORDS_DONE, current.recordsDone);
        } else {
            String next = fileIndex < files.size() ? files.get(fileIndex).getFileName().toString() : "\uFFFF";
            context.putString(CURRENT_FILE, next);
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

    /** One export being read: its header mapping and the occurrence count of each payment key. */
    private static final class OpenFile {

        private final String name;
        private final DisbursementParser parser;
        private final Map<String, Integer> occurrences = new HashMap<>();
        private Reader reader;
        private CSVParser csv;
        private Iterator<CSVRecord> records;
        private HeaderMapping columns;
        private List<String> missingColumns = List.of();
        private IngestLine.Rejected wholeFileRejection;
        private long lineOfLastRecord;
        private long recordsDone;

        OpenFile(Path path, DisbursementParser parser) {
            this.name = path.getFileName().toString();
            this.parser = parser;
            try {
                long badLine = CsvFiles.firstMalformedUtf8Line(path);
                if (badLine > 0) {
                    wholeFileRejection = new IngestLine.Rejected(name, badLine,
                            "file is not valid UTF-8 (first bad byte on line " + badLine
                                    + "); the whole file was rejected and none of its lines counted", "");
                    return;
                }
                reader = CsvFiles.openUtf8(path);
                csv = CSVParser.parse(reader, CsvFiles.INPUT);
                records = csv.iterator();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path.toAbsolutePath(), e);
            }
        }

        /** Re-reads the first {@code count} records of a file after a restart. */
        void skip(long count) {
            while (recordsDone < count && next() != null) {
                // next() already counted occurrences and advanced recordsDone
            }
        }

        IngestLine next() {
            if (wholeFileRejection != null) {
                if (recordsDone > 0) {
                    return null;
                }
                recordsDone = 1;
                return wholeFileRejection;
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                recordsDone++;
                long line = lineOfLastRecord + 1;
                lineOfLastRecord = csv.getCurrentLineNumber();
                if (CsvFiles.isBlank(record)) {
                    continue;
                }
                List<String> row = record.toList();
                if (columns == null) {
                    columns = HeaderMapping.of(row, DisbursementColumns.ALIASES);
                    missingColumns = columns.missing(DisbursementColumns.REQUIRED);
                    continue;
                }
                return toLine(line, row);
            }
            return null;
        }

        private IngestLine toLine(long line, List<String> row) {
            String raw = CsvFiles.OUTPUT.format(row.toArray());
            if (!missingColumns.isEmpty()) {
                return new IngestLine.Rejected(name, line, "the file's header lacks required column(s) "
                        + DisbursementColumns.describe(missingColumns) + "; header is " + columns.header(), raw);
            }
            try {
                Disbursement d = parser.parse(columns, row);
                String key = DedupeKey.of(d);
                int occurrence = d.hasPaymentId() ? 1 : occurrences.merge(key, 1, Integer::sum);
                return new IngestLine.Accepted(name, line, d, key, occurrence);
            } catch (RowRejectedException e) {
                return new IngestLine.Rejected(name, line, e.getMessage(), raw);
            }
        }

        void close() {
            try {
                if (csv != null) {
                    csv.close();
                }
                if (reader != null) {
                    reader.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A snapshot for the summary: how many files this step has opened. */
    public int filesRead() {
        return filesRead;
    }

    List<Path> files() {
        return new ArrayList<>(files);
    }
}
