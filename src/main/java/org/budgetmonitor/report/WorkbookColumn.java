package org.budgetmonitor.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;

/**
 * A column of the workbook's project sheet: its heading (a bundle key), width, kind of cell, the
 * value of a project row and what a subtotal row shows. A new column is one entry in
 * {@link #PROJECT_COLUMNS}; the sheet, its filter, print area and subtotals follow the list.
 *
 * @param width in characters
 * @param total what a subtotal row shows in the column; null: nothing
 * @param value the project row's cell: a {@code BigDecimal} for figures, a {@code LocalDate} for
 *        dates, an {@code Integer} for whole numbers, otherwise text; null leaves the cell empty
 */
record WorkbookColumn(String key, int width, Kind kind, Function<Cells, Object> value, Total total) {

    enum Kind {
        TEXT, WHOLE, AMOUNT, DATE, /** text in the flag's colour */ FLAG
    }

    /** What a project row's cells are made from: the printed row and its reasons in words. */
    record Cells(ReportRow row, String flag, String reasons, String rowType) {
    }

    /** A subtotal row's cell: a formula and the value it has (kept in the file for readers that do not calculate). */
    record Formula(String text, BigDecimal value) {
    }

    /** The cells of one subtotal row as formulas see them: the summed range and the row's own cells. */
    interface Subtotal {

        /** The range of project rows the subtotal covers in column {@code key}, e.g. {@code D2:D40}. */
        String range(String key);

        /** The subtotal row's cell in column {@code key}, e.g. {@code H41}. */
        String cell(String key);

        /** The value of the subtotal row's cell in column {@code key} (its sum), exact. */
        BigDecimal value(String key);
    }

    /** What a subtotal row shows in a column: nothing, the sum, or a figure derived from the sums. */
    interface Total {

        /** Marks the summed columns; the workbook writes {@code SUBTOTAL(9, range)} for them. */
        Total SUM = sums -> null;

        /** The cell's formula, or null to leave it empty; {@code sums} are the row's summed columns. */
        Formula of(Subtotal sums);

        /**
         * {@code SUBTOTAL(9, …)}: the sum of the rows the filter shows, leaving out other subtotals in
         * the range, so a 合计 over unit subtotals counts each project once.
         */
        static Total sum() {
            return SUM;
        }

        /** One summed column less another, of the subtotal row's own cells (so it follows the filter). */
        static Total difference(String minuend, String subtrahend) {
            return sums -> new Formula(sums.cell(minuend) + "-" + sums.cell(subtrahend),
                    sums.value(minuend).subtract(sums.value(subtrahend)));
        }

        /** A rate in % of two summed columns, 2 dp, as the project rows' rates are computed. */
        static Total rate(String numerator, String denominator) {
            return sums -> rateOf(sums, numerator, denominator);
        }

        /**
         * The gap in percentage points, (numerator − reference) ÷ denominator × 100 of the summed
         * columns, rounded once as a project row's gap is; not the difference of two rounded rates,
         * which can be 0.01 off.
         */
        static Total gap(String numerator, String reference, String denominator) {
            return sums -> {
                String difference = "(" + sums.cell(numerator) + "-" + sums.cell(reference) + ")";
                return percent(difference, sums.cell(denominator),
                        sums.value(numerator).subtract(sums.value(reference)), sums.value(denominator));
            };
        }

        private static Formula rateOf(Subtotal sums, String numerator, String denominator) {
            return percent(sums.cell(numerator), sums.cell(denominator), sums.value(numerator),
                    sums.value(denominator));
        }

        /** {@code part} in % of {@code whole}, 2 dp, HALF_UP; empty when the whole is 0. */
        private static Formula percent(String part, String whole, BigDecimal partValue, BigDecimal wholeValue) {
            String text = "ROUND(" + part + "/" + whole + "*100,2)";
            if (wholeValue.signum() == 0) {
                return new Formula("IF(" + whole + "=0,\"\"," + text + ")", null);
            }
            return new Formula(text, partValue.multiply(BigDecimal.valueOf(100)).divide(wholeValue, 2,
                    RoundingMode.HALF_UP));
        }
    }

    boolean summed() {
        return total == Total.SUM;
    }

    static final String NO = "col.no";
    static final String CODE = "col.code";
    static final String NAME = "col.name";
    static final String BUDGET = "col.budget";
    static final String EXPECTED = "col.expected";
    static final String ACTUAL = "col.actual";
    static final String ROW_TYPE = "xlsx.col.rowType";
    static final String UNIT_CODE = "col.unitCode";
    static final String UNIT_NAME = "col.unitName";
    static final String ORIGINAL_BUDGET = "xlsx.col.originalBudget";

    /** The project sheet, left to right. */
    static final List<WorkbookColumn> PROJECT_COLUMNS = List.of(
            new WorkbookColumn(NO, 6, Kind.WHOLE, c -> c.row().no(), null),
            new WorkbookColumn(CODE, 24, Kind.TEXT, c -> c.row().code(), null),
            new WorkbookColumn(NAME, 34, Kind.TEXT, c -> c.row().name(), null),
            new WorkbookColumn(BUDGET, 12, Kind.AMOUNT, c -> c.row().budgetWan(), Total.sum()),
            new WorkbookColumn("col.cpDate", 12, Kind.DATE, c -> c.row().checkpointDate(), null),
            new WorkbookColumn("col.cpPlan", 12, Kind.AMOUNT, c -> c.row().checkpointPlanWan(), null),
            new WorkbookColumn(EXPECTED, 12, Kind.AMOUNT, c -> c.row().expectedWan(), Total.sum()),
            new WorkbookColumn(ACTUAL, 12, Kind.AMOUNT, c -> c.row().actualWan(), Total.sum()),
            new WorkbookColumn("col.rate", 10, Kind.AMOUNT, c -> c.row().ratePct(), Total.rate(ACTUAL, BUDGET)),
            new WorkbookColumn("col.gap", 11, Kind.AMOUNT, c -> c.row().gapPp(), Total.gap(ACTUAL, EXPECTED, BUDGET)),
            new WorkbookColumn("col.timeGap", 11, Kind.AMOUNT, c -> c.row().timeProgressGapPp(), null),
            // A project's balance is never below 0; a subtotal's is its own budget − actual (net of any overspend).
            new WorkbookColumn("col.balance", 12, Kind.AMOUNT, c -> c.row().balanceWan(), Total.difference(BUDGET, ACTUAL)),
            new WorkbookColumn("xlsx.col.overBudget", 12, Kind.AMOUNT, c -> c.row().overBudgetWan(), Total.sum()),
            new WorkbookColumn("xlsx.col.flag", 8, Kind.FLAG, Cells::flag, null),
            new WorkbookColumn("xlsx.col.reasons", 26, Kind.TEXT, Cells::reasons, null),
            new WorkbookColumn(UNIT_CODE, 10, Kind.TEXT, c -> c.row().unitCode(), null),
            new WorkbookColumn(UNIT_NAME, 30, Kind.TEXT, c -> c.row().unitName(), null),
            new WorkbookColumn(ROW_TYPE, 9, Kind.TEXT, Cells::rowType, null),
            // Issue 16, after the columns officers' filters already know: 年初预算 beside the budget in force.
            new WorkbookColumn(ORIGINAL_BUDGET, 12, Kind.AMOUNT, c -> c.row().originalBudgetWan(), Total.sum()));
}
