package org.budgetmonitor.planimport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads a budget document in Word's .docx format (Apache POI). Paragraphs become titles and table
 * rows become rows of cell texts; "line" numbers count body elements and rows, as Word has no lines.
 */
public class DocxDocumentReader {

    public List<DocumentBlock> read(Path file) throws IOException {
        List<DocumentBlock> blocks = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); XWPFDocument document = new XWPFDocument(in)) {
            long position = 0;
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    position++;
                    String text = paragraph.getText().strip();
                    if (!text.isEmpty()) {
                        blocks.add(new DocumentBlock.Title(text, position));
                    }
                } else if (element instanceof XWPFTable table) {
                    for (XWPFTableRow row : table.getRows()) {
                        position++;
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            // Paragraphs of one cell are one text, as in the plain-text export.
                            cells.add(cell.getText().replace("\n", "").strip());
                        }
                        blocks.add(new DocumentBlock.Row(cells, position));
                    }
                }
            }
        }
        return blocks;
    }
}
