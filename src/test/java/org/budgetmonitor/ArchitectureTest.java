package org.budgetmonitor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.budgetmonitor.job.NightlyJobConfig;
import org.budgetmonitor.run.ScheduledRuns;
import org.budgetmonitor.money.CycleSampleMoney;
import org.budgetmonitor.support.CycleSampleSupport;
import org.budgetmonitor.support.LayerBreachSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;

/**
 * The packages' layering, bottom to top (README "Architecture"): a package may use its own layer and
 * the layers below it, never one above, and no packages form a cycle. The layers are listed once,
 * here; a new package must be given a place in them.
 */
class ArchitectureTest {

    /** Bottom to top; the packages of one layer may use each other, as long as they form no cycle. */
    static final List<List<String>> LAYERS = List.of(
            List.of("money", "support"),
            List.of("plan", "planimport", "spending", "ingest"),
            List.of("db"),
            List.of("variance"),
            List.of("quarterly"),
            List.of("report"),
            List.of("delivery"),
            List.of("ops"),
            List.of("job"),
            List.of("run"),
            List.of("recovery"),
            List.of(""));

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.budgetmonitor");
    }

    @Test
    void noPackageImportsALayerAboveItsOwn() {
        layerRules().forEach(rule -> rule.check(production));
    }

    @Test
    void thePackagesFormNoCycle() {
        cycleRule().check(production);
    }

    @Test
    void everyPackageHasAPlaceInTheLayers() {
        classes().should().resideInAnyPackage(packages(LAYERS.stream()))
                .because("a new package needs its place in ArchitectureTest.LAYERS and the README")
                .check(production);
    }

    @Test
    void theBenchmarkCodeIsNotInTheProductionClasses() {
        assertThat(production.stream().map(c -> c.getPackageName())).doesNotContain("org.budgetmonitor.bench");
    }

    /**
     * The cron wrapper runs the ahead-of-time form, whose beans the build fixed: a profile or a property must
     * not decide one, or a run with it would go without, silently. The schedule is the one property that does,
     * and that form refuses it (run/AheadOfTimeForm).
     */
    @Test
    void noBeanIsAProfilesAndOnlyTheScheduleIsAPropertys() {
        noClasses().should().beAnnotatedWith(Profile.class).check(production);
        noMethods().should().beAnnotatedWith(Profile.class).check(production);
        noClasses().that().doNotBelongToAnyOf(ScheduledRuns.class).should().beAnnotatedWith(ConditionalOnProperty.class)
                .check(production);
        noMethods().should().beAnnotatedWith(ConditionalOnProperty.class).check(production);
    }

    // The rules can fail: samples in the test sources break them on purpose.

    @Test
    void aLowerLayerImportingAHigherOneIsCaught() {
        JavaClasses sample = new ClassFileImporter().importClasses(LayerBreachSample.class, NightlyJobConfig.class);
        assertThat(layerRules().stream().anyMatch(rule -> rule.evaluate(sample).hasViolation())).isTrue();
    }

    @Test
    void aCycleBetweenPackagesIsCaught() {
        JavaClasses sample = new ClassFileImporter().importClasses(CycleSampleMoney.class, CycleSampleSupport.class);
        assertThat(cycleRule().evaluate(sample).hasViolation()).isTrue();
        // The same two packages share a layer: only the cycle rule stands between them.
        assertThat(layerRules().stream().noneMatch(rule -> rule.evaluate(sample).hasViolation())).isTrue();
    }

    private static List<ArchRule> layerRules() {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            List<List<String>> above = LAYERS.subList(i + 1, LAYERS.size());
            rules.add(noClasses().that().resideInAnyPackage(packages(Stream.of(LAYERS.get(i))))
                    .should().dependOnClassesThat().resideInAnyPackage(packages(above.stream()))
                    .because(String.join(", ", LAYERS.get(i)) + " lie below " + above.stream()
                            .flatMap(List::stream).map(name -> name.isEmpty() ? "the application" : name).toList())
                    // a sample of a few classes leaves most layers empty
                    .allowEmptyShould(true));
        }
        return rules;
    }

    private static ArchRule cycleRule() {
        return slices().matching("org.budgetmonitor.(*)..").should().beFreeOfCycles();
    }

    /** ArchUnit's package patterns: a name and its subpackages; "" is the application's own package alone. */
    private static String[] packages(Stream<List<String>> layers) {
        return layers.flatMap(List::stream)
                .map(name -> name.isEmpty() ? "org.budgetmonitor" : "org.budgetmonitor." + name + "..")
                .toArray(String[]::new);
    }
}
