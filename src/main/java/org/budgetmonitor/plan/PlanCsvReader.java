package org.budgetmonitor.plan;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.budgetmonitor.money.Amounts;
import org.budgetmonitor.money.Money;
import org.budgetmonitor.support.CsvFiles;
import org.budgetmonitor.support.HeaderMapping;
import org.budgetmonitor.support.ProjectCode;
import org.budgetmonitor.support.TextEncoding;

/**
 * Reads {@code projects.csv} and {@code indicators.csv} from a plan directory and validates them.
 * Every problem is collected, each naming the file, line and project, and reported together.
 * The files may be UTF-8 or GBK/GB18030, decided as for the payment exports ({@link TextEncoding}).
 */
public class PlanCsvReader {

    public static final String PROJECTS_FILE = "projects.csv";
    public static final String INDICATORS_FILE = "indicators.csv";

    private static final Pattern CHECKPOINT_COLUMN = Pattern.compile("(?i)plan_(\\d{2})-(\\d{2})");

    public static final Map<String, List<String>> PROJECT_COLUMNS_ALIASES = columns(
            "fiscal_year", "年度",
            "unit_code", "单位编码",
            "unit_name", "单位名称",
            "project_code", "项目编码",
            "project_name", "项目名称",
            "budget_wan", "预算数",
            "fiscal_funds_wan", "财政资金",
            "other_funds_wan", "其他资金",
            "purpose", "资金用途",
            "goal", "绩效目标",
            "plan_unit", "计划单位");

    public static final Map<String, List<String>> INDICATOR_COLUMNS_ALIASES = columns(
            "project_code", "项目编码",
            "level1", "一级指标",
            "level2", "二级指标",
            "level3", "三级指标",
            "description", "绩效指标描述",
            "target", "指标值",
            "basis", "指标值确定依据");

    private static final List<String> REQUIRED_PROJECT_COLUMNS =
            List.of("fiscal_year", "unit_code", "unit_name", "project_code", "project_name", "budget_wan");
    private static final List<String> REQUIRED_INDICATOR_COLUMNS = List.of("project_code", "level3", "target");

    public Plan read(Path planDir) {
        List<String> problems = new ArrayList<>();
        Path projectsFile = planDir.resolve(PROJECTS_FILE);
        if (!Files.isRegularFile(projectsFile)) {
            throw new PlanValidationException(List.of("no " + PROJECTS_FILE + " in plan directory " + planDir.toAbsolutePath()));
        }
        ProjectsRead projects = readProjects(projectsFile, problems);
        List<Indicator> indicators = new ArrayList<>();
        Path indicatorsFile = planDir.resolve(INDICATORS_FILE);
        if (Files.isRegularFile(indicatorsFile)) {
            indicators = readIndicators(indicatorsFile, projects, problems);
        }
        if (!problems.isEmpty()) {
            throw new PlanValidationException(problems);
        }
        return new Plan(projects.valid(), indicators);
    }

    /**
     * What projects.csv holds: the valid projects, and the code of every project row, valid or not
     * (an indicator of a project whose row has an error is not "of no such project": that row's
     * error is the one problem). {@code complete} is false when the file could not be read through,
     * and then no indicator is said to be of an unknown project.
     */
    private record ProjectsRead(List<BudgetProject> valid, Set<String> codesInFile, boolean complete) {
    }

    /**
     * Opens a plan file in the encoding the payment exports are read by (UTF-8, else GBK/GB18030 as
     * Excel on Chinese Windows saves CSV), or adds why it cannot be and returns null.
     */
    static Reader open(Path file, String name, List<String> problems) throws IOException {
        TextEncoding.Verdict verdict = TextEncoding.decide(file);
        if (verdict instanceof TextEncoding.Decided decided) {
            return CsvFiles.open(file, decided.charset());
        }
        problems.add(name + " line " + TextEncoding.line(verdict) + ": the file " + TextEncoding.describe(verdict)
                + "; save it again as CSV UTF-8 (or as CSV from Chinese Excel, GBK) and rerun");
        return null;
    }

