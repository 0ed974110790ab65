package org.budgetmonitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AheadOfTimeFormTest {

    @Test
    void theDefaultsRunInTheAheadOfTimeForm() {
        assertThat(AheadOfTimeForm.problems(new MockEnvironment().withProperty("monitor.as-of", "2026-06-30")
                .withProperty("spring.flyway.enabled", "true").withProperty("spring.mail.test-connection", "false"), true))
                .isEmpty();
    }

    @Test
    void thePostgresProfileAndAMailServerRunInTheAheadOfTimeForm() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.host", "mail.example")
                .withProperty("spring.mail.port", "2525").withProperty("monitor.mail.enabled", "true")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example/budget_monitor");
        environment.setActiveProfiles("postgres");
        assertThat(AheadOfTimeForm.problems(environment, true)).isEmpty();
    }

    @Test
    void refusesWhatDecidesABeanInTheAheadOfTimeFormAndSaysHowToRun() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.jndi-name", "mail/Session")
                .withProperty("spring.datasource.type", "org.example.Pool").withProperty("spring.flyway.enabled", "false")
                .withProperty("monitor.schedule.enabled", "true");
        assertThat(AheadOfTimeForm.problems(environment, true)).singleElement().asString()
                .contains("--spring.mail.jndi-name", "--spring.datasource.type", "--spring.flyway.enabled=false", "--schedule",
                        "run without -Dspring.aot.enabled=true");
    }

    @Test
    void theUsualFormTakesAnyOfThem() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.jndi-name", "mail/Session")
                .withProperty("monitor.schedule.enabled", "true");
        environment.setActiveProfiles("postgres");
        assertThat(AheadOfTimeForm.problems(environment, false)).isEmpty();
    }
}
