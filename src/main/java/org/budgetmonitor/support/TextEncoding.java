package org.budgetmonitor.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.mozilla.universalchardet.Constants;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Which encoding a text file an officer or a payment system hands us is in: UTF-8 when it is
 * strictly valid UTF-8, else GB18030 (the superset of the GBK that Excel on Chinese Windows saves
 * CSV in) when it decodes cleanly as that and a detector that knows other encodings does not say
 * otherwise. Anything else is refused with the line of the first bad byte, never read as mojibake.
 * Shared by the payment exports and the plan files, so that both are read by one rule.
 */
public final class TextEncoding {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private TextEncoding() {
    }

    /** What {@link #decide} concluded about a file. */
    public sealed interface Verdict {
    }

    /** The file reads cleanly in this charset. */
    public record Decided(Charset charset) implements Verdict {
    }

    /** A UTF-8 byte-order mark, yet not valid UTF-8 after it. */
    public record BadAfterBom(long line) implements Verdict {
    }

    /** UTF-8 text with bytes of another encoding in it: no single encoding reads it all. */
    public record Mixed(long line, long wellFormed, long illFormed) implements Verdict {
    }

    /** Valid in neither UTF-8 (first bad byte on {@code utf8Line}) nor GB18030 ({@code gbLine}). */
    public record Neither(long utf8Line, long gbLine) implements Verdict {
    }

    /** Valid in {@code charset} but for its very end, which is inside a character: the file was cut off. */
    public record Cut(long line, Charset charset) implements Verdict {
    }

    /** Decodes as GB18030, but the detector takes it for another encoding, e.g. Latin-1 text. */
    public record Other(long line, String detected) implements Verdict {
    }

    /**
     * The decision on a file whose bytes the caller has already tallied ({@code utf8}, ended) and
     * checked for a UTF-8 BOM: the export inspection does so in its single pass over the file.
     */
    public static Verdict decide(Path file, Utf8Tally utf8, boolean bom) throws IOException {
        if (utf8.valid()) {
            return new Decided(StandardCharsets.UTF_8);
        }
        if (utf8.cutInLastCharacter()) {
            return new Cut(utf8.firstBadLine(), StandardCharsets.UTF_8);
        }
        if (bom) {
            return new BadAfterBom(utf8.firstBadLine());
        }
        if (utf8.mixed()) {
            return new Mixed(utf8.firstBadLine(), utf8.wellFormed(), utf8.illFormed());
        }
        CsvFiles.Undecodable gbBad = CsvFiles.undecodable(file, GB18030);
        if (gbBad != null) {
            return gbBad.cutAtEnd() ? new Cut(gbBad.line(), GB18030) : new Neither(utf8.firstBadLine(), gbBad.line());
        }
        Opinion opinion = secondOpinion(file);
        if (!opinion.gb18030()) {
            if (StandardCharsets.UTF_8.name().equals(opinion.detected())) {
                return new Mixed(utf8.firstBadLine(), utf8.wellFormed(), utf8.illFormed());
            }
            return new Other(utf8.firstBadLine(), opinion.detected());
        }
        return new Decided(GB18030);
    }

