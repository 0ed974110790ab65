package org.budgetmonitor.planimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.MonthDay;
import java.util.List;

import org.budgetmonitor.plan.Indicator;
import org.budgetmonitor.plan.PlanCsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerformanceTableParserTest {

    private static final Path SEED = Path.of("sample-data/budget-document/472001-2026.txt");
    private static final String UNIT = "472001沧州临港经济技术开发区生物医药招商局本级";

    @TempDir
    Path tmp;

    private final PerformanceTableParser parser = new PerformanceTableParser();

    private PerformanceTableParser.Result parseText(BudgetDocument document) throws IOException {
        return parser.parse(new TextDocumentReader().read(document.writeText(tmp.resolve("doc.txt"))), 2026);
    }

    private static List<List<String>> oneIndicator() {
        return List.of(List.of("产出指标", "数量指标", "签约个数", "签约个数", "≥20个", "依据"));
    }

    @Test
    void readsTheFiveProjectsOfTheSeedDocumentWithAllTheirFiguresAndIndicators() throws IOException {
        var result = parser.parse(new TextDocumentReader().read(SEED), 2026);

        assertThat(result.problems()).isEmpty();
        assertThat(result.projects()).extracting(ImportedProject::code).containsExactly("13091626P000175100046",
                "13091626P000177100055", "13091626P000178100047", "13091626P00017610004U", "13091626P00018210006K");
        ImportedProject lab = result.projects().get(4);
        assertThat(lab.name()).isEqualTo("河北省药品医疗器械检验研究院沧州实验室");
        assertThat(lab.unitCode()).isEqualTo("472001");
        assertThat(lab.unitName()).isEqualTo("沧州临港经济技术开发区生物医药招商局本级");
        assertThat(lab.budgetWan()).isEqualByComparingTo("100.00");
        assertThat(lab.otherWan()).isEqualByComparingTo("0");
        assertThat(lab.purpose()).isEqualTo("用于支付运营费");
        assertThat(lab.plan()).containsExactly(
                java.util.Map.entry(MonthDay.of(3, 31), new BigDecimal("25.00")),
                java.util.Map.entry(MonthDay.of(6, 30), new BigDecimal("50.00")),
                java.util.Map.entry(MonthDay.of(10, 31), new BigDecimal("75.00")),
                java.util.Map.entry(MonthDay.of(12, 31), new BigDecimal("100.00")));
        assertThat(result.projects()).allSatisfy(p -> assertThat(p.indicators()).hasSize(5));
        // The first- and second-level names carry down to the rows that leave them empty.
        assertThat(result.projects().get(0).indicators().get(1)).isEqualTo(new ImportedProject.Indicator(
                "产出指标", "时效指标", "完成及时率", "完成及时率", "按时完成", "根据往年完成情况及下一年计划。"));
    }

    @Test
    void theImportedIndicatorsAreTheHandWrittenSamplePlans() throws IOException {
        var result = parser.parse(new TextDocumentReader().read(SEED), 2026);
        List<Indicator> sample = new PlanCsvReader().read(Path.of("sample-data/plan")).indicators();

        List<String> imported = result.projects().stream().flatMap(p -> p.indicators().stream().map(i -> String.join("|",
                p.code(), i.level1(), i.level2(), i.level3(), i.description(), i.target(), i.basis()))).toList();
        assertThat(imported).containsExactlyElementsOf(sample.stream().map(i -> String.join("|", i.projectCode(),
                i.level1(), i.level2(), i.level3(), i.description(), i.target(), i.basis())).toList());
    }

    @Test
    void readsAnyNumberOfProjectsAndTheMonthEndsEachTableNames() throws IOException {
        var document = new BudgetDocument()
                .project(1, UNIT, "P1", "项目一", "30", "20", "10", "用途", List.of("3月底", "9月底", "12月底"),
                        List.of("5", "20", "30"), "目标", oneIndicator())
                .project(2, UNIT, "P2", "项目二", "8.5", "8.5", "", "用途", List.of("6月底", "12月底"),
                        List.of("50", "100"), "目标", oneIndicator());

        var result = parseText(document);

        assertThat(result.problems()).isEmpty();
        assertThat(result.projects()).hasSize(2);
        assertThat(result.projects().get(0).plan().keySet()).containsExactly(MonthDay.of(3, 31), MonthDay.of(9, 30),
                MonthDay.of(12, 31));
        assertThat(result.projects().get(0).otherWan()).isEqualByComparingTo("10");
        assertThat(result.projects().get(1).budgetWan()).isEqualByComparingTo("8.5");
        assertThat(result.projects().get(1).otherWan()).isEqualByComparingTo("0");
    }

    @Test
    void readsFullWidthDigitsAndPunctuation() throws IOException {
        var document = new BudgetDocument().project(1, "４７２００１单位甲", "Ｐ１", "项目一", "２０．００", "２０．００", "",
                "用途", List.of("３月底", "１２月底"), List.of("５．００", "２０．００"), "目标", oneIndicator());

        var result = parseText(document);

        assertThat(result.problems()).isEmpty();
        ImportedProject p = result.projects().get(0);
        assertThat(p.code()).isEqualTo("P1");
        assertThat(p.unitCode()).isEqualTo("472001");
        assertThat(p.budgetWan()).isEqualByComparingTo("20");
        assertThat(p.plan().get(MonthDay.of(3, 31))).isEqualByComparingTo("5");
    }

    @Test
    void toleratesBookmarksExtraBlankLinesAndCellTextWrappedOntoItsOwnLines() throws IOException {
        String text = new BudgetDocument().project(1, UNIT, "P1", "项目一", "20", "20", "", "用途",
                List.of("6月底", "12月底"), List.of("10", "20"), "目标",
                List.of(List.of("产出指标", "数量指标", "签约个数", "促成签约", "≥20个", "根据往年完成情况"))).text()
                .replace("\t促成签约\n", "\t促成签约\n项目个数\n")
                .replace("\t项目编码\n", "\n\n[bookmark: _GoBack]\n\n\t项目编码\n");

        var result = parser.parse(new TextDocumentReader().read(java.nio.file.Files.writeString(tmp.resolve("d.txt"), text)), 2026);

        assertThat(result.problems()).isEmpty();
        assertThat(result.projects().get(0).indicators().get(0).description()).isEqualTo("促成签约项目个数");
    }

    @Test
    void readsTheTablesOfSeveralUnits() throws IOException {
        var document = new BudgetDocument()
                .project(1, UNIT, "P1", "项目一", "20", "20", "", "用途", List.of("12月底"), List.of("20"), "目标", oneIndicator())
                .project(2, "471005沧州临港经济技术开发区财政局本级", "P2", "项目二", "40", "40", "", "用途",
                        List.of("12月底"), List.of("100"), "目标", oneIndicator());

        var result = parseText(document);

        assertThat(result.projects()).extracting(ImportedProject::unitCode).containsExactly("472001", "471005");
        assertThat(result.projects().get(1).unitName()).isEqualTo("沧州临港经济技术开发区财政局本级");
    }

    @Test
    void reportsWhatItCannotReadByProjectCodeAndLine() throws IOException {
        var document = new BudgetDocument()
                .project(1, UNIT, "P1", "项目一", "二十万", "20", "", "用途", List.of("12月底"), List.of("20"), "目标",
                        oneIndicator())
                .project(2, UNIT, "P2", "项目二", "20", "20", "", "用途", List.of("6月底", "12月底"), List.of("20"),
                        "目标", List.of(List.of("产出指标", "签约个数"), List.of("产出指标", "数量指标", "签约个数", "签约个数",
                                "≥20个", "依据")));

        var result = parseText(document);

        assertThat(result.projects()).isEmpty();
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).startsWith("project P1 (line ").contains("预算数: '二十万' is not a number"));
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).startsWith("project P2 (line ")
                .contains("资金支出计划 names 2 month ends but gives 1 figures"));
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("indicator row has 2 cells"));
    }

    @Test
    void readsTheSameFromADocxAsFromItsTextExport() throws IOException {
        var document = new BudgetDocument()
                .project(1, UNIT, "P1", "项目一", "20.00", "20.00", "", "用途", List.of("3月底", "12月底"),
                        List.of("5.00", "20.00"), "目标", List.of(
                                List.of("产出指标", "数量指标", "签约个数", "签约个数", "≥20个", "依据"),
                                List.of("", "时效指标", "完成及时率", "完成及时率", "按时完成", "依据")));

        var fromText = parseText(document);
        var fromDocx = parser.parse(new DocxDocumentReader().read(document.writeDocx(tmp.resolve("doc.docx"))), 2026);

        assertThat(fromDocx.problems()).isEmpty();
        assertThat(fromDocx.projects()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("line")
                .isEqualTo(fromText.projects());
    }
}
