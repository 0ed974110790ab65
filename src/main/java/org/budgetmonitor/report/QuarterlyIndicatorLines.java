package org.budgetmonitor.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.budgetmonitor.quarterly.IndicatorReview;
import org.budgetmonitor.quarterly.QuarterlyReview;

/**
 * The 双监控 lines of a review in the report's words: each value with its date, an old value
 * (reported before the review date) marked, and its cause and measures marked with the day they
 * were reported, so that September's "10月底前完成" is not read as December's plan.
 */
final class QuarterlyIndicatorLines {

    private final QuarterlyText text;

    QuarterlyIndicatorLines(QuarterlyText text) {
        this.text = text;
    }

    List<QuarterlyIndicatorLine> of(QuarterlyReview review) {
        Map<String, String> names = new HashMap<>();
        review.rows().forEach(r -> names.put(r.variance().projectCode(), r.variance().projectName()));
        return review.indicators().stream()
                .map(i -> line(i, names.getOrDefault(i.projectCode(), ""), review.asOf())).toList();
    }

    QuarterlyIndicatorLine line(IndicatorReview i, String projectName, LocalDate reviewDate) {
        boolean old = i.valueIsOlderThan(reviewDate);
        String reported = old ? text.format("q.ind.reportedOn", i.valueDate().getMonthValue(),
                i.valueDate().getDayOfMonth()) : "";
        String cause = blank(i.causeCategory()) ? nullToEmpty(i.cause())
                : blank(i.cause()) ? i.causeCategory() : i.causeCategory() + text.get("q.ind.causeSeparator") + i.cause();
        return new QuarterlyIndicatorLine(i.projectCode(), projectName, i.level1(), i.level2(), i.level3(),
                nullToEmpty(i.target()), nullToEmpty(i.valueToDate()),
                i.valueDate() == null ? "" : i.valueDate().toString(), old, nullToEmpty(i.expectedFullYear()),
                i.status().name(), text.get("q.status." + i.status().name()),
                text.get("q.likelihood." + (i.likelihood() == null ? "none" : i.likelihood().name())),
                marked(reported, cause), marked(reported, nullToEmpty(i.measure())), nullToEmpty(i.note()));
    }

    private static String marked(String reported, String s) {
        return s.isEmpty() ? s : reported + s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
