package org.budgetmonitor.run;

import java.util.ArrayList;
import java.util.List;

import org.springframework.aot.AotDetector;
import org.springframework.core.env.Environment;

/**
 * The ahead-of-time form of the application ({@code -Dspring.aot.enabled=true}: the README's first
 * command and the cron wrapper): the build's {@code process-aot} fixed which beans exist, so a run that
 * changes what decides them would run without them, silently. Such a run is refused with the way out.
 *
 * <p>What can decide a bean here: a mail session or data source looked up by JNDI, a data source type of
 * its own, Boot's check of the mail server at start, Flyway switched off, and the schedule
 * ({@link ScheduledRuns}). A profile cannot: no bean of this application is a profile's
 * ({@code ArchitectureTest}), and what a profile's file sets is checked here like any property; the
 * {@code postgres} profile only names the server. The mail server's host does not either: the build
 * prepared Boot's mail sender (see {@code process-aot} in the pom), configured at run time.
 */
final class AheadOfTimeForm {

    private static final List<String> DECIDING = List.of("spring.mail.jndi-name", "spring.datasource.jndi-name",
            "spring.datasource.type");

    private AheadOfTimeForm() {
    }

    static List<String> problems(Environment environment) {
        return problems(environment, AotDetector.useGeneratedArtifacts());
    }

    static List<String> problems(Environment environment, boolean aheadOfTime) {
        if (!aheadOfTime) {
            return List.of();
        }
        List<String> changed = new ArrayList<>();
        DECIDING.stream().filter(environment::containsProperty).forEach(p -> changed.add("--" + p));
        if (environment.getProperty("spring.mail.test-connection", Boolean.class, false)) {
            changed.add("--spring.mail.test-connection");
        }
        if (!environment.getProperty("spring.flyway.enabled", Boolean.class, true)) {
            changed.add("--spring.flyway.enabled=false");
        }
        if (environment.getProperty("monitor.schedule.enabled", Boolean.class, false)) {
            changed.add("--schedule");
        }
        if (changed.isEmpty()) {
            return List.of();
        }
        return List.of("-Dspring.aot.enabled=true runs the form the build prepared (no JNDI, no mail server check at"
                + " start, Flyway on, no schedule), which " + String.join(", ", changed) + " would change: run"
                + " without -Dspring.aot.enabled=true (in jobs/budget-monitor.conf: take it out of JAVA_OPTS)");
    }
}
