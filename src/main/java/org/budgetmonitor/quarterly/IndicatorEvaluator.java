package org.budgetmonitor.quarterly;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.budgetmonitor.plan.Indicator;

/**
 * Judges each indicator as of the review date: its value to date, full-year estimate, status and
 * the likelihood of meeting the target. The officer's own estimate and likelihood in the progress
 * file override the derived ones. A 控制在预算内 target needs no input: the spending answers it.
 */
public class IndicatorEvaluator {

    public static final List<String> CAUSE_CATEGORIES = List.of("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他");

    private static final Pattern LEADING_NUMBER = Pattern.compile("(-?\\d+(?:\\.\\d+)?)");
    private static final Set<String> DONE_WORDS = Set.of("已完成", "完成", "已达成", "达成", "是", "按时完成");

    public IndicatorReview evaluate(Indicator indicator, QuarterlyRow project, List<IndicatorProgress> progress) {
        LocalDate asOf = project.variance().asOf();
        boolean yearOver = asOf.getMonthValue() == 12 && asOf.getDayOfMonth() == 31;
        IndicatorTarget target = IndicatorTarget.parse(indicator.target());
        Optional<IndicatorProgress> latest = progress.stream()
                .filter(p -> p.projectCode().equals(indicator.projectCode()) && p.indicator().equals(indicator.level3()))
                .filter(p -> !p.date().isAfter(asOf))
                .max(Comparator.comparing(IndicatorProgress::date).thenComparingLong(IndicatorProgress::line));

        String value = latest.map(IndicatorProgress::value).orElse("");
        String expected = latest.map(IndicatorProgress::expectedFullYear).orElse("");
        IndicatorStatus status;
        Likelihood likelihood;
        switch (target.kind()) {
            case WITHIN_BUDGET -> {
                BigDecimal actual = project.variance().actual().wanForDisplay();
                BigDecimal budget = project.variance().budget().wanForDisplay();
                value = "实际支出 " + actual.toPlainString() + " 万元 / 预算 " + budget.toPlainString() + " 万元";
                if (expected.isEmpty()) {
                    expected = "按当前进度全年 " + project.projectedYearEnd().wanForDisplay().toPlainString() + " 万元";
                }
                boolean over = project.variance().actual().isGreaterThan(project.variance().budget());
                status = over ? IndicatorStatus.NOT_ACHIEVED : yearOver ? IndicatorStatus.ACHIEVED : IndicatorStatus.IN_PROGRESS;
                likelihood = over ? Likelihood.IMPOSSIBLE
                        : project.projectedYearEnd().isGreaterThan(project.variance().budget()) ? Likelihood.POSSIBLE
                        : Likelihood.CERTAIN;
            }
            case NUMERIC -> {
                Optional<BigDecimal> number = number(value);
                if (number.isEmpty()) {
                    status = IndicatorStatus.NO_DATA;
                    likelihood = null;
                } else if (target.isMetBy(number.get())) {
                    status = IndicatorStatus.ACHIEVED;
                    likelihood = Likelihood.CERTAIN;
                } else {
                    status = yearOver ? IndicatorStatus.NOT_ACHIEVED : IndicatorStatus.IN_PROGRESS;
                    likelihood = yearOver ? Likelihood.IMPOSSIBLE : Likelihood.POSSIBLE;
                }
                if (expected.isEmpty() && number.isPresent()) {
                    expected = target.accumulates() ? project(number.get(), asOf) + target.unit()
                            : number.get().toPlainString() + target.unit();
                }
            }
            default -> {
                String done = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
                if (value.isEmpty()) {
                    status = IndicatorStatus.NO_DATA;
                    likelihood = null;
                } else if (DONE_WORDS.contains(done)) {
                    status = IndicatorStatus.ACHIEVED;
                    likelihood = Likelihood.CERTAIN;
                } else {
                    status = yearOver ? IndicatorStatus.NOT_ACHIEVED : IndicatorStatus.IN_PROGRESS;
                    likelihood = yearOver ? Likelihood.IMPOSSIBLE : Likelihood.POSSIBLE;
                }
            }
        }
        Optional<Likelihood> stated = latest.flatMap(p -> Likelihood.fromText(p.likelihood()));
        if (stated.isPresent()) {
            likelihood = stated.get();
        }
        String category = latest.map(IndicatorProgress::causeCategory).orElse("");
        String note = latest.map(IndicatorProgress::note).orElse("");
        if (!category.isEmpty() && !CAUSE_CATEGORIES.contains(category)) {
            note = (note.isEmpty() ? "" : note + "；") + "原因类别“" + category + "”不在规定类别中";
            category = "其他";
        }
        return new IndicatorReview(indicator.projectCode(), indicator.seq(), indicator.level1(), indicator.level2(),
                indicator.level3(), indicator.target(), value, expected, status, likelihood, category,
                latest.map(IndicatorProgress::cause).orElse(""), latest.map(IndicatorProgress::measure).orElse(""), note);
    }

    private static Optional<BigDecimal> number(String value) {
        Matcher m = LEADING_NUMBER.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC));
        return m.find() ? Optional.of(new BigDecimal(m.group(1))) : Optional.empty();
    }

    /** A count to date carried to the year end at the same pace, 1 decimal. */
    private static String project(BigDecimal toDate, LocalDate asOf) {
        return toDate.multiply(BigDecimal.valueOf(asOf.lengthOfYear()))
                .divide(BigDecimal.valueOf(asOf.getDayOfYear()), MathContext.DECIMAL128)
                .setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
