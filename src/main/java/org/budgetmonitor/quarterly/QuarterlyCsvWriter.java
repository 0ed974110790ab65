package org.budgetmonitor.quarterly;

import java.io.IOException;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.support.CsvFiles;
import org.budgetmonitor.variance.VarianceCsvWriter;
import org.budgetmonitor.variance.VarianceRow;

/**
 * {@code quarterly-<as-of>.csv}: the nightly variance columns for the date (flag and reasons as the
 * review issued them, i.e. with PROJECTED_OVER_BUDGET), then the review's own, in the same number
 * format (2 decimals HALF_UP, 万元 and percent), UTF-8 with BOM.
 */
public class QuarterlyCsvWriter {

    public static final List<String> EXTRA_COLUMNS = List.of("time_progress_pct", "projected_year_end_wan",
            "required_monthly_wan", "prev_quarter_actual_wan", "focus", "needs_explanation", "time_progress_gap_pp");

    /** @param focusThreshold the 重点监控 unspent threshold for YELLOW projects, as on the report */
    public void write(Path file, QuarterlyReview review, Money focusThreshold) throws IOException {
        List<String> header = new ArrayList<>(VarianceCsvWriter.COLUMNS);
        header.addAll(EXTRA_COLUMNS);
        header.add(VarianceCsvWriter.ORIGINAL_BUDGET_COLUMN);
        CsvFiles.write(file, printer -> {
            printer.printRecord(header);
            for (QuarterlyRow row : review.rows()) {
                List<String> cells = new ArrayList<>(VarianceCsvWriter.values(row.variance()));
                cells.add(row.timeProgressPct().setScale(2, RoundingMode.HALF_UP).toPlainString());
                cells.add(wan(row.projectedYearEnd()));
                cells.add(row.requiredMonthly() == null ? "" : wan(row.requiredMonthly()));
                cells.add(wan(row.previousQuarterActual()));
                cells.add(Boolean.toString(row.focus(focusThreshold)));
                cells.add(Boolean.toString(row.needsExplanation()));
                cells.add(row.timeProgressGapPp() == null ? ""
                        : row.timeProgressGapPp().setScale(2, RoundingMode.HALF_UP).toPlainString());
                cells.add(VarianceCsvWriter.originalBudget(row.variance()));
                printer.printRecord(cells);
            }
        });
    }

    public static final List<String> INDICATOR_COLUMNS = List.of("project_code", "level1", "level2", "level3",
            "target", "value_to_date", "expected_full_year", "status", "likelihood", "cause_category", "cause", "measure",
            "note", "project_name", "unit_code", "value_date");

    /**
     * The indicators of the review (双监控), one line each; {@code value_date} is the date the value
     * was reported (the review date for a value taken from the spending), empty without a value.
     */
    public void writeIndicators(Path file, QuarterlyReview review) throws IOException {
        Map<String, VarianceRow> projects = new HashMap<>();
        review.rows().forEach(r -> projects.put(r.variance().projectCode(), r.variance()));
        CsvFiles.write(file, printer -> {
            printer.printRecord(INDICATOR_COLUMNS);
            for (IndicatorReview i : review.indicators()) {
                VarianceRow project = projects.get(i.projectCode());
                // Every cell is text typed by officers (plans, progress files): never a formula in Excel.
                printer.printRecord(Stream.of(i.projectCode(), i.level1(), i.level2(), i.level3(), i.target(),
                        i.valueToDate(), i.expectedFullYear(), i.status().chinese(),
                        i.likelihood() == null ? "" : i.likelihood().chinese(), i.causeCategory(), i.cause(), i.measure(),
                        i.note(), project == null ? "" : project.projectName(), project == null ? "" : project.unitCode(),
                        i.valueDate() == null ? "" : i.valueDate().toString()).map(CsvFiles::text).toList());
            }
        });
    }

    private static String wan(Money money) {
        return money.wanForDisplay().toPlainString();
    }
}
