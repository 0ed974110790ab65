package org.budgetmonitor.db;

import java.sql.Connection;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates Spring Batch's job-repository tables with the DDL that ships in spring-batch-core, so
 * that Flyway owns the whole schema on H2 and PostgreSQL alike (Boot's own initialiser does not
 * treat a file-mode H2 database as embedded and would leave the tables out).
 */
@Component
public class V1__SpringBatchSchema extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String platform = switch (product) {
            case "h2" -> "h2";
            case "postgresql" -> "postgresql";
            default -> throw new IllegalStateException("Unsupported database for the job repository: " + product);
        };
        ScriptUtils.executeSqlScript(connection,
                new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql"));
    }
}
