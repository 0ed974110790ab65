package org.budgetmonitor.quarterly;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.budgetmonitor.variance.VarianceRow;

/**
 * A review split by budget unit, for each unit's own document: the unit's projects and their
 * indicators, with the review's date, version and cut-off. Unplanned codes are in no unit's plan,
 * so no unit's part holds them; they stay in the combined review for the supervising bureau.
 */
public final class QuarterlyReviewUnits {

    private QuarterlyReviewUnits() {
    }

    /** The units of the reviewed plan, in plan order. */
    public static List<String> unitCodes(QuarterlyReview review) {
        Set<String> codes = new LinkedHashSet<>();
        review.rows().stream().map(QuarterlyRow::variance).filter(VarianceRow::planned)
                .forEach(v -> codes.add(v.unitCode()));
        return List.copyOf(codes);
    }

    /** One unit's part of the review: its projects, in the review's order, and their indicators. */
    public static QuarterlyReview ofUnit(QuarterlyReview review, String unitCode) {
        List<QuarterlyRow> rows = review.rows().stream()
                .filter(r -> r.variance().planned() && unitCode.equals(r.variance().unitCode())).toList();
        Set<String> projects = rows.stream().map(r -> r.variance().projectCode()).collect(Collectors.toSet());
        List<IndicatorReview> indicators = review.indicators().stream()
                .filter(i -> projects.contains(i.projectCode())).toList();
        return new QuarterlyReview(review.asOf(), review.version(), review.createdAt(), review.dataCutoff(), rows,
                indicators, review.planRevision(), review.planChanges().stream()
                        .filter(c -> projects.contains(c.projectCode())).toList(), review.rejectedRows());
    }

    /** Codes with spending that are in no unit's plan. */
    public static int unplannedCodes(QuarterlyReview review) {
        return (int) review.rows().stream().filter(r -> !r.variance().planned()).count();
    }
}
