package org.budgetmonitor.db;

import java.sql.Date;

import org.springframework.jdbc.core.JdbcTemplate;

/** Moving a stored payment to a new identity, for the migrations that change how identities are made. */
final class StoredIdentity {

    private StoredIdentity() {
    }

    /**
     * The occurrence the payment takes under {@code newKey}, with the holdings of other files moved to
     * it. Nothing counted changes: if the new identity is taken already (the same payment stored twice
     * before, once under each form), the payment becomes its next occurrence.
     */
    static int move(JdbcTemplate jdbc, Date payDate, String oldKey, int oldOccurrence, String newKey) {
        if (newKey.equals(oldKey)) {
            return oldOccurrence;
        }
        int occurrence = oldOccurrence;
        Integer taken = jdbc.queryForObject("SELECT MAX(occurrence) FROM disbursement"
                + " WHERE pay_date = ? AND dedupe_key = ?", Integer.class, payDate, newKey);
        if (taken != null) {
            occurrence = Math.max(occurrence, taken + 1);
        }
        jdbc.update("UPDATE file_payment SET dedupe_key = ?, occurrence = ?"
                + " WHERE pay_date = ? AND dedupe_key = ? AND occurrence = ?",
                newKey, occurrence, payDate, oldKey, oldOccurrence);
        return occurrence;
    }
}
