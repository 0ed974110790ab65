package org.budgetmonitor.variance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorstFirstTest {

    private record Row(String code, BigDecimal overBudget, BigDecimal gapPp) {
    }

    @Test
    void listsTheLargestAmountOverBudgetFirstThenTheFurthestBehindAndThoseWithoutAGapLast() {
        List<Row> rows = List.of(
                new Row("behind-10", BigDecimal.ZERO, new BigDecimal("-10")),
                new Row("no-gap", BigDecimal.ZERO, null),
                new Row("over-2", new BigDecimal("2.00"), new BigDecimal("5")),
                new Row("behind-40", BigDecimal.ZERO, new BigDecimal("-40")),
                new Row("over-7", new BigDecimal("7.00"), new BigDecimal("1")));

        assertThat(rows.stream().sorted(WorstFirst.by(Row::overBudget, Row::gapPp)).map(Row::code))
                .containsExactly("over-7", "over-2", "behind-40", "behind-10", "no-gap");
    }

    @Test
    void theFirstFewAreThoseSortingAllGivesTiesInTheirOwnOrder() {
        java.util.Random random = new java.util.Random(17);
        for (int round = 0; round < 200; round++) {
            List<Row> rows = new java.util.ArrayList<>();
            int size = random.nextInt(60);
            for (int i = 0; i < size; i++) {
                // Few distinct values, so that ties are common; some rows without a gap.
                rows.add(new Row("P" + i, BigDecimal.valueOf(random.nextInt(3)),
                        random.nextInt(5) == 0 ? null : BigDecimal.valueOf(random.nextInt(4) - 2)));
            }
            var order = WorstFirst.<Row>by(Row::overBudget, Row::gapPp);
            int n = random.nextInt(25);

            assertThat(WorstFirst.firstOf(rows, order, n))
                    .containsExactlyElementsOf(rows.stream().sorted(order).limit(n).toList());
        }
    }
}
