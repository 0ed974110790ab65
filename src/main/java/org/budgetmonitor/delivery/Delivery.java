package org.budgetmonitor.delivery;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** One unit's report e-mail: to whom, what it says, what is attached, and whether it went. */
public record Delivery(
        long id,
        String jobName,
        LocalDate asOf,
        String unitCode,
        List<String> recipients,
        String subject,
        String body,
        List<Path> files,
        Status status,
        int attempts,
        String lastError) {

    public enum Status {
        PENDING, SENT
    }
}
