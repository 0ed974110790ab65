package org.budgetmonitor.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
    /** UTF-16LE or UTF-16BE when the file starts with its byte-order mark (Excel's "Unicode text"), else null. */
    Charset utf16;
    String sha256;
    String problem;
    long problemLine;
    long quotes;
    /**
     * The file's last line has no line break after it, while the lines before it end with theirs: the
     * writer may have been stopped in the middle of that line.
     */
    boolean endsMidLine;
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
        Charset utf16 = utf16ByteOrderMark(file);
        if (utf16 != null) {
            return ofUtf16(file, maxLine, utf16);
        }
        MessageDigest sha = ExportFiles.newSha256();
        ExportByteScan scan = new ExportByteScan();
        TextEncoding.Utf8Tally utf8 = scan.utf8;
        long line = 1;
        long lineLength = 0;
        boolean lastWasCr = false;
        int position = 0;
        int[] bom = {0xEF, 0xBB, 0xBF};
        boolean bomPossible = true;
        int last = -1;
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), sha)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                scan.size += n;
                last = buffer[n - 1] & 0xFF;
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
                        utf8.feed(b, line); // a line break ends a sequence it cuts, as the decoder sees it
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
                            scan.fail(line, RejectReason.NUL_BYTES.text());
                            break;
                        }
                        utf8.feed(b, line);
                        if (b == '"') {
                            scan.quotes++;
                        }
                    }
                    if (++lineLength > maxLine) {
                        scan.fail(line, RejectReason.LINE_TOO_LONG.text(line, maxLine));
                        break;
                    }
                }
            }
        }
        utf8.end();
        // LF and CR are never part of a multi-byte UTF-8 or GB18030 character: a last byte says it.
        scan.endsMidLine = line > 1 && last >= 0 && last != '\n' && last != '\r';
        scan.sha256 = HexFormat.of().formatHex(sha.digest());
        return scan;
    }

    /** The reason for a file that ends inside a character of its encoding. */
    static String cutOff(Charset charset, long line) {
        return RejectReason.CUT_OFF.text(charset.name(), line);
    }

    /** The UTF-16 the file's first two bytes mark it as (FF FE or FE FF: neither UTF-8 nor GBK can start so), or null. */
    private static Charset utf16ByteOrderMark(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int first = in.read();
            int second = in.read();
            if (first == 0xFF && second == 0xFE) {
                return StandardCharsets.UTF_16LE;
            }
            if (first == 0xFE && second == 0xFF) {
                return StandardCharsets.UTF_16BE;
            }
            return null;
        }
    }

    /**
     * The same scan of a UTF-16 file, over its characters: its bytes hold a NUL beside every ASCII
     * character, and a line-break byte inside many a Chinese one (上 is 0A 4E), so they say nothing by
     * themselves. A line's length is counted in bytes, two per UTF-16 unit. The decoder is driven by
     * hand, as in CsvFiles.firstUndecodableLine, so the line of a bad character is its own.
     */
    private static ExportByteScan ofUtf16(Path file, long maxLine, Charset charset) throws IOException {
        MessageDigest sha = ExportFiles.newSha256();
        ExportByteScan scan = new ExportByteScan();
        scan.utf16 = charset;
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long line = 1;
        long lineLength = 0;
        boolean lastWasCr = false;
        char last = '\n';
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (true) {
                int n = end ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    end = true;
                } else {
                    sha.update(bytes.array(), bytes.position(), n);
                    scan.size += n;
                    bytes.position(bytes.position() + n);
                }
                if (scan.problem != null) {
                    if (end) {
                        break;
                    }
                    bytes.clear(); // keep hashing
                    continue;
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                if (end && result.isUnderflow()) {
                    result = decoder.flush(chars);
                }
                chars.flip();
                while (chars.hasRemaining() && scan.problem == null) {
                    char c = chars.get();
                    last = c;
                    if (c == '\n' || c == '\r') {
                        if (c == '\r' || !lastWasCr) {
                            line++;
                        }
                        lastWasCr = c == '\r';
                        lineLength = 0;
                        continue;
                    }
                    lastWasCr = false;
                    if (c == 0) {
                        scan.fail(line, RejectReason.NUL_CHARACTERS.text());
                    } else if ((lineLength += 2) > maxLine) {
                        scan.fail(line, RejectReason.LINE_TOO_LONG.text(line, maxLine));
                    } else if (c == '"') {
                        scan.quotes++;
                    }
                }
                chars.clear();
                if (scan.problem == null && result.isError()) {
                    // At the end only bytes held back for more input are left: the file ends inside a character.
                    scan.fail(line, end ? cutOff(charset, line)
                            : RejectReason.BAD_AFTER_BOM.text(charset.name(), charset.name(), line));
                }
                bytes.compact();
                if (end && !result.isOverflow()) {
                    break;
                }
            }
        }
        scan.endsMidLine = line > 1 && last != '\n' && last != '\r';
        scan.sha256 = HexFormat.of().formatHex(sha.digest());
        return scan;
    }
}
