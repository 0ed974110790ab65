package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariancePdfTest {

    @TempDir
    static Path dir;

    static RenderedReport sample;

    @BeforeAll
    static void renderSample() throws IOException {
        sample = RenderedReport.render(ReportFixtures.sample(), "zh", dir.resolve("sample"));
    }

    @Test
    void chineseProjectNamesFiguresAndFlagWordsAreExtractableText() {
        String text = sample.text();
        assertThat(text).contains("预算执行进度监控报告", "沧州临港经济技术开发区生物医药招商局本级", "国内招商",
                "河北省药品医疗器械检验研究院沧州实验室");
        // 国内招商: budget 20.00 万元, 1.20 万元 spent against 10.00 expected → 6.00 %, gap -44.00 pp, RED.
        assertThat(text).contains("20.00", "1.20", "6.00", "-44.00", "红色 进度滞后（节点计划未完成）");
        assertThat(text).contains("黄色", "绿色 正常");
        // Thousands separators and the summary totals.
        assertThat(text).contains("预算合计 155.00 万元", "实际支出 53.60 万元", "序时进度 49.59%");
    }

    @Test
    void summaryNamesTheRedProjectsAndTheDataQualitySection() {
        assertThat(sample.pages.get(0)).contains("红色预警项目：国内招商（进度滞后、节点计划未完成）；展会相关费用");
        assertThat(sample.text()).contains("13091626P999999999999 实际支出 0.68 万元",
                "拒收文件 rejected-2026-06-30.csv 共 1 行");
    }

    @Test
    void chineseIsDrawnWithTheEmbeddedNotoFontInIdentityH() throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(sample.pdf.toFile())) {
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
        }
        assertThat(fonts).isNotEmpty().allSatisfy(font -> {
            assertThat(font.getName()).contains("NotoSansSC").doesNotContain("STSong");
            assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
            assertThat(font).isInstanceOf(PDType0Font.class);
            assertThat(font.getCOSObject().getNameAsString(COSName.ENCODING)).isEqualTo("Identity-H");
        });
    }

    @Test
    void chartLabelsAreTextInTheEmbeddedNotoFontNotGlyphOutlines() throws IOException {
        // Only the charts' legends say these: drawn as outlines they could not be searched or copied,
        // and a unit's 40 charts of outlines were 5 MB of drawing operators.
        assertThat(sample.text()).contains("计划累计（节点间线性插值）", "实际执行率");
        List<PDFont> chartFonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(sample.pdf.toFile())) {
            for (PDPage page : doc.getPages()) {
                collectFormFonts(page.getResources(), chartFonts);
            }
        }
        assertThat(chartFonts).isNotEmpty().allSatisfy(font -> {
            assertThat(font.getName()).contains("NotoSansSC");
            assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
        });
    }

    /** The fonts of the form XObjects (JasperReports draws each chart as one) under these resources. */
    private static void collectFormFonts(PDResources resources, List<PDFont> fonts) throws IOException {
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form && form.getResources() != null) {
                for (COSName fontName : form.getResources().getFontNames()) {
                    fonts.add(form.getResources().getFont(fontName));
                }
                collectFormFonts(form.getResources(), fonts);
            }
        }
    }

    @Test
    void everyPageCarriesItsNumberTheTotalAndTheReportId() {
        int total = sample.pages.size();
        for (int i = 1; i <= total; i++) {
            assertThat(sample.pages.get(i - 1)).contains("第 " + i + " 页 /", "共 " + total + " 页",
                    "报告编号：BM-20260630-ALL-E1");
        }
        assertThat(sample.pages.get(total - 1)).contains("填报人", "审核人", "单位负责人", "日期");
    }

    @Test
    void aSmallAllGreenUnitPrintsOnTwoPagesTableThenRateChartAndSignOff() throws IOException {
        ReportFixtures green = new ReportFixtures()
                .project("472001", "某单位", "P1", "项目一", "10.00").paid("P1", "2026-06-01", "50000.00")
                .project("472001", "某单位", "P2", "项目二", "10.00").paid("P2", "2026-06-01", "50000.00");
        RenderedReport report = RenderedReport.render(green, "zh", dir.resolve("green"));
        assertThat(report.pages).hasSize(2);
        assertThat(report.pages.get(0)).contains("项目一", "项目二", "计划外支出：无", "本次导入无拒收记录");
        assertThat(report.pages.get(1)).contains("各项目执行率与应达执行率", "填报人").doesNotContain("红黄预警项目");
    }

    @Test
    void eachRedOrYellowProjectGetsItsOwnChartTwoToAPage() {
        // Code in the table and again above its chart; the GREEN project only in the table.
        assertThat(sample.occurrences("13091626P000175100046")).isEqualTo(2); // RED
        assertThat(sample.occurrences("13091626P000178100047")).isEqualTo(2); // RED
        assertThat(sample.occurrences("13091626P00018210006K")).isEqualTo(2); // YELLOW
        assertThat(sample.occurrences("13091626P000177100055")).isEqualTo(1); // GREEN
        assertThat(sample.pages.stream().filter(p -> p.contains("计划与实际累计支出") || p.contains("13091626P00018210006K　"))
                .count()).isGreaterThanOrEqualTo(1);
        // Three charts at two per page, after the table page and the rate-chart page.
        assertThat(sample.pages).hasSizeBetween(4, 5);
    }

    @Test
    void theChartSectionHeadingIsPrintedOnThePageOfItsFirstChart() {
        // The RED projects come first; "code　name" is the title above a chart (the table has no full-width space).
        List<String> headingPages = sample.pages.stream().filter(p -> p.contains("红黄预警项目：计划与实际累计支出")).toList();
        assertThat(headingPages).hasSize(1);
        assertThat(headingPages.get(0)).contains("13091626P000175100046　国内招商");
    }

    @Test
    void theSignOffSharesThePageOfTheLastTwoChartsInsteadOfStandingAloneOnAnEmptyPage() throws IOException {
        // Two RED projects: heading and both charts on one page; four: two more charts on the next page.
        for (int charts : new int[] {2, 4}) {
            ReportFixtures red = new ReportFixtures();
            for (int i = 1; i <= charts; i++) {
                red.project("472001", "某单位", "R" + i, "红色项目" + i, "10.00");
            }
            RenderedReport report = RenderedReport.render(red, "zh", dir.resolve("red-" + charts));
            String last = report.pages.get(report.pages.size() - 1);
            assertThat(last).as("%d charts", charts)
                    .contains("填报人", "R" + (charts - 1) + "　红色项目" + (charts - 1), "R" + charts + "　红色项目" + charts);
            // table, rate chart, then the charts two to a page
            assertThat(report.pages).as("%d charts", charts).hasSize(2 + charts / 2);
        }
    }

    @Test
    void aLongTableRunsOverPagesWithEveryProjectOnceAndColumnHeadingsOnEachTablePage() throws IOException {
        RenderedReport report = RenderedReport.render(ReportFixtures.manyProjects(100), "zh",
                dir.resolve("hundred"));
        for (int i = 1; i <= 100; i++) {
            assertThat(report.text()).contains(String.format("13091626P%012d", i));
        }
        long tablePages = report.pages.stream().filter(p -> p.contains("项目名称")).count();
        // 16 pt rows: 22 fit under the header on page 1, 31 on later pages → 100 rows need 4 pages.
        assertThat(tablePages).isEqualTo(4);
        // 20 RED + 20 YELLOW charts, two per page, plus the rate chart page (which may also hold the first).
        assertThat(report.pages.size()).isBetween((int) tablePages + 20, (int) tablePages + 21 + 1);
    }

    @Test
    void theColumnHeadingsAreNeverPrintedWithoutARowUnderThem() throws IOException {
        // Some 20 rows fill page 1, so unplanned spending, the rejects and the flag rules follow on page 2: an
        // officer must not find the table's headings there with nothing under them, as if rows had gone missing.
        int notesAfterPage1 = 0;
        for (int projects = 17; projects <= 22; projects++) {
            RenderedReport report = RenderedReport.render(ReportFixtures.manyProjects(projects), "zh",
                    dir.resolve("full-page-" + projects));
            for (int page = 0; page < report.pages.size(); page++) {
                String text = report.pages.get(page);
                boolean rows = text.lines().anyMatch(l -> l.matches("\\d+ 13091626P\\d{12} .*"));
                if (page > 0 && text.contains("计划外支出及数据质量")) {
                    notesAfterPage1++;
                }
                if (text.contains("预警及原因")) {
                    assertThat(rows).as("%d projects: page %d prints the column headings, so a row under them:%n%s",
                            projects, page + 1, text).isTrue();
                }
            }
        }
        assertThat(notesAfterPage1).as("the notes after the table go over to page 2 at one of these sizes").isPositive();
    }

    @Test
    void englishLocaleGivesTheSameReportWithEnglishHeadings() throws IOException {
        RenderedReport en = RenderedReport.render(ReportFixtures.sample(), "en", dir.resolve("en"));
        assertThat(en.text()).contains("Budget Execution Progress Report", "Project name", "Execution rate",
                "RED behind plan (checkpoint missed)", "GREEN on track", "Page 1 /", "Prepared by:", "-44.00");
        assertThat(en.text()).doesNotContain("预算执行进度监控报告", "项目名称", "第 1 页");
        assertThat(en.pages).hasSameSizeAs(sample.pages);
    }

    @Test
    void anUnknownReportLanguageIsRefusedInsteadOfFallingBackToTheJvmLocale() {
        assertThatThrownBy(() -> ReportText.forLanguage("fr")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("report-locale=fr");
    }

    @Test
    void aMissingFontStopsTheReportWithInstructionsInsteadOfPrintingBlankChinese() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> ReportFonts.check(empty)).isInstanceOf(ReportFonts.MissingFontException.class)
                    .hasMessageContaining("NotoSansSC_400Regular.ttf").hasMessageContaining("mvn package");
        }
    }
}
