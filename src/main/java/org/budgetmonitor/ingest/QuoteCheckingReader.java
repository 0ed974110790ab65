package org.budgetmonitor.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Sits between an export's decoded text and Commons CSV and finds, with the file's real delimiter,
 * the quoting problems that would otherwise stop the parser (and with it the night) or make it
 * buffer the rest of the file: a quote never closed, a quoted field running on past a limit, and
 * a field that opens with a quote and has text after its closing quote.
 *
 * <p>The last is what exporters write when a name holds quotes they did not escape, e.g.
 * {@code "沧州某公司"分公司}. When the quoted part stays on one line and holds no delimiter the field
 * can only mean one thing, so it is taken as text, <b>verbatim</b>: the field's characters from
 * the opening quote to the end of the field (trailing spaces dropped, as for any unquoted field).
 * The reader passes it on to the parser as a properly escaped quoted field, so the parser returns
 * exactly that text, and a later, correctly escaped export of the same line
 * ({@code """沧州某公司""分公司"}) yields the same text and so the same payment identity. Any other
 * field with text after its closing quote is ambiguous and stops the reading with a
 * {@link SyntaxError}.
 *
 * <p>It mirrors the lexer of {@code CsvFiles.INPUT} (no escape character, surrounding spaces
 * ignored, CR, LF and CRLF end a record) and counts physical lines as the parser does.
 */
final class QuoteCheckingReader extends Reader {

    /** A quote in a field that the file does not use for CSV quoting; the field's text keeps it. */
    record StrayQuote(long line, int field, boolean rewritten) {
    }

    /** A quoting problem that makes the file unreadable; {@code line} is where the field opened. */
    static final class SyntaxError extends IOException {

        private final long line;

        SyntaxError(long line, String reason) {
            super(reason);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private enum State {
        FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, CLOSED, TAIL
    }

    private static final int QUOTE = '"';

    private final Reader in;
    private final char delimiter;
    private final int maxQuotedChars;
    private final char[] input = new char[1 << 13];
    private int inputPos;
    private int inputEnd;
    private boolean eof;

    private final StringBuilder out = new StringBuilder(1 << 14);
    private int outPos;

    private State state = State.FIELD_START;
    private long line = 1;
    private boolean lastWasCr;
    private boolean lastWasLineBreak;
    private int field = 1;
    private boolean strayInUnquoted;
    /**
     * Where an unquoted field stands in Excel's text formula {@code ="…"}, whose two quotes are no stray
     * ones (ExportRows.cells reads the field as its text): after its '=', inside its quotes, after them.
     */
    private enum ExcelText { NO, EQUALS, OPEN, CLOSED }

    private ExcelText excelText = ExcelText.NO;
    private long excelLine;
    /** The current quoted field from its opening quote, held back until we know how it ends. */
    private final StringBuilder held = new StringBuilder();
    private long heldLine;
    private boolean heldSpansLines;
    private boolean heldHoldsDelimiter;

    private final List<StrayQuote> strayQuotes = new ArrayList<>();
    private boolean anyRewritten;

    QuoteCheckingReader(Reader in, char delimiter, int maxQuotedChars) {
        this.in = in;
        this.delimiter = delimiter;
        this.maxQuotedChars = maxQuotedChars;
    }

    /** The stray quotes found so far, in line order; the list keeps growing as the file is read. */
    List<StrayQuote> strayQuotes() {
        return strayQuotes;
    }

    /** Whether some field had to be passed on re-quoted (then every reader of the file needs this one). */
    boolean anyRewritten() {
        return anyRewritten;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        // Hand on what is resolved as soon as there is any: the header search stops after a few records.
        while (outPos == out.length()) {
            out.setLength(0);
            outPos = 0;
            if (eof) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, out.length() - outPos);
        out.getChars(outPos, outPos + n, buffer, offset);
        outPos += n;
        return n;
    }

    private void fill() throws IOException {
        int n = in.read(input, 0, input.length);
        if (n < 0) {
            eof = true;
            endOfInput();
            return;
        }
        inputPos = 0;
        inputEnd = n;
        while (inputPos < inputEnd) {
            step(input[inputPos++]);
        }
    }

    private void step(char c) throws IOException {
        boolean lineBreak = c == '\n' || c == '\r';
        boolean newLine = c == '\r' || (c == '\n' && !lastWasCr);
        lastWasCr = c == '\r';
        lastWasLineBreak = lineBreak;
        switch (state) {
            case FIELD_START -> {
                if (c == QUOTE) {
                    state = State.QUOTED;
                    held.setLength(0);
                    held.append(c);
                    heldLine = line;
                    heldSpansLines = false;
                    heldHoldsDelimiter = false;
                } else {
                    out.append(c);
                    if (c == delimiter) {
                        field++;
                    } else if (lineBreak) {
                        field = 1;
                    } else if (!Character.isWhitespace(c)) {
                        state = State.UNQUOTED;
                        strayInUnquoted = false;
                        excelText = c == '=' ? ExcelText.EQUALS : ExcelText.NO;
                    }
                }
            }
            case UNQUOTED -> {
                out.append(c);
                if (c == delimiter || lineBreak) {
                    endExcelText();
                    endField(c);
                } else if (c == QUOTE && excelText == ExcelText.EQUALS) {
                    excelText = ExcelText.OPEN;
                    excelLine = line;
                } else if (c == QUOTE && excelText == ExcelText.OPEN) {
                    excelText = ExcelText.CLOSED;
                } else if (excelText == ExcelText.CLOSED && Character.isWhitespace(c)) {
                    // trailing spaces, dropped by the parser
                } else if (excelText == ExcelText.EQUALS || excelText == ExcelText.CLOSED) {
                    // '=' then text, or text after the closing quote: not Excel's form, its quotes are stray
                    if (excelText == ExcelText.CLOSED) {
                        stray(excelLine);
                    }
                    excelText = ExcelText.NO;
                    if (c == QUOTE) {
                        stray(line);
                    }
                } else if (c == QUOTE && excelText == ExcelText.NO) {
                    // The parser keeps a quote inside an unquoted field as text already.
                    stray(line);
                }
            }
            case QUOTED -> {
                held.append(c);
                if (c == QUOTE) {
                    state = State.QUOTE_IN_QUOTED;
                } else if (lineBreak) {
                    heldSpansLines = true;
                } else if (c == delimiter) {
                    heldHoldsDelimiter = true;
                }
                if (held.length() > maxQuotedChars) {
                    throw new SyntaxError(heldLine, RejectReason.QUOTED_FIELD_TOO_LONG.text(heldLine, maxQuotedChars));
                }
            }
            case QUOTE_IN_QUOTED -> {
                if (c == QUOTE) { // "" inside a quoted field: one quote of text
                    held.append(c);
                    state = State.QUOTED;
                } else {
                    state = State.CLOSED;
                    closed(c, lineBreak);
                }
            }
            case CLOSED -> closed(c, lineBreak);
            case TAIL -> {
                if (c == delimiter || lineBreak) {
                    passOnRewritten();
                    out.append(c);
                    endField(c);
                } else if (c == QUOTE) {
                    throw ambiguous(RejectReason.QUOTE_AFTER_TAIL);
                } else {
                    held.append(c);
                    if (held.length() > maxQuotedChars) {
                        throw new SyntaxError(heldLine, RejectReason.FIELD_RUNS_ON.text(field, heldLine, maxQuotedChars));
                    }
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
        if (newLine) {
            line++;
        }
    }

    /** After a quoted field's closing quote: only spaces may come before the delimiter or line end. */
    private void closed(char c, boolean lineBreak) throws SyntaxError {
        if (c == delimiter || lineBreak) {
            out.append(held);
            out.append(c);
            endField(c);
        } else if (Character.isWhitespace(c)) {
            held.append(c);
        } else if (heldSpansLines || heldHoldsDelimiter) {
            throw ambiguous(heldSpansLines ? RejectReason.TEXT_AFTER_QUOTE_LATER : RejectReason.TEXT_AFTER_QUOTE_DELIMITER);
        } else {
            held.append(c);
            state = State.TAIL;
        }
    }

    private SyntaxError ambiguous(RejectReason what) {
        return new SyntaxError(heldLine, RejectReason.AMBIGUOUS_QUOTE.text(field, heldLine, what.text()));
    }

    /** Passes the held field on as a quoted field whose text is the field verbatim. */
    private void passOnRewritten() {
        int end = held.length();
        while (end > 0 && Character.isWhitespace(held.charAt(end - 1))) {
            end--;
        }
        out.append('"');
        for (int i = 0; i < end; i++) {
            char h = held.charAt(i);
            if (h == QUOTE) {
                out.append('"');
            }
            out.append(h);
        }
        out.append('"');
        strayQuotes.add(new StrayQuote(heldLine, field, true));
        anyRewritten = true;
    }

    /** A quote in an unquoted field: the parser keeps it as text; noticed once per field. */
    private void stray(long at) {
        if (!strayInUnquoted) {
            strayInUnquoted = true;
            strayQuotes.add(new StrayQuote(at, field, false));
        }
    }

    /** An unquoted field ends: {@code ="…} never closed is no Excel text, and its quote is stray. */
    private void endExcelText() {
        if (excelText == ExcelText.OPEN) {
            stray(excelLine);
        }
        excelText = ExcelText.NO;
    }

    private void endField(char c) {
        state = State.FIELD_START;
        if (c == delimiter) {
            field++;
        } else {
            field = 1;
        }
    }

    private void endOfInput() throws SyntaxError {
        if (state == State.UNQUOTED) {
            endExcelText();
        }
        switch (state) {
            // A file that ends mid-line inside the field was more likely cut off than written so.
            case QUOTED -> throw new SyntaxError(heldLine, lastWasLineBreak || line == 1
                    ? RejectReason.QUOTE_NEVER_CLOSED.text(heldLine) : RejectReason.QUOTE_NEVER_CLOSED_CUT_OFF.text(heldLine));
            case QUOTE_IN_QUOTED, CLOSED -> out.append(held);
            case TAIL -> passOnRewritten();
            default -> {
            }
        }
        state = State.FIELD_START;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
