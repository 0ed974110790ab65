package org.budgetmonitor.planimport;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.budgetmonitor.plan.PlanCsvReader;
import org.budgetmonitor.support.CsvFiles;
import org.budgetmonitor.support.TextEncoding;

/**
 * Writes imported projects into a plan directory's {@code projects.csv} and {@code indicators.csv},
 * merging with what is there: a project already present (same fiscal year and code) is replaced,
 * with its indicators, never duplicated; everything else is kept as it was.
 */
public class PlanCsvMerger {

    static final List<String> PROJECT_COLUMNS = List.of("fiscal_year", "unit_code", "unit_name", "project_code",
            "project_name", "budget_wan", "fiscal_funds_wan", "other_funds_wan", "purpose", "goal", "plan_unit");
    static final List<String> INDICATOR_COLUMNS = List.of("project_code", "level1", "level2", "level3", "description",
            "target", "basis");

    public void merge(Path planDir, int fiscalYear, List<ImportedProject> projects) throws IOException {
        Files.createDirectories(planDir);
        Path projectsFile = planDir.resolve(PlanCsvReader.PROJECTS_FILE);
        Path indicatorsFile = planDir.resolve(PlanCsvReader.INDICATORS_FILE);
        List<Map<String, String>> projectRows = read(projectsFile);
        List<Map<String, String>> indicatorRows = read(indicatorsFile);

        Set<String> imported = projects.stream().map(ImportedProject::code).collect(Collectors.toSet());
        projectRows.removeIf(r -> r.getOrDefault("fiscal_year", "").equals(String.valueOf(fiscalYear))
                && imported.contains(r.get("project_code")));
        indicatorRows.removeIf(r -> imported.contains(r.get("project_code")));
        for (ImportedProject p : projects) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("fiscal_year", String.valueOf(fiscalYear));
            row.put("unit_code", p.unitCode());
            row.put("unit_name", p.unitName());
            row.put("project_code", p.code());
            row.put("project_name", p.name());
            row.put("budget_wan", plain(p.budgetWan()));
            row.put("fiscal_funds_wan", plain(p.fiscalWan()));
            row.put("other_funds_wan", p.otherWan().signum() == 0 ? "" : plain(p.otherWan()));
            row.put("purpose", p.purpose());
            row.put("goal", p.goal());
            row.put("plan_unit", "AUTO");
            p.plan().forEach((day, figure) -> row.put(column(day), plain(figure)));
            projectRows.add(row);
            for (ImportedProject.Indicator i : p.indicators()) {
                Map<String, String> indicator = new LinkedHashMap<>();
                indicator.put("project_code", p.code());
                indicator.put("level1", i.level1());
                indicator.put("level2", i.level2());
                indicator.put("level3", i.level3());
                indicator.put("description", i.description());
                indicator.put("target", i.target());
                indicator.put("basis", i.basis());
                indicatorRows.add(indicator);
            }
        }
        // Checkpoint columns: every plan_MM-DD in use, in calendar order.
        Set<MonthDay> days = new TreeSet<>();
        for (Map<String, String> row : projectRows) {
            row.keySet().stream().filter(k -> k.startsWith("plan_") && k.length() == 10)
                    .forEach(k -> days.add(MonthDay.parse("--" + k.substring(5))));
        }
        List<String> projectHeader = new ArrayList<>(PROJECT_COLUMNS);
        days.forEach(d -> projectHeader.add(column(d)));
        write(projectsFile, projectHeader, projectRows);
        write(indicatorsFile, INDICATOR_COLUMNS, indicatorRows);
    }

    private static String column(MonthDay day) {
        return String.format("plan_%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
    }

    private static String plain(BigDecimal value) {
        return value.setScale(Math.max(2, value.stripTrailingZeros().scale())).toPlainString();
    }

    /** Existing rows keyed by their canonical (English) column names, Chinese headers included. */
    private static List<Map<String, String>> read(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        // Read in the encoding the plan reader accepts (UTF-8 or GBK); written back as UTF-8.
        try (var reader = TextEncoding.open(file); var parser = CSVParser.parse(reader, CsvFiles.INPUT)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                return rows;
            }
            List<String> header = records.next().toList().stream().map(PlanCsvMerger::canonical).toList();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (CsvFiles.isBlank(record)) {
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    row.put(header.get(i), record.get(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String canonical(String header) {
        String h = header.replace(String.valueOf(CsvFiles.BOM), "").strip();
        for (var aliases : List.of(PlanCsvReader.PROJECT_COLUMNS_ALIASES, PlanCsvReader.INDICATOR_COLUMNS_ALIASES)) {
            for (var entry : aliases.entrySet()) {
                if (entry.getValue().stream().anyMatch(a -> a.equalsIgnoreCase(h))) {
                    return entry.getKey();
                }
            }
        }
        return h.toLowerCase();
    }

    private static void write(Path file, List<String> header, List<Map<String, String>> rows) throws IOException {
        CsvFiles.write(file, printer -> {
            printer.printRecord(header);
            for (Map<String, String> row : rows) {
                List<String> cells = new ArrayList<>();
                header.forEach(h -> cells.add(row.getOrDefault(h, "")));
                printer.printRecord(cells);
            }
        });
    }
}
