package org.budgetmonitor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The *OnPostgresTest classes really run on PostgreSQL, with Flyway's migrations and the job repository there. */
@JobTest
@OnPostgres
class OnPostgresTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDatabaseIsPostgresqlWithTheWholeSchema() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_name IN "
                + "('batch_job_instance', 'disbursement', 'quarterly_review', 'run_log')", Integer.class)).isEqualTo(4);
    }
}