    private ProjectsRead readProjects(Path file, List<String> problems) {
        List<BudgetProject> projects = new ArrayList<>();
        Set<String> codesInFile = new HashSet<>();
        // fiscal year/code → the line it was first seen on, whether that row was valid or not
        Map<String, Long> firstSeen = new HashMap<>();
        boolean complete = PlanCsvLines.read(file, PROJECTS_FILE, PROJECT_COLUMNS_ALIASES, REQUIRED_PROJECT_COLUMNS,
                true, problems, header -> {
                    HeaderMapping columns = header.columns();
                    Map<Integer, String> checkpointColumns = checkpointColumns(header.names());
                    return (row, line) -> {
                        String code = ProjectCode.normalise(columns.value(row, "project_code"));
                        String where = PROJECTS_FILE + " line " + line + ", project " + (code.isEmpty() ? "(no code)" : code);
                        BudgetProject project = null;
                        try {
                            project = toProject(row, columns, checkpointColumns);
                        } catch (IllegalArgumentException | DateTimeException e) {
                            problems.add(where + ": " + e.getMessage());
                        }
                        if (code.isEmpty()) {
                            return; // its error says so; it cannot be a duplicate nor have indicators
                        }
                        codesInFile.add(code);
                        String year = columns.value(row, "fiscal_year").strip();
                        Long first = firstSeen.putIfAbsent(year + "/" + code, line);
                        if (first != null) {
                            problems.add(where + ": project code appears more than once for fiscal year " + year
                                    + " (first on line " + first + ")");
                        } else if (project != null) {
                            projects.add(project);
                        }
                    };
                });
        return new ProjectsRead(projects, codesInFile, complete);
    }

