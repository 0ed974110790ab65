package org.budgetmonitor.run;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The run's options. application.yml maps the short command-line names ({@code --job},
 * {@code --as-of}, {@code --plan-dir}, {@code --inbox}, {@code --output-dir}, {@code --data-dir})
 * onto these.
 *
 * @param job which job to run
 * @param asOf the as-of date, ISO; empty means yesterday
 * @param progressDir indicator progress files for the quarterly review ({@code --progress-dir})
 * @param refresh the quarterly review issues a new version instead of reissuing the stored one
 * @param document the budget document to import ({@code --job=import-plan --document=FILE})
 * @param fiscalYear the fiscal year of that document ({@code --fiscal-year}); default the current year
 * @param planEffective from when a changed projects.csv is in force ({@code --plan-effective}, ISO); empty
 *        means the as-of date
 * @param redExitCode exit with {@link ExitCodes#SUCCESS_WITH_RED} when a run completes with RED projects
 * @param runOnStartup false in tests that drive the jobs themselves
 */
@ConfigurationProperties("monitor")
public record MonitorProperties(
        @DefaultValue("nightly") String job,
        String asOf,
        @DefaultValue("sample-data/plan") Path planDir,
        @DefaultValue("sample-data/disbursements") Path inbox,
        @DefaultValue("out") Path outputDir,
        @DefaultValue("data") Path dataDir,
        @DefaultValue("sample-data/progress") Path progressDir,
        @DefaultValue("false") boolean refresh,
        Path document,
        Integer fiscalYear,
        String planEffective,
        @DefaultValue("false") boolean redExitCode,
        @DefaultValue("true") boolean runOnStartup) {
}
