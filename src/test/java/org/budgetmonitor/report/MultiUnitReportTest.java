package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan with two units: the combined report shows both, each unit's report only its own projects,
 * charts, totals and name.
 */
class MultiUnitReportTest {

    static final String UNIT_A = "沧州市甲单位";
    static final String UNIT_B = "沧州市乙单位";
    static final List<String> CODES_A = List.of("A00000000000000000001", "A00000000000000000002", "A00000000000000000003");
    static final List<String> CODES_B = List.of("B00000000000000000001", "B00000000000000000002");

    @TempDir
    static Path dir;

    static List<VarianceReport> reports;
    static RenderedReport combined;
    static RenderedReport unitA;
    static RenderedReport unitB;

    @BeforeAll
    static void renderAll() throws IOException {
        ReportFixtures fixtures = twoUnits();
        reports = fixtures.reports(ReportText.forLanguage("zh"));
        combined = RenderedReport.render(fixtures, 0, "zh", dir.resolve("all"));
        unitA = RenderedReport.render(fixtures, 1, "zh", dir.resolve("a"));
        unitB = RenderedReport.render(fixtures, 2, "zh", dir.resolve("b"));
    }

    /** Unit A: one RED (nothing spent), one YELLOW, one GREEN; unit B: one RED, one GREEN; one unplanned code. */
    static ReportFixtures twoUnits() {
        return new ReportFixtures()
                .project("472001", UNIT_A, CODES_A.get(0), "甲单位项目一", "20.00")
                .project("472001", UNIT_A, CODES_A.get(1), "甲单位项目二", "100.00")
                .project("472001", UNIT_A, CODES_A.get(2), "甲单位项目三", "10.00")
                .project("472002", UNIT_B, CODES_B.get(0), "乙单位项目一", "30.00")
                .project("472002", UNIT_B, CODES_B.get(1), "乙单位项目二", "40.00")
                .paid(CODES_A.get(1), "2026-03-20", "400000.00")                                  // 40 of 50: YELLOW
                .paid(CODES_A.get(2), "2026-02-10", "25000.00").paid(CODES_A.get(2), "2026-05-20", "25000.00")
                .paid(CODES_B.get(0), "2026-02-15", "12000.00")                                   // RED behind
                .paid(CODES_B.get(1), "2026-02-10", "100000.00").paid(CODES_B.get(1), "2026-05-20", "100000.00")
                .unplanned("C99999999999999999999", "6800.00")
                .rejected(3);
    }

    @Test
    void theCombinedReportComesFirstThenOnePerUnitInPlanOrder() {
        assertThat(reports).extracting(VarianceReport::unitCode).containsExactly(null, "472001", "472002");
        assertThat(reports).extracting(VarianceReport::reportId)
                .containsExactly("BM-20260630-ALL-E1", "BM-20260630-472001-E1", "BM-20260630-472002-E1");
    }

    @Test
    void theCombinedReportHoldsBothUnitsProjectsUnderTheirUnitHeadings() {
        String text = combined.text();
        assertThat(text).contains(UNIT_A, UNIT_B, "单位：472001", "单位：472002", "汇总（2 个单位）");
        for (String code : concat(CODES_A, CODES_B)) {
            assertThat(text).contains(code);
        }
        assertThat(text).contains("纳入监控项目 5 个", "C99999999999999999999 实际支出 0.68 万元");
        // Charts: the RED of each unit and A's YELLOW.
        assertThat(text).contains(CODES_A.get(0) + "　", CODES_B.get(0) + "　", CODES_A.get(1) + "　");
    }

    @Test
    void eachUnitsReportNamesOnlyThatUnitAndHoldsOnlyItsProjects() {
        assertOnly(unitA, UNIT_A, CODES_A, UNIT_B, CODES_B, "BM-20260630-472001-E1");
        assertOnly(unitB, UNIT_B, CODES_B, UNIT_A, CODES_A, "BM-20260630-472002-E1");
        assertThat(unitA.text()).contains("纳入监控项目 3 个：红色预警 1 个，黄色预警 1 个，绿色正常 1 个", "预算合计 130.00 万元");
        assertThat(unitB.text()).contains("纳入监控项目 2 个：红色预警 1 个，黄色预警 0 个，绿色正常 1 个", "预算合计 70.00 万元");
    }

    @Test
    void aUnitsReportStatesOnlyWhatConcernsTheUnitAndWhereItsOfficersFindTheRest() {
        // The combined report (kept by the finance department, mailed to no unit) lists and counts both.
        assertThat(combined.text()).contains("C99999999999999999999", "计划外支出编码 1 个", "拒收文件 rejected-2026-06-30.csv 共 3 行");
        for (RenderedReport unit : List.of(unitA, unitB)) {
            String text = unit.text().replace("\n", "");
            // The code that is in no unit's plan is not the unit's to count; the fixture's 3 rejects name no
            // project, so none is the unit's and the report says that they cannot be placed and are elsewhere.
            assertThat(text).doesNotContain("C99999999999999999999", "计划外支出编码 1 个", "计划外支出编码 0 个", "拒收 3 行",
                    "见汇总报告");
            assertThat(text).contains("无法归属本单位，本报告不列示", "本单位项目无拒收记录",
                    "另有 3 行拒收记录（无可识别的项目编码，或整份文件被拒收）无法确定所属单位，本报告不列示",
                    "本单位如需核对请向财务部门索取");
        }
    }

    private static void assertOnly(RenderedReport report, String unit, List<String> codes, String otherUnit,
            List<String> otherCodes, String reportId) {
        String text = report.text();
        assertThat(text).contains("编制单位：" + unit, reportId).doesNotContain(otherUnit, "汇总（");
        for (String code : codes) {
            assertThat(text).contains(code);
        }
        for (String code : otherCodes) {
            assertThat(text).doesNotContain(code);
        }
        for (String page : report.pages) {
            assertThat(page).contains(reportId);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