    /** The decision on a file, reading it through once for the UTF-8 tally first. */
    public static Verdict decide(Path file) throws IOException {
        Utf8Tally utf8 = new Utf8Tally();
        boolean bom;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            byte[] start = new byte[3];
            int position = 0;
            long line = 1;
            boolean lastWasCr = false;
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (position < 3) {
                        start[position++] = (byte) b;
                    }
                    // A line break ends a sequence it cuts, as the decoder sees it.
                    utf8.feed(b, line);
                    // Lines as the CSV parser counts them: CR, LF and CRLF each end one.
                    if (b == '\n' || b == '\r') {
                        if (b == '\r' || !lastWasCr) {
                            line++;
                        }
                        lastWasCr = b == '\r';
                        continue;
                    }
                    lastWasCr = false;
                }
            }
            bom = position == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF;
        }
        utf8.end();
        return decide(file, utf8, bom);
    }

    /** A file refused by {@link #open}: the message names the line and the encodings tried. */
    public static final class UnreadableEncodingException extends IOException {
        public UnreadableEncodingException(Verdict verdict) {
            super("line " + line(verdict) + ": the file " + describe(verdict));
        }
    }

    /**
     * Opens a CSV text file in the encoding {@link #decide} finds (skipping a BOM), or throws
     * {@link UnreadableEncodingException}: for readers that report any unreadable file the same way.
     */
    public static java.io.Reader open(Path file) throws IOException {
        Verdict verdict = decide(file);
        if (verdict instanceof Decided decided) {
            return CsvFiles.open(file, decided.charset());
        }
        throw new UnreadableEncodingException(verdict);
    }

    /**
     * A refused verdict in words, for an officer: which encodings were tried and where the file
     * first failed them. Empty for {@link Decided}.
     */
    public static String describe(Verdict verdict) {
        // (Java 17: no pattern matching in switch yet.)
        if (verdict instanceof BadAfterBom b) {
            return "starts with a UTF-8 byte-order mark but is not valid UTF-8 (first bad byte on line "
                    + b.line() + ")";
        }
        if (verdict instanceof Mixed m) {
            return "mixes encodings: it holds UTF-8 text (" + m.wellFormed() + " multi-byte characters) and "
                    + m.illFormed() + " byte sequence" + (m.illFormed() == 1 ? "" : "s") + " that are not UTF-8, the"
                    + " first on line " + m.line() + " (GBK text pasted into a UTF-8 file?)";
        }
        if (verdict instanceof Neither x) {
            return "is neither UTF-8 (first bad byte on line " + x.utf8Line() + ") nor GB18030/GBK (first bad byte"
                    + " on line " + x.gbLine() + ")";
        }
        if (verdict instanceof Other o) {
            return "is not UTF-8, and though it decodes as GB18030/GBK it reads as " + o.detected()
                    + " text (first non-UTF-8 byte on line " + o.line() + ")";
        }
        if (verdict instanceof Cut c) {
            return "ends in the middle of a " + c.charset().name() + " character on line " + c.line()
                    + ": it was cut off (a copy or an export not finished?)";
        }
        return "";
    }

    /** The line a refused verdict names: that of the first byte that is not UTF-8; 0 for {@link Decided}. */
    public static long line(Verdict verdict) {
        if (verdict instanceof BadAfterBom b) {
            return b.line();
        }
        if (verdict instanceof Mixed m) {
            return m.line();
        }
        if (verdict instanceof Neither x) {
            return x.utf8Line();
        }
        if (verdict instanceof Other o) {
            return o.line();
        }
        if (verdict instanceof Cut c) {
            return c.line();
        }
        return 0;
    }

    /**
     * A file is mixed when it holds at least this many well-formed multi-byte UTF-8 sequences per
     * ill-formed one. GBK text forms UTF-8 sequences only by chance, and far fewer than it forms
     * ill-formed ones: over 120,000 generated GBK exports of 1–200 lines the most seen was 1.5 per
     * ill-formed one (a one-line file), 0.3 over 200 lines. A UTF-8 export with a stray Latin-1
     * byte has dozens or thousands per bad byte.
     */
    public static final int MIXED_RATIO = 4;

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

    /**
     * Counts the file's bytes as UTF-8, fed one byte at a time by the inspector's single pass
     * over the file. Well-formed is as in the Unicode standard (table 3-7), which is what the JDK's
     * strict UTF-8 decoder accepts: no overlong forms, surrogates or code points above U+10FFFF.
     */
    public static final class Utf8Tally {

        private long wellFormed;
        private long illFormed;
        private long firstBadLine;
        private int need;
        private int lo = 0x80;
        private int hi = 0xBF;
        private long sequenceLine;
        private boolean cutAtEnd;

        public void feed(int b, long line) {
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

        public void end() {
            if (need > 0) {
                illFormed(sequenceLine);
                need = 0;
                cutAtEnd = true;
            }
        }

        /** Valid but for a sequence its end cuts short: the file was cut off inside its last character. */
        public boolean cutInLastCharacter() {
            return illFormed == 1 && cutAtEnd;
        }

        private void illFormed(long line) {
            if (illFormed++ == 0) {
                firstBadLine = line;
            }
        }

        public boolean valid() {
            return illFormed == 0;
        }

        /** Valid UTF-8 text with bytes of another encoding in it: no single encoding reads it all. */
        public boolean mixed() {
            return illFormed > 0 && wellFormed >= MIXED_RATIO * illFormed;
        }

        public long wellFormed() {
            return wellFormed;
        }

        public long illFormed() {
            return illFormed;
        }

        /** The physical line of the first byte that is not UTF-8, or 0. */
        public long firstBadLine() {
            return firstBadLine;
        }
    }

    /** What the detector's second opinion on a file that decodes as GB18030 comes to. */
    public record Opinion(boolean gb18030, String detected) {
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
    public static Opinion secondOpinion(Path file) throws IOException {
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
