package org.budgetmonitor.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.aot.AotDetector;
import org.springframework.core.env.Environment;

/**
 * The ahead-of-time form of the application ({@code -Dspring.aot.enabled=true}, the README's first
 * command): the build's {@code process-aot} fixed which beans exist for the defaults, so a run that
 * changes what decides them would run without them, silently. Such a run is refused with the way out.
 * What decides a bean here: a profile, a mail server (Boot defines the mail sender only for
 * {@code spring.mail.host}), the schedule ({@link ScheduledRuns}) and the data source's kind.
 */
final class AheadOfTimeForm {

    private static final List<String> DECIDING = List.of("spring.mail.host", "spring.mail.jndi-name",
            "spring.datasource.jndi-name", "spring.datasource.type");

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
        if (environment.getActiveProfiles().length > 0) {
            changed.add("--spring.profiles.active=" + String.join(",", Arrays.asList(environment.getActiveProfiles())));
        }
        DECIDING.stream().filter(environment::containsProperty).forEach(p -> changed.add("--" + p));
        if (environment.getProperty("monitor.schedule.enabled", Boolean.class, false)) {
            changed.add("--schedule");
        }
        if (changed.isEmpty()) {
            return List.of();
        }
        return List.of("-Dspring.aot.enabled=true runs the form the build prepared for the defaults (no profile, no mail"
                + " server, no schedule), which " + String.join(", ", changed) + " would change: run without"
                + " -Dspring.aot.enabled=true, as the cron wrapper (jobs/nightly.sh) does");
    }
}
