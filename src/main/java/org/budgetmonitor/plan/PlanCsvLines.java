package org.budgetmonitor.plan;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.budgetmonitor.support.CsvFiles;
import org.budgetmonitor.support.HeaderMapping;

/**
 * A plan file (projects, indicators, adjustments) read line by line, the way all three are read: opened in its
 * encoding, its header mapped to the columns it must have, each data line handed on with the line it starts on (a
 * quoted field may span lines), blank lines skipped. Whatever stops the reading is a problem naming the file and
 * the line.
 */
final class PlanCsvLines {

    /** The header as written and mapped to the file's columns. */
    record Header(List<String> names, HeaderMapping columns) {
    }

    /** What a reader does with the file's data lines, once it has seen the header. */
    interface Lines {
        void line(List<String> row, long line);
    }

    private PlanCsvLines() {
    }

    /**
     * @param emptyIsAProblem whether a file without even a header is a problem (projects.csv) or just no lines
     * @param lines what to do with the data lines, given the header
     * @return whether the file was read to its end (false: a problem says why it was not, or it was empty)
     */
    static boolean read(Path file, String name, Map<String, List<String>> aliases, List<String> required,
            boolean emptyIsAProblem, List<String> problems, Function<Header, Lines> lines) {
        long line = 1;
        try (Reader reader = PlanCsvReader.open(file, name, problems)) {
            if (reader == null) {
                return false;
            }
            CSVParser parser = CSVParser.parse(reader, CsvFiles.INPUT);
            var records = parser.iterator();
            if (!records.hasNext()) {
                if (emptyIsAProblem) {
                    problems.add(name + " is empty");
                }
                return false;
            }
            List<String> names = records.next().toList();
            HeaderMapping columns = HeaderMapping.of(names, aliases);
            List<String> missing = columns.missing(required);
            if (!missing.isEmpty()) {
                problems.add(name + ": missing column(s) " + missing + " in header " + names);
                return false;
            }
            Lines handler = lines.apply(new Header(names, columns));
            line = parser.getCurrentLineNumber();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long startLine = line + 1;
                line = parser.getCurrentLineNumber();
                if (!CsvFiles.isBlank(record)) {
                    handler.line(record.toList(), startLine);
                }
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            problems.add(name + " line " + (line + 1) + ": cannot be read as CSV: " + e.getMessage());
            return false;
        }
    }
}
