package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit's own report says how recent its own payments are. The data cut-off — the latest pay date of
 * any payment, the date the exports reach — is the same for every unit, but "no payment for 51 days"
 * is a unit's: the stale warning of a unit's report is decided by its own latest payment.
 */
class UnitDataCutOffTest {

    private static final String A = "沧州临港经济技术开发区生物医药招商局本级";
    private static final String B = "沧州临港经济技术开发区财政局本级";
    private static final String C = "沧州临港经济技术开发区商务局本级";

    @TempDir
    Path dir;

    /** Unit 472001 paid the day before the as-of date, 471005 last on 10 May, 473009 never. */
    private static ReportFixtures threeUnits() {
        return new ReportFixtures()
                .project("472001", A, "13091626P000175100046", "国内招商", "20.00")
                .project("471005", B, "13091626P000271000001", "财政信息化运维", "30.00")
                .project("473009", C, "13091626P000373000001", "外贸促进", "10.00")
                .paid("13091626P000175100046", "2026-06-29", "100000.00")
                .paid("13091626P000271000001", "2026-05-10", "150000.00")
                .cutOff(LocalDate.of(2026, 6, 29), 3);
    }

    private static VarianceReport unit(List<VarianceReport> reports, String unitCode) {
        return reports.stream().filter(r -> unitCode.equals(r.unitCode())).findFirst().orElseThrow();
    }

    @Test
    void aUnitWhoseLastPaymentIsOlderThanTheLimitIsWarnedThoughTheExportsAreRecent() {
        List<VarianceReport> reports = threeUnits().reports(ReportText.forLanguage("zh"));
        VarianceReport combined = reports.get(0);
        VarianceReport stale = unit(reports, "471005");
        VarianceReport fresh = unit(reports, "472001");
        VarianceReport none = unit(reports, "473009");

        assertThat(combined.dataCutOff().stale()).isFalse();
        assertThat(fresh.dataCutOff().stale()).isFalse();
        assertThat(stale.dataCutOff().stale()).isTrue();
        assertThat(stale.dataCutOff().latestPayment()).isEqualTo(LocalDate.of(2026, 5, 10));
        assertThat(stale.dataCutOff().daysBefore()).isEqualTo(51);
        assertThat(none.dataCutOff().stale()).isTrue();
        assertThat(none.dataCutOff().hasPayments()).isFalse();
        // The date the exports reach stays the system's, in every report.
        assertThat(reports).allSatisfy(r -> assertThat(r.cutOff()).isEqualTo(LocalDate.of(2026, 6, 29)));
    }

    @Test
    void theUnitsPdfStatesBothTheExportsCutOffAndTheUnitsOwnLatestPayment() throws IOException {
        ReportFixtures fixtures = threeUnits();
        ReportText zh = ReportText.forLanguage("zh");
        List<VarianceReport> reports = fixtures.reports(zh);
        String stale = render(unit(reports, "471005"), zh, "stale").pages.get(0);
        String fresh = render(unit(reports, "472001"), zh, "fresh").pages.get(0);
        String none = render(unit(reports, "473009"), zh, "none").pages.get(0);
        String combined = render(reports.get(0), zh, "all").pages.get(0);

        assertThat(flat(stale)).contains("数据截止 2026-06-29（全部单位的最近支付），距截至日期 1 天；本单位最近支付 2026-05-10，距截至日期 51 天",
                "数据可能不完整：本单位最近一笔支付距截至日期 51 天（超过 3 天）");
        assertThat(flat(none)).contains("本单位截至该日尚无支付", "数据可能不完整：截至该日本单位尚无任何支付数据");
        assertThat(flat(fresh)).contains("本单位最近支付 2026-06-29，距截至日期 1 天（未超过 3 天的提示界限）")
                .doesNotContain("数据可能不完整");
        assertThat(flat(combined)).contains("数据截止 2026-06-29，距截至日期 1 天").doesNotContain("数据可能不完整", "本单位");
    }

    @Test
    void theUnitsWorkbookAndPageSayTheSameAndTheEnglishReportToo() throws IOException {
        ReportFixtures fixtures = threeUnits();
        ReportText en = ReportText.forLanguage("en");
        VarianceReport stale = unit(fixtures.reports(en), "471005");

        assertThat(VarianceReportLines.dataWarning(stale, en)).isEqualTo("The figures may be incomplete: this unit's"
                + " latest payment is 51 days before the as-of date (more than 3), though the payment exports reach"
                + " 2026-06-29 (1 days before); payments of this unit may not have been imported. Check before using"
                + " these figures.");
        RenderedReport rendered = render(stale, en, "en");
        assertThat(VarianceXlsxTest.texts(VarianceXlsxTest.cells(rendered.xlsx)))
                .contains(VarianceReportLines.dataWarning(stale, en));
    }

    private RenderedReport render(VarianceReport report, ReportText text, String name) throws IOException {
        return RenderedReport.render(report, text, Files.createDirectories(dir.resolve(name)));
    }

    private static String flat(String page) {
        return page.replace("\n", "");
    }
}
