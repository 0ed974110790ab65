package org.budgetmonitor.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.csv.CSVFormat;
import org.budgetmonitor.support.CsvFiles;

/**
 * How an export is read once {@link ExportInspector} has looked at it: its identity (the SHA-256 of
 * its content), and its text as the inspection read it (encoding, BOM, stray quotes taken as text).
 */
public final class ExportFiles {

    private ExportFiles() {
    }

    static CSVFormat csvFormat(char delimiter) {
        return CsvFiles.INPUT.builder().setDelimiter(delimiter).get();
    }

    /**
     * Opens a file to read it the way it was inspected: in its encoding, and, when it has stray
     * quotes taken as text, through the reader that makes them so. Every reader of an inspected
     * file must use this, with {@link #csvFormat}, to read the same text the inspection did.
     */
    static Reader open(Path file, ExportFormat format) throws IOException {
        return open(Files.newInputStream(file), format);
    }

    /** Reads a stream of an inspected file as its inspection read it. */
    static Reader open(InputStream in, ExportFormat format) throws IOException {
        Reader reader = open(in, format.charset());
        return format.lenientQuotes() ? new QuoteCheckingReader(reader, format.delimiter(), Integer.MAX_VALUE) : reader;
    }

    /** Opens a file in an encoding already checked, skipping a BOM. */
    static Reader open(Path file, Charset charset) throws IOException {
        return open(Files.newInputStream(file), charset);
    }

    /** Reads a stream in an encoding already checked, skipping a BOM. */
    static Reader open(InputStream in, Charset charset) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in,
                charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        reader.mark(1);
        if (reader.read() != CsvFiles.BOM) {
            reader.reset();
        }
        return reader;
    }

    /** The SHA-256 of a file's content, hex. */
    public static String sha256(Path file) throws IOException {
        // DigestUtils reads 1 KB at a time: buffered, a 100 MB export is read in 64 KB reads.
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return DigestUtils.sha256Hex(in);
        }
    }

    /** A fresh SHA-256 digest: the identity of a file's content. */
    static MessageDigest newSha256() {
        return DigestUtils.getSha256Digest();
    }
}
