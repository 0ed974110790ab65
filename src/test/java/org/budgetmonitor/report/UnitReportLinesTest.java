package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * A unit's report of several lists its own projects numbered from 1, each line with the figures and words of the
 * same project's line in the combined report (the lines are made once and shared, numbered afresh).
 */
class UnitReportLinesTest {

    @Test
    void eachUnitNumbersItsOwnLinesFromOneWithTheCombinedReportsFigures() {
        ReportText text = ReportText.forLanguage("zh");
        List<VarianceReport> reports = new VarianceReportAssembler(text)
                .assemble(ReportFixtures.manyUnits(3, 4).inputs());
        VarianceReport combined = reports.get(0);
        List<VarianceReport> units = reports.subList(1, reports.size());

        assertThat(combined.combined()).isTrue();
        assertThat(units).hasSize(3);
        assertThat(combined.rows()).extracting(ReportRow::no)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 12).boxed().toList());
        for (VarianceReport unit : units) {
            assertThat(unit.rows()).extracting(ReportRow::no).containsExactly(1, 2, 3, 4);
            for (ReportRow line : unit.rows()) {
                ReportRow same = combined.rows().stream().filter(r -> r.code().equals(line.code())).findFirst()
                        .orElseThrow();
                assertThat(line.unitCode()).isEqualTo(unit.unitCode());
                assertThat(line).usingRecursiveComparison().ignoringFields("no").isEqualTo(same);
            }
        }
    }
}
