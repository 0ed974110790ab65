package org.budgetmonitor.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.budgetmonitor.support.BadInputException;
import org.springframework.core.env.Environment;

/**
 * The rules of the command line, in one place: how a bare option is read, and which values each
 * job accepts. {@link OptionsCheckListener} applies them before the run lock, the log file or the
 * database exist, so a typo on a first try leaves nothing behind; {@link JobCommandRunner} parses
 * with the same methods.
 */
public final class RunOptions {

    /** The documented on/off options and the property each sets (application.yml maps them). */
    static final Map<String, String> SWITCHES = switches();
    /** The documented options that mean nothing without a value: a bare one is a mistake, not "true". */
    static final Set<String> NEED_A_VALUE = Set.of("job", "as-of", "plan-dir", "inbox", "output-dir", "data-dir",
            "archive-dir", "progress-dir", "report-locale", "document", "fiscal-year", "plan-effective");
    /** Every --job; the rebuild is a {@link JobCommand} of the recovery package, the others Spring Batch jobs. */
    public static final List<String> JOBS = List.of("nightly", "quarterly", "import-plan", JobCommandRunner.STATUS,
            JobCommandRunner.REBUILD);

    private RunOptions() {
    }

    private static Map<String, String> switches() {
        Map<String, String> switches = new LinkedHashMap<>();
        switches.put("refresh", "monitor.refresh");
        switches.put("red-exit-code", "monitor.red-exit-code");
        switches.put("schedule", "monitor.schedule.enabled");
        return Collections.unmodifiableMap(switches); // in the README's order, for the messages
    }

