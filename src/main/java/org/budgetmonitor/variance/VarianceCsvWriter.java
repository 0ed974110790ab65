package org.budgetmonitor.variance;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.support.CsvFiles;

/**
 * Writes the variance CSV of the output contract: UTF-8 with BOM, money in 万元 and rates in
 * percent, 2 decimals HALF_UP, dot decimal separator, no grouping, ISO dates.
 */
public class VarianceCsvWriter {

    public static final List<String> COLUMNS = List.of("project_code", "project_name", "unit_code", "budget_wan",
            "checkpoint_date", "checkpoint_plan_wan", "expected_wan", "actual_wan", "execution_rate_pct", "gap_pp",
            "flag", "reasons");

    /**
     * Columns of the nightly CSV after {@link #COLUMNS} (issue 14), in this order: what an over-budget
     * project has overspent, 序时进度, the execution rate against it, and the unspent balance. Not part of
     * {@link #values}, which the quarterly CSV extends with its own columns.
     */
    public static final List<String> NIGHTLY_COLUMNS = List.of("over_budget_wan", "time_progress_pct",
            "time_progress_gap_pp", "balance_wan");

    /**
     * The last column (issue 16): the original budget (年初预算) beside {@code budget_wan}, the budget in
     * force on the date (调整后预算); the two are equal for a project never adjusted. The quarterly CSV
     * ends with it too. Empty for an unplanned code.
     */
    public static final String ORIGINAL_BUDGET_COLUMN = "original_budget_wan";

    /** The nightly CSV's {@code flag} of an unplanned code (its reasons stay {@code UNPLANNED}). */
    public static final String UNPLANNED_FLAG = "UNPLANNED";


    public void write(Path file, List<VarianceRow> rows) throws IOException {
        CsvFiles.write(file, printer -> {
            List<String> header = new ArrayList<>(COLUMNS);
            header.addAll(NIGHTLY_COLUMNS);
            header.add(ORIGINAL_BUDGET_COLUMN);
            printer.printRecord(header);
            for (VarianceRow row : rows) {
                List<String> cells = new ArrayList<>(values(row));
                cells.addAll(nightlyValues(row));
                cells.add(originalBudget(row));
                printer.printRecord(cells);
            }
        });
    }

    /**
     * The row's cells as the contract formats them; also used by other CSV outputs that extend it.
     * Text cells (code, name, unit) come from plans and exports and are never a formula in Excel
     * ({@link CsvFiles#text}); figures are written as they are, so a negative one stays a number.
     * An unplanned code's flag is {@link #UNPLANNED_FLAG} in every CSV (nightly and quarterly): it is counted
     * apart from the RED projects, as the reports and the summary count it, so a reader counting flag=RED
     * rows gets the report's 红色预警 figure.
     */
    public static List<String> values(VarianceRow row) {
        String reasons = String.join(";", row.reasons().stream().map(Enum::name).toList());
        if (!row.planned()) {
            return List.of(CsvFiles.text(row.projectCode()), "", "", "", "", "", "", wan(row.actual()), "", "",
                    UNPLANNED_FLAG, reasons);
        }
        return List.of(CsvFiles.text(row.projectCode()), CsvFiles.text(row.projectName()), CsvFiles.text(row.unitCode()),
                wan(row.budget()),
                row.checkpointDate() == null ? "" : row.checkpointDate().toString(), wan(row.checkpointPlan()),
                wan(Money.ofYuan(row.expectedYuan())), wan(row.actual()), twoDecimals(row.executionRatePct()),
                twoDecimals(row.gapPp()), row.flag().name(), reasons);
    }

    /** The {@link #NIGHTLY_COLUMNS} of a row; empty for an unplanned code (no budget, no plan). */
    public static List<String> nightlyValues(VarianceRow row) {
        if (!row.planned()) {
            return List.of("", "", "", "");
        }
        return List.of(twoDecimals(row.overBudgetWanForDisplay()), twoDecimals(row.timeProgressPct()),
                twoDecimals(row.timeProgressGapPp()), twoDecimals(row.balanceWanForDisplay()));
    }

    /** The {@link #ORIGINAL_BUDGET_COLUMN} of a row. */
    public static String originalBudget(VarianceRow row) {
        return row.planned() ? wan(row.originalBudget()) : "";
    }

    static String wan(Money money) {
        return money == null ? "" : money.wanForDisplay().toPlainString();
    }

    static String twoDecimals(BigDecimal value) {
        return value == null ? "" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
