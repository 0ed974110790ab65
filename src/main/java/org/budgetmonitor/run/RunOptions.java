package org.budgetmonitor.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.core.env.Environment;

/**
 * The rules of the command line, in one place: how a bare option is read, and which values the
 * options accept. {@link OptionsCheckListener} applies them before the run lock, the log file or
 * the database exist, so a typo on a first try leaves nothing behind.
 */
public final class RunOptions {

    /** The documented on/off options and the property each sets (application.yml maps them). */
    static final Map<String, String> SWITCHES = switches();
    /** The documented options that mean nothing without a value: a bare one is a mistake, not "true". */
    static final Set<String> NEED_A_VALUE = Set.of("job", "as-of", "plan-dir", "inbox", "output-dir", "data-dir",
            "archive-dir", "progress-dir", "report-locale", "document", "fiscal-year");

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
            case "as-of" -> "2026-06-30";
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
     * are fine. Reads the resolved properties, so the long forms ({@code --monitor.refresh=…}) are checked too.
     */
    public static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        SWITCHES.forEach((option, property) -> {
            String value = environment.getProperty(property);
            if (value != null && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                problems.add("--" + option + "=" + value + ": --" + option + " is true or false (a bare --" + option
                        + " is true)");
            }
        });
        return problems;
    }
}