    /**
     * Spring reads a bare {@code --refresh} as the empty string, which no boolean binds to ("A null value
     * cannot be assigned to a primitive type"); here a bare option means what it says, true. A bare
     * option that needs a value is refused, where Spring would have taken "" (for a folder: the
     * working directory).
     */
    public static String[] normalise(String... args) {
        List<String> normalised = new ArrayList<>(args.length);
        List<String> problems = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.length() > 2 && !arg.contains("=")) {
                String name = arg.substring(2);
                if (NEED_A_VALUE.contains(name)) {
                    problems.add(arg + " needs a value, e.g. " + arg + "=" + example(name));
                }
                normalised.add(arg + "=true");
            } else {
                normalised.add(arg);
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(String.join("\n  ", problems));
        }
        return normalised.toArray(String[]::new);
    }

    private static String example(String option) {
        return switch (option) {
            case "job" -> "nightly";
            case "as-of", "plan-effective" -> "2026-06-30";
            case "report-locale" -> "en";
            case "document" -> "FILE";
            case "fiscal-year" -> "2026";
            default -> "DIR";
        };
    }

    /** Whether {@code --schedule} was given (bare or true); its other values are refused by {@link #problems}. */
    public static boolean schedules(String... normalisedArgs) {
        for (String arg : normalisedArgs) {
            if (arg.toLowerCase(Locale.ROOT).equals("--schedule=true")) {
                return true;
            }
        }
        return false;
    }

    /**
     * What is wrong with the options of this run, each named as the operator typed it; empty when they
     * are fine. Reads the resolved properties, so the long forms ({@code --monitor.inbox=…}) are checked too.
     */
    public static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>(AheadOfTimeForm.problems(environment));
        SWITCHES.forEach((option, property) -> {
            String value = environment.getProperty(property);
            if (value != null && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                problems.add("--" + option + "=" + value + ": --" + option + " is true or false (a bare --" + option
                        + " is true)");
            }
        });
        String job = environment.getProperty("monitor.job", "nightly");
        if (!JOBS.contains(job)) {
            problems.add(unknownJob(job));
            return problems; // which other options matter depends on the job
        }
        switch (job) {
            case "nightly", "quarterly" -> {
                check(problems, () -> asOf(environment.getProperty("monitor.as-of"), Clock.systemDefaultZone()));
                check(problems, () -> existingDirectory("--plan-dir", path(environment, "monitor.plan-dir")));
                check(problems, () -> existingDirectory("--inbox", path(environment, "monitor.inbox")));
                check(problems, () -> planEffective(environment.getProperty("monitor.plan-effective")));
                if (job.equals("nightly")) {
                    check(problems, () -> backupEveryDays(environment.getProperty("monitor.backup.every-days", "1"),
                            environment.getProperty("monitor.retention.keep-days", "730")));
                }
            }
            case "import-plan" -> {
                check(problems, () -> asOf(environment.getProperty("monitor.as-of"), Clock.systemDefaultZone()));
                check(problems, () -> document(path(environment, "monitor.document")));
                check(problems, () -> fiscalYear(environment.getProperty("monitor.fiscal-year")));
                check(problems, () -> planEffective(environment.getProperty("monitor.plan-effective")));
            }
            case JobCommandRunner.STATUS -> check(problems, () -> databaseFor(environment));
            default -> {
                // The rebuild checks its archive itself (DatabaseCheckListener), before anything is moved.
            }
        }
        return problems;
    }

    /**
     * {@code monitor.backup.every-days}: a backup at least every so many nights. The nights between two
     * backups are run again from the archive, so it may not be pruned sooner ({@code monitor.retention.keep-days}).
     */
    static void backupEveryDays(String text, String keepDaysText) {
        int everyDays;
        try {
            everyDays = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            everyDays = 0;
        }
        if (everyDays < 1) {
            throw new BadInputException("--monitor.backup.every-days=" + text + ": a whole number of nights, 1 or more");
        }
        try {
            int keepDays = Integer.parseInt(keepDaysText.strip());
            if (keepDays > 0 && everyDays > keepDays) {
                throw new BadInputException("--monitor.backup.every-days=" + everyDays + " is longer than the archive "
                        + "is kept (--monitor.retention.keep-days=" + keepDays + "): the nights since the newest backup "
                        + "would be pruned before the next one is taken");
            }
        } catch (NumberFormatException e) {
            // monitor.retention.keep-days is bound and reported where it is used
        }
    }

    private static void check(List<String> problems, Runnable rule) {
        try {
            rule.run();
        } catch (BadInputException e) {
            problems.add(e.getMessage());
        }
    }

    private static Path path(Environment environment, String property) {
        String value = environment.getProperty(property);
        return value == null ? null : Path.of(value);
    }

    public static String unknownJob(String job) {
        return "unknown --job=" + job + "; jobs are " + String.join(", ", JOBS.subList(0, JOBS.size() - 1)) + " and "
                + JOBS.get(JOBS.size() - 1);
    }

    /** {@code --as-of}: an ISO date; empty means yesterday. */
    public static LocalDate asOf(String text, Clock clock) {
        if (text == null || text.isBlank()) {
            return LocalDate.now(clock).minusDays(1);
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadInputException("--as-of='" + text + "' is not a date like 2026-06-30");
        }
    }

    /** {@code --plan-effective}: an ISO date from which a changed plan file is in force; empty means the as-of date. */
    public static Optional<LocalDate> planEffective(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new BadInputException("--plan-effective='" + text + "' is not a date like 2026-07-01");
        }
    }

    /** A folder the job reads; returned absolute, as the job parameters carry it. */
    public static String existingDirectory(String option, Path path) {
        if (path == null || path.toString().isBlank() || !Files.isDirectory(path)) {
            throw new BadInputException(option + "=" + (path == null ? "" : path) + " is not a directory ("
                    + (path == null ? "none given" : path.toAbsolutePath()) + ")");
        }
        return path.toAbsolutePath().normalize().toString();
    }

    /** {@code --document}: the budget document import-plan reads. */
    public static Path document(Path document) {
        if (document == null || document.toString().isBlank() || !Files.isRegularFile(document)) {
            throw new BadInputException("--document=" + (document == null ? "" : document)
                    + " must name the budget document (.txt or .docx) to import");
        }
        return document;
    }

    /** {@code --fiscal-year}: empty means this year (the caller's clock), otherwise a year like 2026. */
    public static Optional<Integer> fiscalYear(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (!text.strip().matches("\\d{4}")) {
            throw new BadInputException("--fiscal-year='" + text + "' is not a year like 2026");
        }
        return Optional.of(Integer.parseInt(text.strip()));
    }

    /**
     * {@code --job=status} only reads: on a folder without a database it would otherwise create an empty
     * one (and a lock and a log) and report "No runs yet." about a mistyped {@code --data-dir}.
     */
    private static void databaseFor(Environment environment) {
        Optional<Path> h2 = DatabaseCheck.h2File(environment.getProperty("spring.datasource.url"));
        Path dataDir = Path.of(environment.getProperty("monitor.data-dir", "data")).toAbsolutePath().normalize();
        // With a run journal there were runs here: a missing database is damage, which DatabaseCheck reports.
        if (h2.isPresent() && !Files.exists(h2.get()) && !Files.exists(dataDir.resolve(RunJournal.FILE_NAME))) {
            throw new BadInputException("no database in " + dataDir
                    + ": no runs there yet, or a mistyped --data-dir?");
        }
    }
}
