package org.budgetmonitor.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.budgetmonitor.support.TextEncoding;

/** What {@link ExportInspector} learns from an export's raw bytes before it reads any of it as text. */
final class ExportByteScan {

    long size;
    boolean bom;
    String sha256;
    String problem;
    long problemLine;
    long quotes;
    final TextEncoding.Utf8Tally utf8 = new TextEncoding.Utf8Tally();

    void fail(long line, String reason) {
        problem = reason;
        problemLine = line;
    }

    /**
     * One pass over the raw bytes: identity, the signs of a file that is no CSV text at all, the
     * UTF-8 tally, and whether there is any quote (a file without one needs no quote checking).
     * Lines end at LF, CR or CRLF, as the CSV parser counts them.
     */
    static ExportByteScan of(Path file, long maxLine) throws IOException {
        MessageDigest sha = ExportFiles.newSha256();
        ExportByteScan scan = new ExportByteScan();
        TextEncoding.Utf8Tally utf8 = scan.utf8;
        long line = 1;
        long lineLength = 0;
        boolean lastWasCr = false;
        int position = 0;
        int[] bom = {0xEF, 0xBB, 0xBF};
        boolean bomPossible = true;
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), sha)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                scan.size += n;
                if (scan.problem != null) {
                    continue; // keep hashing
                }
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (bomPossible && position < 3) {
                        bomPossible = b == bom[position];
                        scan.bom = bomPossible && position == 2;
                        position++;
                    }
                    if (b == '\n' || b == '\r') {
                        if (b == '\r' || !lastWasCr) {
                            line++;
                        }
                        lastWasCr = b == '\r';
                        lineLength = 0;
                        continue;
                    }
                    lastWasCr = false;
                    if (b >= 0x80) {
                        utf8.feed(b, line);
                    } else {
                        if (b == 0) {
                            scan.fail(line, "file contains NUL bytes: it is binary, not a CSV export");
                            break;
                        }
                        utf8.feed(b, line);
                        if (b == '"') {
                            scan.quotes++;
                        }
                    }
                    if (++lineLength > maxLine) {
                        scan.fail(line, "line " + line + " is longer than " + maxLine + " bytes: not a payment export");
                        break;
                    }
                }
            }
        }
        utf8.end();
        scan.sha256 = HexFormat.of().formatHex(sha.digest());
        return scan;
    }
}
