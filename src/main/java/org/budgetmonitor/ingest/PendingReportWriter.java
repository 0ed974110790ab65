package org.budgetmonitor.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.budgetmonitor.support.CsvFiles;

/** Lists the requested payments the bank has not confirmed yet: not counted as spending. */
public class PendingReportWriter {

    public static final List<String> COLUMNS = List.of("request_date", "project_code", "amount_yuan", "voucher_no",
            "payee", "summary", "file", "line");

    public void write(Path file, List<DisbursementRepository.PendingRow> rows) throws IOException {
        CsvFiles.write(file, printer -> {
            printer.printRecord(COLUMNS);
            for (var row : rows) {
                // Text cells hold export text (never a formula in Excel); the amount stays a number.
                printer.printRecord(row.requestDate(), CsvFiles.text(row.projectCode()), row.amountYuan().toPlainString(),
                        CsvFiles.text(row.voucherNo()), CsvFiles.text(row.payee()), CsvFiles.text(row.summary()),
                        CsvFiles.text(row.file()), row.line());
            }
        });
    }
}
