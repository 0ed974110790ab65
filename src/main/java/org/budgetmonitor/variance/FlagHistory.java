package org.budgetmonitor.variance;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every stored night's flags, kept compactly for "since when" ({@link FlagRun}): a project's flag is
 * one character ({@code G}, {@code Y}, {@code R}; {@code -} when it was not a planned project that
 * night) at the position of its number in {@code flag_code}, and a night is that line of characters,
 * cut into segments of {@value #SEGMENT}. A province's night (50,000 projects) is five rows of text,
 * where keeping the full variance rows of every night for this came to 15 million rows a year, in every
 * backup. A night stored again replaces its line; each night stands alone, so nights may be stored in
 * any order (a day re-run after later ones).
 */
final class FlagHistory {

    static final int SEGMENT = 10_000;
    private static final char NOT_PLANNED = '-';

    private final JdbcTemplate jdbc;

    FlagHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a night's flags of its planned projects (unplanned codes have no run to tell). */
    void store(LocalDate asOf, Map<String, Flag> planned) {
        Map<String, Integer> numbers = numbers();
        List<Object[]> added = new ArrayList<>();
        // Codes are numbered in code order as they first appear; only the new ones need sorting.
        for (String code : planned.keySet().stream().filter(code -> !numbers.containsKey(code)).sorted().toList()) {
            int number = numbers.size();
            numbers.put(code, number);
            added.add(new Object[] {number, code});
        }
        jdbc.batchUpdate("INSERT INTO flag_code (id, project_code) VALUES (?, ?)", added);
        char[] line = new char[numbers.size()];
        Arrays.fill(line, NOT_PLANNED);
        planned.forEach((code, flag) -> line[numbers.get(code)] = flag.name().charAt(0));
        jdbc.update("DELETE FROM variance_flags WHERE as_of = ?", Date.valueOf(asOf));
        List<Object[]> segments = new ArrayList<>();
        for (int from = 0, segment = 0; from < line.length; from += SEGMENT, segment++) {
            segments.add(new Object[] {Date.valueOf(asOf), segment,
                new String(line, from, Math.min(SEGMENT, line.length - from))});
        }
        jdbc.batchUpdate("INSERT INTO variance_flags (as_of, segment, flags) VALUES (?, ?, ?)", segments);
    }

    /**
     * Since when each project RED or YELLOW on {@code asOf} has been flagged: walking back from that
     * night through the stored nights of its fiscal year, the run goes on until a GREEN night (the RED
     * run until a night not RED); a night the project was not planned neither breaks nor extends it.
     */
    Map<String, FlagRun> since(LocalDate asOf) {
        Map<LocalDate, List<String>> nights = new LinkedHashMap<>();
        jdbc.query("""
                SELECT as_of, flags FROM variance_flags WHERE as_of BETWEEN ? AND ? ORDER BY as_of DESC, segment""",
                rs -> {
                    nights.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new ArrayList<>()).add(rs.getString(2));
                }, Date.valueOf(asOf.withDayOfYear(1)), Date.valueOf(asOf));
        List<String> tonight = nights.get(asOf);
        if (tonight == null) {
            return Map.of();
        }
        List<LocalDate> dates = new ArrayList<>(nights.keySet());
        List<List<String>> lines = new ArrayList<>(nights.values());
        Map<Integer, String> codes = new HashMap<>();
        numbers().forEach((code, number) -> codes.put(number, code));
        Map<String, FlagRun> runs = new HashMap<>();
        int count = tonight.stream().mapToInt(String::length).sum();
        for (int number = 0; number < count; number++) {
            char flag = flag(tonight, number);
            if (flag != 'R' && flag != 'Y') {
                continue;
            }
            LocalDate since = asOf;
            LocalDate redSince = flag == 'R' ? asOf : null;
            boolean red = flag == 'R';
            for (int night = 1; night < dates.size(); night++) { // dates.get(0) is tonight
                char earlier = flag(lines.get(night), number);
                if (earlier == NOT_PLANNED) {
                    continue;
                }
                if (earlier == 'G') {
                    break;
                }
                since = dates.get(night);
                if (red && earlier == 'R') {
                    redSince = since;
                } else {
                    red = false;
                }
            }
            runs.put(codes.get(number), new FlagRun(since, redSince));
        }
        return runs;
    }

    /** A night's flag of a project number; nights before the code was numbered are shorter. */
    private static char flag(List<String> segments, int number) {
        int segment = number / SEGMENT;
        int at = number % SEGMENT;
        return segment < segments.size() && at < segments.get(segment).length()
                ? segments.get(segment).charAt(at) : NOT_PLANNED;
    }

    private Map<String, Integer> numbers() {
        Map<String, Integer> numbers = new HashMap<>();
        jdbc.query("SELECT id, project_code FROM flag_code", rs -> {
            numbers.put(rs.getString(2), rs.getInt(1));
        });
        return numbers;
    }
}
