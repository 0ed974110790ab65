package org.budgetmonitor.planimport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.budgetmonitor.BudgetMonitorApplication;
import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.testing.CommandLine;
import org.budgetmonitor.testing.CommandLine.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportPlanCommandLineTest {

    private static final String SEED = "sample-data/budget-document/472001-2026.txt";

    @TempDir
    Path tmp;


    private Run importPlan(String document, Path planDir) {
        return CommandLine.run("--job=import-plan", "--document=" + document, "--fiscal-year=2026", "--plan-dir=" + planDir,
                "--data-dir=" + tmp.resolve("data"));
    }

    private List<String> nightly(Path planDir, String name) throws IOException {
        Run run = CommandLine.run("--job=nightly", "--as-of=2026-06-30", "--plan-dir=" + planDir,
                "--inbox=sample-data/disbursements", "--output-dir=" + tmp.resolve(name), "--data-dir=" + tmp.resolve(name + "-data"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        return Files.readAllLines(tmp.resolve(name).resolve("2026-06-30/variance-2026-06-30.csv"));
    }

    @Test
    void theNightlyJobGivesTheSameResultsOnTheImportedPlanAsOnTheHandWrittenOne() throws IOException {
        Path imported = tmp.resolve("imported-plan");

        Run run = importPlan(SEED, imported);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(run.stdout()).contains("13091626P00018210006K 河北省药品医疗器械检验研究院沧州实验室")
                .contains("plan 3月底 25.00, 6月底 50.00, 10月底 75.00, 12月底 100.00; 5 indicators")
                .contains("plan read as 万元 — AUTO: last checkpoint equals the budget")
                .contains("5 projects written to");
        assertThat(nightly(imported, "from-import")).isEqualTo(nightly(Path.of("sample-data/plan"), "from-sample"));
    }

    @Test
    void mergesWithThePlanAlreadyThereWithoutDuplicatingAProject() throws IOException {
        Path plan = tmp.resolve("plan");
        Files.createDirectories(plan);
        Files.writeString(plan.resolve("projects.csv"), "fiscal_year,unit_code,unit_name,project_code,project_name,budget_wan,"
                + "plan_09-30,plan_12-31\n"
                + "2026,472001,旧单位名,13091626P000175100046,旧名称,18,9,18\n"
                + "2026,472001,本级,P-OTHER,另一个项目,10,5,10\n");
        Files.writeString(plan.resolve("indicators.csv"), "project_code,level1,level2,level3,description,target,basis\n"
                + "13091626P000175100046,旧,旧,旧指标,旧,≥1个,旧\nP-OTHER,产出指标,数量指标,个数,个数,≥1个,依据\n");

        importPlan(SEED, plan);
        importPlan(SEED, plan); // a second import changes nothing

        List<String> projects = Files.readAllLines(plan.resolve("projects.csv"));
        assertThat(projects.get(0)).endsWith("plan_unit,plan_03-31,plan_06-30,plan_09-30,plan_10-31,plan_12-31");
        assertThat(projects).hasSize(7);
        assertThat(projects).filteredOn(l -> l.contains("13091626P000175100046")).singleElement().asString()
                .contains(",国内招商,20.00,").doesNotContain("旧名称");
        assertThat(projects).anySatisfy(l -> assertThat(l).contains("P-OTHER,另一个项目,10,"));
        List<String> indicators = Files.readAllLines(plan.resolve("indicators.csv"));
        assertThat(indicators).noneMatch(l -> l.contains("旧指标")).hasSize(1 + 25 + 1);
    }

    @Test
    void aDocumentWithoutATableIsAnErrorNotAnEmptyPlan() throws IOException {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "第一部分\n部门整体绩效目标\n一、总体绩效目标\n招商引资。\n");

        Run run = importPlan(notes.toString(), tmp.resolve("plan"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.stdout()).contains("holds no 预算项目绩效目标表 table");
        assertThat(tmp.resolve("plan/projects.csv")).doesNotExist();
    }

    @Test
    void importsWhatItCanReadAndExitsWithTwoWhenSomethingCouldNotBeRead() throws IOException {
        String text = Files.readString(Path.of(SEED)).replace("\t预算数\n\t15.00\n", "\t预算数\n\t十五\n");
        Path damaged = Files.writeString(tmp.resolve("damaged.txt"), text);

        Run run = importPlan(damaged.toString(), tmp.resolve("plan"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.stdout()).contains("could not read:").contains("project 13091626P000178100047 (line")
                .contains("预算数: '十五' is not a number").contains("4 projects written to");
    }

    @Test
    void theSeedImportsToExactlyTheSamplePlanByteForByte() throws IOException {
        Path imported = tmp.resolve("imported-plan");

        assertThat(importPlan(SEED, imported).exitCode()).isEqualTo(ExitCodes.SUCCESS);

        for (String file : List.of("projects.csv", "indicators.csv")) {
            byte[] written = Files.readAllBytes(imported.resolve(file));
            assertThat(written).as(file + " starts with a BOM (Excel shows the Chinese)")
                    .startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
            byte[] sample = Files.readAllBytes(Path.of("sample-data/plan", file));
            assertThat(new String(written, UTF_8)).as(file).isEqualTo(new String(sample, UTF_8)); // a readable diff
            assertThat(written).as(file).isEqualTo(sample);
        }
    }

    /**
     * The README's import example, run as written (the documented java -jar line, with the test's
     * classpath for the jar) in a folder holding the seed document: it writes into a git-ignored
     * folder and gives the sample plan.
     */
    @Test
    void theReadmeImportExampleWritesTheSamplePlanIntoAGitIgnoredFolder() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("```bash\n(java -jar target/budget-monitor\\.jar --job=import-plan[^`]*)```")
                .matcher(readme);
        assertThat(block.find()).as("the README's import-plan example").isTrue();
        List<String> words = Arrays.asList(block.group(1).replace("\\\n", " ").trim().split("\\s+"));
        assertThat(words.subList(0, 3)).containsExactly("java", "-jar", "target/budget-monitor.jar");
        List<String> args = words.subList(3, words.size());
        String planDir = args.stream().filter(a -> a.startsWith("--plan-dir=")).findFirst().orElseThrow().substring(11);
        assertThat(planDir).startsWith("out/");
        assertThat(Files.readAllLines(Path.of(".gitignore"))).contains("out/");

        Path cwd = Files.createDirectories(tmp.resolve("checkout"));
        Files.createDirectories(cwd.resolve(SEED).getParent());
        Files.copy(Path.of(SEED), cwd.resolve(SEED));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BudgetMonitorApplication.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("import.out").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(Files.readString(tmp.resolve("import.out"))).isEqualTo(ExitCodes.SUCCESS);
        for (String file : List.of("projects.csv", "indicators.csv")) {
            assertThat(Files.readString(cwd.resolve(planDir).resolve(file))).as(file)
                    .isEqualTo(Files.readString(Path.of("sample-data/plan", file)));
            assertThat(Files.readAllBytes(cwd.resolve(planDir).resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(Path.of("sample-data/plan", file)));
        }
    }

    @Test
    void aLaterBudgetDocumentImportedOverAStoredYearIsARevisionFromPlanEffectiveKeepingTheOriginal() throws IOException {
        Path plan = tmp.resolve("plan");
        Files.createDirectories(plan);
        Files.copy(Path.of("sample-data/plan/projects.csv"), plan.resolve("projects.csv"));
        Files.copy(Path.of("sample-data/plan/indicators.csv"), plan.resolve("indicators.csv"));
        Path data = tmp.resolve("data");
        List<String> night = List.of("--job=nightly", "--plan-dir=" + plan, "--inbox=sample-data/disbursements",
                "--output-dir=" + tmp.resolve("out"), "--data-dir=" + data);
        assertThat(CommandLine.run(with(night, "--as-of=2026-04-30")).exitCode()).isEqualTo(ExitCodes.SUCCESS);
        // The adjusted document: 国内招商 20.00 → 25.00 万元 (budget, fiscal funds and its 12月底 plan).
        List<String> seed = Files.readAllLines(Path.of(SEED));
        for (int line : new int[] {39, 41, 58}) {
            assertThat(seed.get(line - 1).trim()).isEqualTo("20.00");
            seed.set(line - 1, "\t25.00");
        }
        Path adjusted = tmp.resolve("472001-2026-adjusted.txt");
        Files.write(adjusted, seed);

        Run imported = CommandLine.run("--job=import-plan", "--document=" + adjusted, "--fiscal-year=2026",
                "--plan-dir=" + plan, "--data-dir=" + data, "--plan-effective=2026-05-01");

        assertThat(imported.exitCode()).as(imported.stdout()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(imported.stdout()).contains("1 projects recorded as a revision of the stored plan of 2026, in force from 2026-05-01");
        Run june = CommandLine.run(with(night, "--as-of=2026-06-30"));
        assertThat(june.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(Files.readAllLines(tmp.resolve("out/2026-06-30/variance-2026-06-30.csv")))
                .filteredOn(l -> l.startsWith("13091626P000175100046,")).singleElement().asString()
                .contains(",国内招商,472001,25.00,").endsWith(",20.00");
        // May, run after June: in force from 05-01, the import's date, not from the next night's.
        assertThat(CommandLine.run(with(night, "--as-of=2026-05-31")).exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(Files.readAllLines(tmp.resolve("out/2026-05-31/variance-2026-05-31.csv")))
                .filteredOn(l -> l.startsWith("13091626P000175100046,")).singleElement().asString()
                .contains(",国内招商,472001,25.00,");
        // April again (run 2): the plan of its day.
        assertThat(CommandLine.run(with(night, "--as-of=2026-04-30")).exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(Files.readAllLines(tmp.resolve("out/2026-04-30/variance-2026-04-30.csv")))
                .filteredOn(l -> l.startsWith("13091626P000175100046,")).singleElement().asString()
                .contains(",国内招商,472001,20.00,").endsWith(",20.00");
    }

    private static String[] with(List<String> args, String more) {
        List<String> all = new java.util.ArrayList<>(args);
        all.add(more);
        return all.toArray(String[]::new);
    }
}