    /** Column index → "MM-DD" for every {@code plan_MM-DD} column, in header order. */
    static Map<Integer, String> checkpointColumns(List<String> header) {
        Map<Integer, String> result = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Matcher m = CHECKPOINT_COLUMN.matcher(header.get(i).strip().replace(String.valueOf(CsvFiles.BOM), ""));
            if (m.matches()) {
                result.put(i, m.group(1) + "-" + m.group(2));
            }
        }
        return result;
    }

    private static BudgetProject toProject(List<String> row, HeaderMapping columns, Map<Integer, String> checkpointColumns) {
        int year = parseYear(columns.value(row, "fiscal_year"));
        // In its normal form, as the payments are matched (case, full-width forms and spaces do not count).
        String code = ProjectCode.normalise(required(columns, row, "project_code"));
        String name = required(columns, row, "project_name");
        String unitCode = required(columns, row, "unit_code");
        String unitName = required(columns, row, "unit_name");
        BigDecimal budget = number(columns.value(row, "budget_wan"), "budget_wan");
        if (budget.signum() <= 0) {
            throw new IllegalArgumentException("budget must be > 0, is " + budget.toPlainString());
        }
        BigDecimal fiscal = optionalNumber(columns.value(row, "fiscal_funds_wan"), "fiscal_funds_wan");
        BigDecimal other = optionalNumber(columns.value(row, "other_funds_wan"), "other_funds_wan");
        if (!columns.has("fiscal_funds_wan") && !columns.has("other_funds_wan")) {
            fiscal = budget; // a plan without a funds split is all fiscal money
        }
        if (fiscal.add(other).compareTo(budget) != 0) {
            throw new IllegalArgumentException("fiscal funds " + fiscal.toPlainString() + " + other funds "
                    + other.toPlainString() + " ≠ budget " + budget.toPlainString());
        }

        TreeMap<LocalDate, BigDecimal> figures = new TreeMap<>();
        for (var column : checkpointColumns.entrySet()) {
            String cell = column.getKey() < row.size() ? row.get(column.getKey()).strip() : "";
            if (cell.isEmpty()) {
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(year + "-" + column.getValue());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("plan_" + column.getValue() + " is not a date in " + year);
            }
            BigDecimal value = number(cell, "plan_" + column.getValue());
            if (value.signum() < 0) {
                throw new IllegalArgumentException("plan_" + column.getValue() + " is negative");
            }
            figures.put(date, value);
        }
        BigDecimal previous = BigDecimal.ZERO;
        for (var entry : figures.entrySet()) {
            if (entry.getValue().compareTo(previous) < 0) {
                throw new IllegalArgumentException("checkpoints must be cumulative (non-decreasing): "
                        + entry.getKey() + " plans " + entry.getValue().toPlainString()
                        + ", less than the earlier " + previous.toPlainString());
            }
            previous = entry.getValue();
        }

        PlanUnit declared = parseUnit(columns.value(row, "plan_unit"));
        var resolution = PlanUnitResolver.resolve(declared, budget, List.copyOf(figures.values()));
        List<PlanCheckpoint> checkpoints = new ArrayList<>();
        for (var entry : figures.entrySet()) {
            BigDecimal wan = resolution.unit() == PlanUnit.PCT
                    ? budget.multiply(entry.getValue()).movePointLeft(2)
                    : entry.getValue();
            checkpoints.add(new PlanCheckpoint(entry.getKey(), Money.ofWan(wan)));
        }
        return new BudgetProject(year, unitCode, unitName, code, name, Money.ofWan(budget), Money.ofWan(fiscal),
                Money.ofWan(other), columns.value(row, "purpose"), columns.value(row, "goal"),
                resolution.unit(), resolution.note(), checkpoints);
    }

    private List<Indicator> readIndicators(Path file, ProjectsRead projects, List<String> problems) {
        List<Indicator> indicators = new ArrayList<>();
        Map<String, Integer> seqByProject = new TreeMap<>();
        PlanCsvLines.read(file, INDICATORS_FILE, INDICATOR_COLUMNS_ALIASES, REQUIRED_INDICATOR_COLUMNS, false, problems,
                header -> (row, line) -> {
                    HeaderMapping columns = header.columns();
                    String code = ProjectCode.normalise(columns.value(row, "project_code"));
                    if (code.isEmpty()) {
                        problems.add(INDICATORS_FILE + " line " + line + ": project_code is empty");
                        return;
                    }
                    if (!projects.codesInFile().contains(code)) {
                        // Only a projects.csv read through can say a project is not in it.
                        if (projects.complete()) {
                            problems.add(INDICATORS_FILE + " line " + line + ", project " + code
                                    + ": no such project in " + PROJECTS_FILE);
                        }
                        return;
                    }
                    int seq = seqByProject.merge(code, 1, Integer::sum);
                    indicators.add(new Indicator(code, seq, columns.value(row, "level1"), columns.value(row, "level2"),
                            columns.value(row, "level3"), columns.value(row, "description"),
                            columns.value(row, "target"), columns.value(row, "basis")));
                });
        return indicators;
    }

    private static int parseYear(String text) {
        try {
            int year = Integer.parseInt(text.strip());
            if (year < 2000 || year > 2999) {
                throw new IllegalArgumentException("fiscal_year " + text + " is out of range");
            }
            return year;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fiscal_year '" + text + "' is not a year");
        }
    }

    private static PlanUnit parseUnit(String text) {
        if (text.isBlank()) {
            return PlanUnit.AUTO;
        }
        try {
            return PlanUnit.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("plan_unit '" + text + "' is not WAN, PCT or AUTO");
        }
    }

    private static String required(HeaderMapping columns, List<String> row, String field) {
        String value = columns.value(row, field);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " is empty");
        }
        return value;
    }

    private static BigDecimal number(String text, String field) {
        try {
            return Amounts.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    private static BigDecimal optionalNumber(String text, String field) {
        return text.isBlank() ? BigDecimal.ZERO : number(text, field);
    }

    private static Map<String, List<String>> columns(String... namesAndAliases) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndAliases.length; i += 2) {
            map.put(namesAndAliases[i], List.of(namesAndAliases[i], namesAndAliases[i + 1]));
        }
        return map;
    }
}
