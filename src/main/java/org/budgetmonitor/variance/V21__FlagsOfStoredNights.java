package org.budgetmonitor.variance;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * The flags of the nights stored before {@link FlagHistory} existed, taken from their variance rows, so
 * that "since when" goes on counting from them. Here, beside the history it fills, rather than with the
 * other migrations in {@code db}: it writes the flags exactly as the nightly run does.
 */
@Component
public class V21__FlagsOfStoredNights extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        FlagHistory history = new FlagHistory(jdbc);
        for (LocalDate night : jdbc.queryForList("SELECT DISTINCT as_of FROM variance_result ORDER BY as_of",
                Date.class).stream().map(Date::toLocalDate).toList()) {
            Map<String, Flag> flags = new HashMap<>();
            jdbc.query("SELECT project_code, flag FROM variance_result WHERE as_of = ? AND planned", rs -> {
                flags.put(rs.getString(1), Flag.valueOf(rs.getString(2)));
            }, Date.valueOf(night));
            history.store(night, flags);
        }
    }
}
