package org.budgetmonitor.planimport;

import java.util.List;

/**
 * The budget document reduced to what matters for its tables, whatever its file format: titles
 * (paragraphs outside tables) and table rows of cells, each with the line it starts on.
 */
public sealed interface DocumentBlock {

    long line();

    record Title(String text, long line) implements DocumentBlock {
    }

    record Row(List<String> cells, long line) implements DocumentBlock {

        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }

        public boolean startsEmpty() {
            return cells.isEmpty() || cells.get(0).isBlank();
        }
    }
}
