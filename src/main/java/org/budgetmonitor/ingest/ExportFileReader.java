package org.budgetmonitor.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.budgetmonitor.support.CsvFiles;
import org.budgetmonitor.support.ProjectCode;

/**
 * One export being read, for {@link InboxReader}: its layout, the occurrence count of each payment key, and a
 * digest of what was read, checked at the end against the SHA-256 the file was inspected with.
 */
final class ExportFileReader {

    final String name;
    final long fileId;
    private final String sha256;
    private final ExportFormat format;
    private final DisbursementParser parser;
    private final ExportRows rows;
    private final Map<String, Integer> occurrences = new HashMap<>();
    private final DigestInputStream bytes;
    private final ByteCount counted;
    private final Reader reader;
    private final CSVParser csv;
    private final Iterator<CSVRecord> records;
    private final NormalisedCodes codes;
    private boolean skipping;
    private long lineOfLastRecord;
    long recordsDone;
    private IngestLine failure; // the end or the failure that skipping ran into

    ExportFileReader(Path path, ExportFormat format, long fileId, String sha256, DisbursementParser parser,
            NormalisedCodes codes) throws IOException {
        this.codes = codes;
        this.name = path.getFileName().toString();
        this.fileId = fileId;
        this.sha256 = sha256;
        this.format = format;
        this.parser = parser;
        this.rows = new ExportRows(format.columns().header());
        counted = new ByteCount(Files.newInputStream(path));
        bytes = new DigestInputStream(counted, ExportFiles.newSha256());
        reader = ExportFiles.open(bytes, format);
        csv = CSVParser.parse(reader, ExportFiles.csvFormat(format.delimiter()));
        records = csv.iterator();
    }

    /** Bytes of the file read so far, for the progress line. */
    long bytesRead() {
        return counted.count;
    }

    /** Re-reads the first {@code count} records of a file after a restart. */
    void skip(long count) {
        skipping = true; // these lines were counted by the run that read them first
        while (recordsDone < count) {
            IngestLine line = next();
            if (line == null || line instanceof IngestLine.Abandoned) {
                failure = line;
                break;
            }
        }
        skipping = false;
    }

    /** The next line, null at the end of the file, or {@link IngestLine.Abandoned} when it cannot be read on. */
    IngestLine next() {
        if (failure != null) {
            return failure;
        }
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = lineOfLastRecord + 1;
                lineOfLastRecord = csv.getCurrentLineNumber();
                if (recordsDone++ <= format.headerRecord()) {
                    continue; // title lines and the header
                }
                List<String> row = record.toList();
                List<String> cells = ExportRows.cells(row);
                if (rows.kind(cells) != ExportRows.Kind.DATA) {
                    continue; // blank lines, repeated headers, 合计 / 小计 rows: never payments
                }
                if (format.endsMidLine() && !records.hasNext()) {
                    // Read as complete, a line cut short would count a wrong amount, or the payment again
                    // under another identity once a complete export of it comes.
                    return new IngestLine.Rejected(name, fileId, line, RejectReason.LAST_LINE_CUT_OFF.text(line),
                            CsvFiles.OUTPUT.format(row.toArray()),
                            codeOf(cells));
                }
                return toLine(line, row, cells);
            }
            // What was read must be what was inspected: a file rewritten meanwhile is not this version.
            bytes.transferTo(OutputStream.nullOutputStream());
            if (!HexFormat.of().formatHex(bytes.getMessageDigest().digest()).equals(sha256)) {
                failure = abandon(lineOfLastRecord, RejectReason.FILE_CHANGED.text());
            }
            return failure;
        } catch (IOException | RuntimeException e) {
            failure = abandon(lineOfLastRecord + 1, RejectReason.CANNOT_READ_ON.text(lineOfLastRecord + 1,
                    InboxReader.describe(e)));
            return failure;
        }
    }

    private IngestLine.Abandoned abandon(long line, String why) {
        return new IngestLine.Abandoned(name, fileId, line, RejectReason.FILE_ABANDONED.text(why));
    }

    /** {@code row} as the file has it (for the rejection's raw line), {@code cells} as it is read ({@link ExportRows#cells}). */
    private IngestLine toLine(long line, List<String> row, List<String> cells) {
        try {
            ParsedRow parsed = parser.parse(format, cells);
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
                    CsvFiles.OUTPUT.format(row.toArray()), codeOf(cells));
        }
    }

    /** The rejected line's project code as the ingest would have matched it, so its unit can be told; null if none. */
    private String codeOf(List<String> row) {
        String code = ProjectCode.normalise(format.columns().value(row, DisbursementColumns.PROJECT_CODE));
        return code.isEmpty() ? null : code;
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

    /** Counts the bytes read through it (ahead of the parser by a buffer at most): for the reader's position. */
    private static final class ByteCount extends java.io.FilterInputStream {
        long count;

        ByteCount(java.io.InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
