package org.budgetmonitor.quarterly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.budgetmonitor.support.CsvFiles;
import org.budgetmonitor.support.HeaderMapping;
import org.budgetmonitor.support.ProjectCode;
import org.budgetmonitor.support.TextEncoding;

/**
 * Reads the indicator progress files of --progress-dir (CSV in UTF-8, BOM allowed, or GBK: decided as for the plan and the exports): project code,
 * indicator (三级指标), date, value, note, and optionally the full-year estimate, the likelihood,
 * the deviation cause and measure, and the officer's 完成情况 for a value the program cannot judge. A line that cannot be read is reported, not guessed.
 */
public class ProgressCsvReader {

    public record Result(List<IndicatorProgress> progress, List<String> problems) {
    }

    static final Map<String, List<String>> COLUMNS = columns();
    private static final List<String> REQUIRED = List.of("project_code", "indicator", "date", "value");

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("project_code", List.of("project_code", "项目编码"));
        map.put("indicator", List.of("indicator", "三级指标", "指标名称", "level3"));
        map.put("date", List.of("date", "日期", "填报日期"));
        map.put("value", List.of("value", "完成值", "实际完成值", "累计完成值"));
        map.put("expected_full_year", List.of("expected_full_year", "全年预计完成情况", "全年预计完成值"));
        map.put("likelihood", List.of("likelihood", "完成目标可能性"));
        map.put("cause_category", List.of("cause_category", "偏差原因类别", "偏差原因分类"));
        map.put("cause", List.of("cause", "偏差原因"));
        map.put("measure", List.of("measure", "纠偏措施", "改进措施"));
        map.put("note", List.of("note", "备注", "说明"));
        map.put("status", List.of("status", "完成情况"));
        return map;
    }

    public Result read(Path dir) {
        List<IndicatorProgress> progress = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return new Result(progress, problems);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            readFile(file, progress, problems);
        }
        return new Result(progress, problems);
    }

    private void readFile(Path file, List<IndicatorProgress> progress, List<String> problems) {
        String name = file.getFileName().toString();
        try (var reader = TextEncoding.open(file); var parser = CSVParser.parse(reader, CsvFiles.INPUT)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                return;
            }
            HeaderMapping columns = HeaderMapping.of(records.next().toList(), COLUMNS);
            List<String> missing = columns.missing(REQUIRED);
            if (!missing.isEmpty()) {
                problems.add(name + ": missing column(s) " + missing);
                return;
            }
            long line = 1;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long start = line + 1;
                line = parser.getCurrentLineNumber();
                if (CsvFiles.isBlank(record)) {
                    continue;
                }
                List<String> row = record.toList();
                LocalDate date;
                try {
                    date = LocalDate.parse(columns.value(row, "date"));
                } catch (DateTimeException e) {
                    problems.add(name + " line " + start + ": date '" + columns.value(row, "date") + "' is not like 2026-09-30");
                    continue;
                }
                progress.add(new IndicatorProgress(ProjectCode.normalise(columns.value(row, "project_code")),
                        columns.value(row, "indicator"),
                        date, columns.value(row, "value"), columns.value(row, "expected_full_year"),
                        columns.value(row, "likelihood"), columns.value(row, "cause_category"),
                        columns.value(row, "cause"), columns.value(row, "measure"), columns.value(row, "note"),
                        columns.value(row, "status"), name, start));
            }
        } catch (TextEncoding.UnreadableEncodingException e) {
            problems.add(name + " " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            problems.add(name + " cannot be read as CSV: " + e.getMessage());
        }
    }
}
