package org.budgetmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.budgetmonitor.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCsvReaderTest {

    private static final String HEADER = "fiscal_year,unit_code,unit_name,project_code,project_name,budget_wan,"
            + "fiscal_funds_wan,other_funds_wan,purpose,goal,plan_unit,plan_03-31,plan_06-30,plan_10-31,plan_12-31\n";

    @TempDir
    Path dir;

    private final PlanCsvReader reader = new PlanCsvReader();

    private Plan read(String projectsCsv) throws IOException {
        Files.writeString(dir.resolve("projects.csv"), projectsCsv, StandardCharsets.UTF_8);
        return reader.read(dir);
    }

    @Test
    void readsTheSamplePlanOfTheSeedDocument() {
        Plan plan = reader.read(Path.of("sample-data/plan"));

        assertThat(plan.projects()).hasSize(5);
        assertThat(plan.indicators()).hasSize(25);
        BudgetProject lab = plan.projects().stream().filter(p -> p.code().equals("13091626P00018210006K")).findFirst().orElseThrow();
        assertThat(lab.name()).isEqualTo("河北省药品医疗器械检验研究院沧州实验室");
        assertThat(lab.unitName()).isEqualTo("沧州临港经济技术开发区生物医药招商局本级");
        assertThat(lab.budget()).isEqualTo(Money.ofWan("100"));
        assertThat(lab.checkpoints()).extracting(PlanCheckpoint::date).containsExactly(
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 10, 31), LocalDate.of(2026, 12, 31));
        assertThat(lab.checkpoints().get(1).cumulative()).isEqualTo(Money.ofWan("50"));
        assertThat(plan.indicators()).filteredOn(i -> i.projectCode().equals("13091626P000175100046"))
                .extracting(Indicator::target).contains("≥20个", "按时完成", "≥90百分比");
    }

    @Test
    void acceptsABomAndChineseHeaderNames() throws IOException {
        Plan plan = read("\uFEFF年度,单位编码,单位名称,项目编码,项目名称,预算数,财政资金,其他资金,资金用途,绩效目标,plan_06-30,plan_12-31\n"
                + "2026,472001,单位,P1,项目一,10.00,6.00,4.00,用途,目标,5,10\n");

        assertThat(plan.projects()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("P1");
            assertThat(p.otherFunds()).isEqualTo(Money.ofWan("4"));
            assertThat(p.checkpoints()).hasSize(2);
        });
    }

    @Test
    void convertsPercentPlansIntoAmountsOfTheBudget() throws IOException {
        Plan plan = read(HEADER + "2026,472001,单位,P1,项目一,40,40,,,,PCT,25,50,75,100\n");

        assertThat(plan.projects().get(0).checkpoints().get(0).cumulative()).isEqualTo(Money.ofWan("10"));
        assertThat(plan.projects().get(0).planUnit()).isEqualTo(PlanUnit.PCT);
    }

    @Test
    void skipsEmptyCheckpointCells() throws IOException {
        Plan plan = read(HEADER + "2026,472001,单位,P1,项目一,40,40,,,,WAN,,20,,40\n");

        assertThat(plan.projects().get(0).checkpoints()).extracting(PlanCheckpoint::date)
                .containsExactly(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 12, 31));
    }

    @Test
    void reportsEveryInvalidProjectByCodeAndLine() throws IOException {
        String csv = HEADER
                + "2026,472001,单位,P1,没有预算,0,0,,,,AUTO,0,0,0,0\n"
                + "2026,472001,单位,P2,资金不平,10,8,1,,,AUTO,1,2,3,10\n"
                + "2026,472001,单位,P3,计划倒退,10,10,,,,AUTO,5,4,8,10\n"
                + "2026,472001,单位,P4,单位不明,10,10,,,,AUTO,1,2,3,9\n"
                + "2026,472001,单位,P5,正常,10,10,,,,AUTO,1,2,3,10\n";

        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(PlanValidationException.class)
                .satisfies(e -> assertThat(((PlanValidationException) e).problems()).containsExactly(
                        "projects.csv line 2, project P1: budget must be > 0, is 0",
                        "projects.csv line 3, project P2: fiscal funds 8 + other funds 1 ≠ budget 10",
                        "projects.csv line 4, project P3: checkpoints must be cumulative (non-decreasing): "
                                + "2026-06-30 plans 4, less than the earlier 5",
                        "projects.csv line 5, project P4: plan_unit AUTO cannot tell 万元 from %: the last checkpoint "
                                + "is 9, neither the budget 10 nor 100; set plan_unit to WAN or PCT"));
    }

    @Test
    void rejectsACheckpointColumnThatIsNotADateOfTheFiscalYear() throws IOException {
        assertThatThrownBy(() -> read("fiscal_year,unit_code,unit_name,project_code,project_name,budget_wan,plan_02-29\n"
                + "2026,472001,单位,P1,项目,10,10\n"))
                .hasMessageContaining("plan_02-29 is not a date in 2026");
    }

    @Test
    void acceptsTheTwentyNinthOfFebruaryInALeapYear() throws IOException {
        Plan plan = read("fiscal_year,unit_code,unit_name,project_code,project_name,budget_wan,plan_02-29\n"
                + "2028,472001,单位,P1,项目,10,10\n");

        assertThat(plan.projects().get(0).checkpoints().get(0).date()).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void rejectsADuplicateProjectCodeAndAnIndicatorOfAnUnknownProject() throws IOException {
        Files.writeString(dir.resolve("indicators.csv"),
                "project_code,level1,level2,level3,description,target,basis\nP9,产出指标,数量指标,个数,个数,≥1个,依据\n");

        assertThatThrownBy(() -> read(HEADER
                + "2026,472001,单位,P1,项目一,10,10,,,,WAN,1,2,3,10\n"
                + "2026,472001,单位,P1,项目一,10,10,,,,WAN,1,2,3,10\n"))
                .hasMessageContaining("line 3, project P1: project code appears more than once")
                .hasMessageContaining("indicators.csv line 2, project P9: no such project");
    }

    @Test
    void namesTheMissingColumns() throws IOException {
        assertThatThrownBy(() -> read("fiscal_year,unit_code,project_code\n2026,472001,P1\n"))
                .hasMessageContaining("missing column(s) [unit_name, project_name, budget_wan]");
    }
    @Test
    void aDuplicateCodeIsReportedWhenBothRowsHaveErrorsAndEachProblemOnce() throws IOException {
        String csv = HEADER
                + "2026,472001,单位,P1,项目一,0,0,,,,WAN,1,2,3,10\n"
                + "2026,472001,单位,P1,项目一,10,8,1,,,WAN,1,2,3,10\n"
                + "2026,472001,单位,P2,项目二,10,10,,,,WAN,1,2,3,10\n"
                + "2026,472001,单位,P2,项目二,-5,,,,,WAN,1,2,3,10\n";

        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(PlanValidationException.class)
                .satisfies(e -> assertThat(((PlanValidationException) e).problems()).containsExactly(
                        "projects.csv line 2, project P1: budget must be > 0, is 0",
                        "projects.csv line 3, project P1: fiscal funds 8 + other funds 1 ≠ budget 10",
                        "projects.csv line 3, project P1: project code appears more than once for fiscal year 2026"
                                + " (first on line 2)",
                        "projects.csv line 5, project P2: budget must be > 0, is -5",
                        "projects.csv line 5, project P2: project code appears more than once for fiscal year 2026"
                                + " (first on line 4)"));
    }

    @Test
    void aBadProjectRowStillCountsAsInTheFileForItsIndicators() throws IOException {
        Files.writeString(dir.resolve("indicators.csv"), "project_code,level1,level2,level3,description,target,basis\n"
                + "P1,产出指标,数量指标,个数,个数,≥1个,依据\n".repeat(5)
                + "P9,产出指标,数量指标,个数,个数,≥1个,依据\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(HEADER + "2026,472001,单位,P1,项目一,0,0,,,,WAN,1,2,3,10\n"))
                .isInstanceOf(PlanValidationException.class)
                .satisfies(e -> assertThat(((PlanValidationException) e).problems()).containsExactly(
                        "projects.csv line 2, project P1: budget must be > 0, is 0",
                        "indicators.csv line 7, project P9: no such project in projects.csv"));
    }

    @Test
    void readsAGbkPlanWithTheSameFiguresAsTheUtf8Sample() throws IOException {
        Charset gbk = Charset.forName("GBK");
        for (String name : new String[] {"projects.csv", "indicators.csv"}) {
            // As Excel saves it "CSV (comma delimited)" on a Chinese Windows: GBK, no BOM.
            String text = Files.readString(Path.of("sample-data/plan", name), StandardCharsets.UTF_8).replace("\uFEFF", "");
            Files.write(dir.resolve(name), text.getBytes(gbk));
        }

        Plan gbkPlan = reader.read(dir);
        Plan utf8Plan = reader.read(Path.of("sample-data/plan"));

        assertThat(gbkPlan.projects()).isEqualTo(utf8Plan.projects());
        assertThat(gbkPlan.indicators()).isEqualTo(utf8Plan.indicators());
        assertThat(gbkPlan.projects()).extracting(BudgetProject::name).contains("河北省药品医疗器械检验研究院沧州实验室");
    }

    @Test
    void refusesAPlanFileOfMixedEncodingsNamingFileAndLine() throws IOException {
        var bytes = new ByteArrayOutputStream();
        bytes.write(HEADER.getBytes(StandardCharsets.UTF_8));
        bytes.write("2026,472001,沧州单位,P1,国内招商,10,10,,,,WAN,1,2,3,10\n".getBytes(StandardCharsets.UTF_8));
        bytes.write("2026,472001,沧州单位,P2,宣传,10,10,,,,WAN,1,2,3,10\n".getBytes(StandardCharsets.UTF_8));
        bytes.write("2026,472001,沧州单位,P3,".getBytes(StandardCharsets.UTF_8));
        bytes.write("实验室".getBytes(Charset.forName("GBK")));
        bytes.write(",10,10,,,,WAN,1,2,3,10\n".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("projects.csv"), bytes.toByteArray());

        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOf(PlanValidationException.class)
                .satisfies(e -> assertThat(((PlanValidationException) e).problems()).singleElement()
                        .asString().startsWith("projects.csv line 4: ").contains("UTF-8").contains("GBK"));
    }

    @Test
    void refusesAnIndicatorsFileThatIsNeitherUtf8NorGbkNamingFileAndLine() throws IOException {
        Files.writeString(dir.resolve("projects.csv"), HEADER + "2026,472001,单位,P1,项目一,10,10,,,,WAN,1,2,3,10\n",
                StandardCharsets.UTF_8);
        var bytes = new ByteArrayOutputStream();
        bytes.write("project_code,level1,level2,level3,description,target,basis\n".getBytes(StandardCharsets.UTF_8));
        bytes.write("P1,a,b,c,d,".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFF});
        bytes.write(",e\n".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("indicators.csv"), bytes.toByteArray());

        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOf(PlanValidationException.class)
                .satisfies(e -> assertThat(((PlanValidationException) e).problems()).singleElement()
                        .asString().startsWith("indicators.csv line 2: "));
    }
}
