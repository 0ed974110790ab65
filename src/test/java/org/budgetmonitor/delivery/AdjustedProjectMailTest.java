package org.budgetmonitor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.budgetmonitor.report.ReportFixtures;
import org.budgetmonitor.support.OutputFiles;
import org.budgetmonitor.variance.VarianceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report mail's text body for a unit whose plan was adjusted (预算调整) and one of whose projects was cancelled. */
class AdjustedProjectMailTest {

    @TempDir
    Path dir;

    @Test
    void theMailNamesEachAdjustedProjectWithItsBudgetInForceAndItsOriginalBudgetAndTheCancelledOneAsRed() {
        List<VarianceRow> rows = ReportFixtures.sample()
                .adjustment("13091626P000175100046", "2026-04-01", "5.00", "沧临财预〔2026〕5号", "追加招商活动经费")
                .adjustment("13091626P00018210006K", "2026-06-15", "-100.00", "沧临财预〔2026〕9号", "项目撤销")
                .rows().stream().filter(VarianceRow::planned).toList();
        DeliveryTasklet tasklet = new DeliveryTasklet(new OutputFiles(dir, ReportFixtures.AS_OF), "nightly",
                DeliveryTasklet.ReportKind.VARIANCE, null, null, null, job -> rows);

        String body = tasklet.compose("472001", rows, List.of("a@example.org"), false, 1, null).body();

        assertThat(body).contains("13091626P000175100046 国内招商：调整后预算 25.00 万元，年初预算 20.00 万元\n");
        assertThat(body).contains("13091626P00018210006K 河北省药品医疗器械检验研究院沧州实验室：调整后预算 0.00 万元，"
                + "年初预算 100.00 万元（项目撤销）\n");
        // Among the RED projects: no gap to state (no budget to measure by), its reasons and all it spent as overspend.
        assertThat(body).contains("  13091626P00018210006K 河北省药品医疗器械检验研究院沧州实验室（项目撤销、超预算），超支 40.00 万元\n");
        assertThat(body).doesNotContain("13091626P000177100055 宣传：调整后预算");
    }
}
