package org.budgetmonitor.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.budgetmonitor.support.CsvFiles;

/** Writes the rejected lines of a run: file, line, reason and the line as it was read. */
public class RejectReportWriter {

    public static final List<String> COLUMNS = List.of("file", "line", "reason", "raw_line");

    public void write(Path file, List<IngestLine.Rejected> rows) throws IOException {
        CsvFiles.write(file, printer -> {
            printer.printRecord(COLUMNS);
            for (IngestLine.Rejected row : rows) {
                // file, reason and raw_line hold export text: never a formula in Excel.
                printer.printRecord(CsvFiles.text(row.file()), row.line(), CsvFiles.text(row.reason()),
                        CsvFiles.text(row.rawLine()));
            }
        });
    }
}
