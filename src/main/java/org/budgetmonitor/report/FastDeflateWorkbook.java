package org.budgetmonitor.report;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalLong;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * A streaming workbook whose rows spill to temporary files, gzipped when the workbook may be large, and
 * whose XLSX is deflated, both at the fastest level. SXSSF deflates every row twice at the default level:
 * into its temporary sheet file, and again into the archive. For the combined workbook's million payment
 * rows that was 41 s of its 92 s; at level 1 the files are somewhat larger (the PDFs are deflated so too,
 * {@link FastDeflatePdfProducerFactory}). A large workbook's temporary files stay compressed: uncompressed,
 * a million rows would be about a gigabyte in the run's temporary folder.
 */
final class FastDeflateWorkbook extends SXSSFWorkbook {

    /**
     * Rows (all sheets together) up to which the temporary files stay plain: at most some 20 MB of XML, which
     * costs less written and read back as it is than deflated and inflated again (a unit's workbook).
     */
    static final long PLAIN_TEMP_FILES_MAX_ROWS = 20_000;

    /** A workbook that may be large: its temporary sheet files gzipped. */
    FastDeflateWorkbook(int window) {
        this(window, OptionalLong.empty());
    }

    /**
     * @param window rows kept in memory; older ones are flushed to the temporary file
     * @param rows about how many rows its sheets will hold together, if known before writing
     */
    FastDeflateWorkbook(int window, OptionalLong rows) {
        super(window);
        setCompressTempFiles(rows.isEmpty() || rows.getAsLong() > PLAIN_TEMP_FILES_MAX_ROWS);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return isCompressTempFiles() ? new FastGzipSheetDataWriter(getSharedStringSource())
                : super.createSheetDataWriter();
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
        ZipArchiveOutputStream archive = super.createArchiveOutputStream(stream);
        archive.setLevel(Deflater.BEST_SPEED);
        return archive;
    }

    /** SXSSF's gzipped temporary sheet file, at the fastest level. */
    static final class FastGzipSheetDataWriter extends GZIPSheetDataWriter {

        FastGzipSheetDataWriter(SharedStringsTable sharedStrings) throws IOException {
            super(sharedStrings);
        }

        @Override
        protected OutputStream decorateOutputStream(FileOutputStream fos) throws IOException {
            return fastGzip(fos);
        }
    }

    /** A gzip stream at the fastest level, as the temporary sheet files are written. */
    static OutputStream fastGzip(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }
}
