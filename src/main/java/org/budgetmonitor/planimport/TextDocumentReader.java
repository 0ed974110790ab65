package org.budgetmonitor.planimport;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the plain-text form Word gives a budget document: a table cell is a line that starts
 * with a tab, a blank line ends a table row, and a line without a tab is a title — or, right
 * after a cell, the continuation of that cell's text. Bookmarks such as {@code [bookmark: _Toc…]}
 * are dropped.
 */
public class TextDocumentReader {

    public List<DocumentBlock> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = decode(bytes);
        List<DocumentBlock> blocks = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        long rowLine = 0;
        long lineNo = 0;
        boolean lastWasCell = false;
        for (String raw : text.split("\r?\n", -1)) {
            lineNo++;
            String line = raw.replaceAll("\\[bookmark: [^\\]]*\\]", "").replace("\uFEFF", "");
            if (line.startsWith("\t")) {
                if (cells.isEmpty()) {
                    rowLine = lineNo;
                }
                cells.add(line.substring(1).strip());
                lastWasCell = true;
            } else if (line.isBlank()) {
                if (!cells.isEmpty()) {
                    blocks.add(new DocumentBlock.Row(cells, rowLine));
                    cells = new ArrayList<>();
                }
                lastWasCell = false;
            } else if (lastWasCell) {
                // A cell's text that Word wrapped onto a line of its own.
                int last = cells.size() - 1;
                cells.set(last, cells.get(last) + line.strip());
            } else {
                blocks.add(new DocumentBlock.Title(line.strip(), lineNo));
            }
        }
        if (!cells.isEmpty()) {
            blocks.add(new DocumentBlock.Row(cells, rowLine));
        }
        return blocks;
    }

    /** UTF-8 when it is valid UTF-8, otherwise GB18030 (a text export from Chinese Windows). */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }
}
