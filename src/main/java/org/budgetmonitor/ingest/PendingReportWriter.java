package org.budgetmonitor.ingest;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.budgetmonitor.support.AtomicFiles;
import org.budgetmonitor.support.CsvFiles;

/** Lists the requested payments the bank has not confirmed yet: not counted as spending. */
public class PendingReportWriter {

    public static final List<String> COLUMNS = List.of("request_date", "project_code", "amount_yuan", "voucher_no",
            "payee", "summary", "file", "line");

    public void write(Path file, List<DisbursementRepository.PendingRow> rows) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(CsvFiles.BOM);
            CSVPrinter printer = new CSVPrinter(writer, CsvFiles.OUTPUT);
            printer.printRecord(COLUMNS);
            for (var row : rows) {
                // Text cells hold export text (never a formula in Excel); the amount stays a number.
                printer.printRecord(row.requestDate(), CsvFiles.text(row.projectCode()), row.amountYuan().toPlainString(),
                        CsvFiles.text(row.voucherNo()), CsvFiles.text(row.payee()), CsvFiles.text(row.summary()),
                        CsvFiles.text(row.file()), row.line());
            }
            printer.flush();
        });
    }
}
