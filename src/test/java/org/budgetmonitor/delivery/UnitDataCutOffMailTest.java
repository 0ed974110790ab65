package org.budgetmonitor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.budgetmonitor.report.ReportFixtures;
import org.budgetmonitor.support.OutputFiles;
import org.budgetmonitor.variance.DataCutOff;
import org.budgetmonitor.variance.VarianceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit's mail of several units says how recent its own payments are, as its report does: the exports
 * reach yesterday, but a unit unpaid for 51 days is warned.
 */
class UnitDataCutOffMailTest {

    @TempDir
    Path dir;

    private final List<VarianceRow> rows = new ReportFixtures()
            .project("472001", "沧州临港经济技术开发区生物医药招商局本级", "13091626P000175100046", "国内招商", "20.00")
            .project("471005", "沧州临港经济技术开发区财政局本级", "13091626P000271000001", "财政信息化运维", "30.00")
            .paid("13091626P000175100046", "2026-06-29", "100000.00")
            .paid("13091626P000271000001", "2026-05-10", "150000.00")
            .rows();

    private final DataCutOff exports = new DataCutOff(ReportFixtures.AS_OF, LocalDate.of(2026, 6, 29), 3);
    private final Map<String, LocalDate> latest = Map.of("472001", LocalDate.of(2026, 6, 29),
            "471005", LocalDate.of(2026, 5, 10));

    private String body(String unit) {
        DeliveryTasklet tasklet = new DeliveryTasklet(new OutputFiles(dir, ReportFixtures.AS_OF), "nightly",
                DeliveryTasklet.ReportKind.VARIANCE, null, null, null, job -> rows);
        List<VarianceRow> own = rows.stream().filter(r -> r.unitCode().equals(unit)).toList();
        return tasklet.compose(unit, own, List.of("a@example.org"), true, 0, exports, Map.of(), latest).body();
    }

    @Test
    void aUnitUnpaidForLongerThanTheLimitIsWarnedThoughTheExportsAreRecent() {
        assertThat(body("471005")).contains(
                "数据截止 2026-06-29（全部单位的最近支付），距截至日期 1 天；本单位最近支付 2026-05-10，距截至日期 51 天。\n",
                "数据可能不完整：本单位最近一笔支付距截至日期 51 天（超过 3 天），而全部单位的支付数据截至 2026-06-29");
        assertThat(body("472001")).contains("本单位最近支付 2026-06-29，距截至日期 1 天").doesNotContain("数据可能不完整");
    }
}
