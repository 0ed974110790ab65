package org.budgetmonitor.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Rows added to a batch all reach the table, in batches, the last partial one with {@code finish}. */
class RowBatchTest {

    @Test
    void everyRowAddedIsInsertedOnceTheBatchIsFinished() {
        var dataSource = new SingleConnectionDataSource("jdbc:h2:mem:rowbatch", "sa", "", true);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE t (n INT PRIMARY KEY, s VARCHAR(10))");

        RowBatch batch = new RowBatch(jdbc, "INSERT INTO t (n, s) VALUES (?, ?)");
        for (int n = 0; n < 2 * RowBatch.SIZE + 7; n++) {
            batch.add(n, "r" + n);
        }
        // Two full batches are in before the finish; the seven left only after it.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t", Integer.class)).isEqualTo(2 * RowBatch.SIZE);
        assertThat(batch.finish()).isEqualTo(2 * RowBatch.SIZE + 7);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t", Integer.class)).isEqualTo(2 * RowBatch.SIZE + 7);
        assertThat(new RowBatch(jdbc, "INSERT INTO t (n, s) VALUES (?, ?)").finish()).isZero();
        dataSource.destroy();
    }
}
