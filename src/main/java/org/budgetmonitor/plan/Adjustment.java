package org.budgetmonitor.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import org.budgetmonitor.money.Money;

/**
 * One line of {@code adjustments.csv} (预算调整): a signed change of a project's budget from a date,
 * split into fiscal and other funds, with its document number and reason.
 *
 * @param revisedPlan the project's cumulative plan after the effective date, as written (in the project's
 *        plan unit: 万元 or % of the adjusted budget); empty means the later checkpoints are scaled
 * @param line the line of the file it was read from
 */
public record Adjustment(
        String projectCode,
        LocalDate effectiveDate,
        Money budgetChange,
        Money fiscalChange,
        Money otherChange,
        String documentNo,
        String reason,
        SortedMap<LocalDate, BigDecimal> revisedPlan,
        long line) {

    public Adjustment {
        revisedPlan = Collections.unmodifiableSortedMap(new TreeMap<>(revisedPlan));
    }

    public int fiscalYear() {
        return effectiveDate.getYear();
    }
}
