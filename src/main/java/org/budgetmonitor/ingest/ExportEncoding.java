package org.budgetmonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.mozilla.universalchardet.Constants;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * The evidence {@link ExportInspector} weighs before it reads a file that is not UTF-8 as
 * GB18030/GBK: is it UTF-8 with a few foreign bytes in it ("mixed"), and what does a detector
 * that knows other encodings make of it.
 */
final class ExportEncoding {

    /**
     * A file is mixed when it holds at least this many well-formed multi-byte UTF-8 sequences per
     * ill-formed one. GBK text forms UTF-8 sequences only by chance, and far fewer than it forms
     * ill-formed ones: over 120,000 generated GBK exports of 1–200 lines the most seen was 1.5 per
     * ill-formed one (a one-line file), 0.3 over 200 lines. A UTF-8 export with a stray Latin-1
     * byte has dozens or thousands per bad byte.
     */
    static final int MIXED_RATIO = 4;

    /** How much of a file the detector is shown: it decides on far less, and stops when sure. */
    private static final int DETECTOR_SAMPLE_BYTES = 4 << 20;

    /** The detector's names for the encodings we read as GB18030. */
    private static final Set<String> GB_FAMILY = Set.of(Constants.CHARSET_GB18030, Constants.CHARSET_GBK,
            Constants.CHARSET_HZ_GB_2312, Constants.CHARSET_US_ASCII);

    /**
     * Multi-byte encodings whose probers need real evidence (the distribution of many characters)
     * before the detector names them: its naming one is a confident "this is not GBK".
     */
    private static final Set<String> MULTI_BYTE_RIVALS = Set.of(Constants.CHARSET_BIG5, Constants.CHARSET_SHIFT_JIS,
            Constants.CHARSET_EUC_JP, Constants.CHARSET_EUC_KR, Constants.CHARSET_EUC_TW,
            Constants.CHARSET_ISO_2022_JP, Constants.CHARSET_ISO_2022_KR, Constants.CHARSET_ISO_2022_CN,
            Constants.CHARSET_UTF_16BE, Constants.CHARSET_UTF_16LE, Constants.CHARSET_UTF_32BE,
            Constants.CHARSET_UTF_32LE);

    private ExportEncoding() {
    }

    /**
     * Counts the file's bytes as UTF-8, fed one byte at a time by the inspector's single pass
     * over the file. Well-formed is as in the Unicode standard (table 3-7), which is what the JDK's
     * strict UTF-8 decoder accepts: no overlong forms, surrogates or code points above U+10FFFF.
     */
    static final class Utf8Tally {

        private long wellFormed;
        private long illFormed;
        private long firstBadLine;
        private int need;
        private int lo = 0x80;
        private int hi = 0xBF;
        private long sequenceLine;

        void feed(int b, long line) {
            if (need > 0) {
                if (b >= lo && b <= hi) {
                    lo = 0x80;
                    hi = 0xBF;
                    if (--need == 0) {
                        wellFormed++;
                    }
                    return;
                }
                illFormed(sequenceLine);
                need = 0;
                lo = 0x80;
                hi = 0xBF;
            }
            if (b < 0x80) {
                return;
            }
            sequenceLine = line;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b == 0xE0) {
                need = 2;
                lo = 0xA0;
            } else if (b == 0xED) {
                need = 2;
                hi = 0x9F;
            } else if (b >= 0xE1 && b <= 0xEF) {
                need = 2;
            } else if (b == 0xF0) {
                need = 3;
                lo = 0x90;
            } else if (b >= 0xF1 && b <= 0xF3) {
                need = 3;
            } else if (b == 0xF4) {
                need = 3;
                hi = 0x8F;
            } else {
                illFormed(line);
            }
        }

        void end() {
            if (need > 0) {
                illFormed(sequenceLine);
                need = 0;
            }
        }

        private void illFormed(long line) {
            if (illFormed++ == 0) {
                firstBadLine = line;
            }
        }

        boolean valid() {
            return illFormed == 0;
        }

        /** Valid UTF-8 text with bytes of another encoding in it: no single encoding reads it all. */
        boolean mixed() {
            return illFormed > 0 && wellFormed >= MIXED_RATIO * illFormed;
        }

        long wellFormed() {
            return wellFormed;
        }

        long illFormed() {
            return illFormed;
        }

        /** The physical line of the first byte that is not UTF-8, or 0. */
        long firstBadLine() {
            return firstBadLine;
        }
    }

    /** What the detector's second opinion on a file that decodes as GB18030 comes to. */
    record Opinion(boolean gb18030, String detected) {
    }

    /**
     * Asks the detector about a file that is not UTF-8 but decodes cleanly as GB18030.
     *
     * <p>Its GB18030 verdicts, and its silence, are taken as agreement; a multi-byte rival (Big5,
     * Shift_JIS, EUC-KR …) as a refusal. Its single-byte verdicts (Windows-1252, KOI8-R,
     * ISO-8859-5 …) are what it says of any short Chinese text, for want of enough characters to
     * judge by, so they refuse the file only when its GB18030 reading has the one trait that
     * Latin-1 text read as GB18030 has and Chinese text does not: a double-byte character made of
     * a Latin-1 letter (0xC0–0xFE) and a plain ASCII letter, as in {@code Caf\xE9s}. (The rare
     * characters of names with an ASCII-range second byte, such as 昇 95 4E or 珺 AC 42, start
     * below 0xC0.)
     */
    static Opinion secondOpinion(Path file) throws IOException {
        UniversalDetector detector = new UniversalDetector();
        boolean latinLike = false;
        int previous = -1;
        boolean second = false;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int total = 0;
            int n;
            while (total < DETECTOR_SAMPLE_BYTES && (n = in.read(buffer)) > 0) {
                total += n;
                if (!detector.isDone()) {
                    detector.handleData(buffer, 0, n);
                }
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (second) {
                        // previous is a lead byte, b its second byte (GB18030 structure, already checked valid)
                        if (previous >= 0xC0 && ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z'))) {
                            latinLike = true;
                        }
                        second = false;
                        // a four-byte sequence's third and fourth bytes: treat the pair like a character
                    } else if (b >= 0x81) {
                        previous = b;
                        second = true;
                    }
                }
            }
        }
        detector.dataEnd();
        String detected = detector.getDetectedCharset();
        if (detected == null || GB_FAMILY.contains(detected)) {
            return new Opinion(true, detected);
        }
        if (MULTI_BYTE_RIVALS.contains(detected) || Constants.CHARSET_UTF_8.equals(detected)) {
            return new Opinion(false, detected);
        }
        return new Opinion(!latinLike, detected);
    }
}
