package org.budgetmonitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AheadOfTimeFormTest {

    @Test
    void theDefaultsRunInTheAheadOfTimeForm() {
        assertThat(AheadOfTimeForm.problems(new MockEnvironment().withProperty("monitor.as-of", "2026-06-30"), true))
                .isEmpty();
    }

    @Test
    void refusesAProfileAMailServerOrTheScheduleInTheAheadOfTimeFormAndSaysHowToRun() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.host", "mail.example")
                .withProperty("monitor.schedule.enabled", "true");
        environment.setActiveProfiles("postgres");
        assertThat(AheadOfTimeForm.problems(environment, true)).singleElement().asString()
                .contains("--spring.profiles.active=postgres", "--spring.mail.host", "--schedule",
                        "run without -Dspring.aot.enabled=true");
    }

    @Test
    void theUsualFormTakesAnyOfThem() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.host", "mail.example");
        environment.setActiveProfiles("postgres");
        assertThat(AheadOfTimeForm.problems(environment, false)).isEmpty();
    }
}
