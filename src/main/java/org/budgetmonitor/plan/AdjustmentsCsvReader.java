package org.budgetmonitor.plan;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.budgetmonitor.money.Amounts;
import org.budgetmonitor.money.Money;
import org.budgetmonitor.support.HeaderMapping;
import org.budgetmonitor.support.ProjectCode;

/**
 * Reads {@code adjustments.csv} of the plan directory, line by line. What a line says on its own is
 * checked here (dates, numbers, the funds adding up, revised checkpoints after the effective date);
 * what it means for the plan (the project exists, the budget stays ≥ 0, the revised plan ends at the
 * new budget) is checked by {@link PlanTimeline}. Problems name file, line and project.
 */
public class AdjustmentsCsvReader {

    public static final String FILE = "adjustments.csv";


    static final Map<String, List<String>> COLUMNS = columns(
            "project_code", "项目编码",
            "effective_date", "生效日期",
            "budget_change_wan", "调整金额",
            "document_no", "文号",
            "reason", "调整原因",
            "fiscal_change_wan", "财政资金调整",
            "other_change_wan", "其他资金调整");

    private static final List<String> REQUIRED = List.of("project_code", "effective_date", "budget_change_wan",
            "document_no", "reason");

    /** The lines of the file in file order; an absent file is no adjustment. */
    public List<Adjustment> read(Path planDir, List<String> problems) {
        Path file = planDir.resolve(FILE);
        List<Adjustment> adjustments = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return adjustments;
        }
        PlanCsvLines.read(file, FILE, COLUMNS, REQUIRED, false, problems, header -> {
            Map<Integer, String> checkpointColumns = PlanCsvReader.checkpointColumns(header.names());
            return (row, line) -> {
                String code = ProjectCode.normalise(header.columns().value(row, "project_code"));
                try {
                    adjustments.add(toAdjustment(row, header.columns(), checkpointColumns, code, line));
                } catch (IllegalArgumentException | DateTimeException e) {
                    problems.add(where(line, code) + ": " + e.getMessage());
                }
            };
        });
        return adjustments;
    }

    /** "adjustments.csv line 3, project P1": how every problem of a line begins. */
    static String where(long line, String code) {
        return FILE + " line " + line + ", project " + (code.isEmpty() ? "(no code)" : code);
    }

    private static Adjustment toAdjustment(List<String> row, HeaderMapping columns, Map<Integer, String> checkpointColumns,
            String code, long line) {
        if (code.isEmpty()) {
            throw new IllegalArgumentException("project_code is empty");
        }
        String dateText = columns.value(row, "effective_date").strip();
        LocalDate effective;
        try {
            effective = LocalDate.parse(dateText);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("effective_date '" + dateText + "' is not a date like 2026-07-01");
        }
        BigDecimal change = number(columns.value(row, "budget_change_wan"), "budget_change_wan");
        String fiscalText = columns.value(row, "fiscal_change_wan");
        String otherText = columns.value(row, "other_change_wan");
        BigDecimal other = otherText.isBlank() ? BigDecimal.ZERO : number(otherText, "other_change_wan");
        // Without a split the change is all fiscal funds (财政资金), as a plan without one is.
        BigDecimal fiscal = fiscalText.isBlank() ? change.subtract(other) : number(fiscalText, "fiscal_change_wan");
        if (fiscal.add(other).compareTo(change) != 0) {
            throw new IllegalArgumentException("fiscal_change_wan " + fiscal.toPlainString() + " + other_change_wan "
                    + other.toPlainString() + " ≠ budget_change_wan " + change.toPlainString());
        }
        String document = columns.value(row, "document_no").strip();
        if (document.isEmpty()) {
            throw new IllegalArgumentException("document_no (文号) is empty");
        }
        String reason = columns.value(row, "reason").strip();
        if (reason.isEmpty()) {
            throw new IllegalArgumentException("reason (调整原因) is empty");
        }
        TreeMap<LocalDate, BigDecimal> plan = new TreeMap<>();
        for (var column : checkpointColumns.entrySet()) {
            String cell = column.getKey() < row.size() ? row.get(column.getKey()).strip() : "";
            if (cell.isEmpty()) {
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(effective.getYear() + "-" + column.getValue());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("plan_" + column.getValue() + " is not a date in " + effective.getYear());
            }
            if (!date.isAfter(effective)) {
                throw new IllegalArgumentException("plan_" + column.getValue() + " is not after the effective date "
                        + effective + ": a revised plan gives the checkpoints from that date on");
            }
            BigDecimal value = number(cell, "plan_" + column.getValue());
            if (value.signum() < 0) {
                throw new IllegalArgumentException("plan_" + column.getValue() + " is negative");
            }
            plan.put(date, value);
        }
        return new Adjustment(code, effective, Money.ofWan(change), Money.ofWan(fiscal), Money.ofWan(other),
                document, reason, plan, line);
    }

    private static BigDecimal number(String text, String field) {
        String cell = text.strip();
        // A signed change is written "+10" as often as "10".
        if (cell.startsWith("+")) {
            cell = cell.substring(1);
        }
        try {
            return Amounts.parse(cell);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    private static Map<String, List<String>> columns(String... namesAndAliases) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndAliases.length; i += 2) {
            map.put(namesAndAliases[i], List.of(namesAndAliases[i], namesAndAliases[i + 1]));
        }
        return map;
    }
}
