package org.budgetmonitor.quarterly;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.budgetmonitor.plan.Indicator;

/**
 * Judges each indicator as of the review date: its value to date (with the date it was reported),
 * full-year estimate, status and the likelihood of meeting the target. The officer's own estimate
 * and likelihood in the progress file override the derived ones, except at the year end, when the
 * likelihood is decided by the status (已达成 ⇒ 确定能, 未达成 ⇒ 完全不可能). A 控制在预算内 target
 * needs no input: the spending answers it. A value the program cannot read against its target (a
 * sentence for a qualitative target; for a numeric one anything but a bare number in its unit) is
 * never judged: it is 待确认 until the officer confirms it in the progress file's {@code status}
 * column, and so is, at the year end, a value older than the review that misses its target.
 */
public class IndicatorEvaluator {

    public static final List<String> CAUSE_CATEGORIES = List.of("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他");

    private static final Set<String> DONE_WORDS = Set.of("已完成", "完成", "已达成", "达成", "是", "按时完成");

    public IndicatorReview evaluate(Indicator indicator, QuarterlyRow project, List<IndicatorProgress> progress) {
        LocalDate asOf = project.variance().asOf();
        boolean yearOver = asOf.getMonthValue() == 12 && asOf.getDayOfMonth() == 31;
        IndicatorTarget target = IndicatorTarget.parse(indicator.target());
        // The fiscal year's reports only: last year's 95% says nothing about this year.
        List<IndicatorProgress> lines = progress.stream()
                .filter(p -> p.projectCode().equals(indicator.projectCode()) && p.indicator().equals(indicator.level3()))
                .filter(p -> !p.date().isAfter(asOf) && p.date().getYear() == asOf.getYear())
                .sorted(Comparator.comparing(IndicatorProgress::date).thenComparingLong(IndicatorProgress::line))
                .toList();
        // The newest line is the officer's latest word (a line may give only a status); the value shown is
        // the newest one reported, with its own date, and its cause and measure explain it.
        Optional<IndicatorProgress> latest = lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1));
        Optional<IndicatorProgress> reported = lines.stream().filter(p -> !p.value().isBlank()).reduce((a, b) -> b);
        Optional<IndicatorProgress> addendum = latest.filter(p -> p.value().isBlank());

        String value = reported.map(IndicatorProgress::value).orElse("");
        LocalDate valueDate = reported.map(IndicatorProgress::date).orElse(null);
        String expected = newest(addendum, reported, IndicatorProgress::expectedFullYear);
        Optional<IndicatorStatus> confirmed = latest.flatMap(p -> IndicatorStatus.confirmedBy(p.status()));
        IndicatorStatus status;
        Likelihood likelihood;
        switch (target.kind()) {
            case WITHIN_BUDGET -> {
                BigDecimal actual = project.variance().actual().wanForDisplay();
                BigDecimal budget = project.variance().budget().wanForDisplay();
                value = "实际支出 " + actual.toPlainString() + " 万元 / 预算 " + budget.toPlainString() + " 万元";
                valueDate = asOf;
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
                // Only a bare number is judged; a sentence with numbers in it is the officer's to read.
                Optional<IndicatorTarget.Reading> reading = target.read(value);
                Optional<Boolean> met = reading.flatMap(target::isMetBy);
                if (value.isBlank()) {
                    status = confirmed.orElse(IndicatorStatus.NO_DATA);
                } else if (met.isEmpty()) {
                    status = confirmed.orElse(IndicatorStatus.TO_CONFIRM);
                } else if (met.get()) {
                    status = IndicatorStatus.ACHIEVED;
                } else if (!yearOver) {
                    status = IndicatorStatus.IN_PROGRESS;
                } else if (valueDate.isBefore(asOf)) {
                    // September's 72% does not say how the year ended: the officer does.
                    status = confirmed.orElse(IndicatorStatus.TO_CONFIRM);
                } else {
                    status = IndicatorStatus.NOT_ACHIEVED;
                }
                likelihood = derived(status);
                Optional<BigDecimal> number = reading.filter(r -> !r.atLeast()).map(IndicatorTarget.Reading::number);
                if (expected.isEmpty() && number.isPresent()) {
                    expected = target.accumulates() ? project(number.get(), valueDate) + target.unit()
                            : number.get().toPlainString() + target.unit();
                }
            }
            default -> {
                String done = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
                if (confirmed.isPresent()) {
                    status = confirmed.get();
                } else if (value.isBlank()) {
                    status = IndicatorStatus.NO_DATA;
                } else if (DONE_WORDS.contains(done)) {
                    status = IndicatorStatus.ACHIEVED;
                } else {
                    status = IndicatorStatus.TO_CONFIRM;
                }
                likelihood = derived(status);
            }
        }
        Optional<Likelihood> stated = Likelihood.fromText(newest(addendum, reported, IndicatorProgress::likelihood));
        boolean decided = status == IndicatorStatus.NOT_ACHIEVED || yearOver && status == IndicatorStatus.ACHIEVED;
        if (decided) {
            likelihood = derived(status);
        } else if (stated.isPresent()) {
            likelihood = stated.get();
        }
        if (yearOver && likelihood == Likelihood.POSSIBLE) {
            // Nothing is "possible" once the year is over: left for the officer to fill.
            likelihood = null;
        }
        String category = reported.or(() -> latest).map(IndicatorProgress::causeCategory).orElse("");
        String note = notes(addendum, reported);
        if (!category.isEmpty() && !CAUSE_CATEGORIES.contains(category)) {
            note = (note.isEmpty() ? "" : note + "；") + "原因类别“" + category + "”不在规定类别中";
            category = "其他";
        }
        return new IndicatorReview(indicator.projectCode(), indicator.seq(), indicator.level1(), indicator.level2(),
                indicator.level3(), indicator.target(), value, expected, status, likelihood, category,
                reported.or(() -> latest).map(IndicatorProgress::cause).orElse(""),
                reported.or(() -> latest).map(IndicatorProgress::measure).orElse(""), note, valueDate);
    }

    /** The status-only line's own field where it gives one, else the value's line's. */
    private static String newest(Optional<IndicatorProgress> addendum, Optional<IndicatorProgress> reported,
            Function<IndicatorProgress, String> field) {
        return addendum.map(field).filter(s -> !s.isBlank())
                .or(() -> reported.map(field)).orElse("");
    }

    /**
     * The value's note, then the status-only line's; a cause or measure written on a status-only line
     * after a value joins its note with its date, since the page dates the cause by the value.
     */
    private static String notes(Optional<IndicatorProgress> addendum, Optional<IndicatorProgress> reported) {
        List<String> parts = new ArrayList<>();
        reported.map(IndicatorProgress::note).filter(s -> !s.isBlank()).ifPresent(parts::add);
        addendum.ifPresent(a -> {
            if (!a.note().isBlank()) {
                parts.add(a.note());
            }
            if (reported.isPresent() && (!a.cause().isBlank() || !a.measure().isBlank())) {
                String heading = a.causeCategory().isBlank() ? "" : "（" + a.causeCategory() + "）";
                String said = (a.cause().isBlank() ? "" : "偏差原因" + heading + "：" + a.cause())
                        + (!a.cause().isBlank() && !a.measure().isBlank() ? "；" : "")
                        + (a.measure().isBlank() ? "" : "纠偏措施：" + a.measure());
                parts.add("〔" + a.date().getMonthValue() + "月" + a.date().getDayOfMonth() + "日填报〕" + said);
            }
        });
        return String.join("；", parts);
    }

    /** What the status alone says; null (待填) where it says nothing. */
    private static Likelihood derived(IndicatorStatus status) {
        return switch (status) {
            case ACHIEVED -> Likelihood.CERTAIN;
            case NOT_ACHIEVED -> Likelihood.IMPOSSIBLE;
            case IN_PROGRESS -> Likelihood.POSSIBLE;
            case NO_DATA, TO_CONFIRM -> null;
        };
    }

    /** A count reported on a date carried to the year end at the pace up to that date, 1 decimal. */
    private static String project(BigDecimal toDate, LocalDate reported) {
        return toDate.multiply(BigDecimal.valueOf(reported.lengthOfYear()))
                .divide(BigDecimal.valueOf(reported.getDayOfYear()), MathContext.DECIMAL128)
                .setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
