package org.budgetmonitor.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A Spring Boot test of the jobs against a fresh in-memory H2 database migrated by Flyway, with
 * the command-line runner switched off so that tests launch jobs themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
    "monitor.run-on-startup=false",
    "monitor.data-dir=target/test-data",
    "spring.datasource.url=jdbc:h2:mem:budget-monitor-${random.uuid};DB_CLOSE_DELAY=-1"
})
@Import(NightlyJobHarness.class)
public @interface JobTest {
}
