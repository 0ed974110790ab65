package org.budgetmonitor.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * Everything the quarterly review report prints, already in words and rounded figures.
 *
 * @param reportId stable per date and version, so a reprint of an issued review carries the same id
 * @param interpolationNote names the projects whose plan at the date is interpolated; null when none is
 * @param projectionNote the projects projected above their budget at the current pace; null when none is
 * @param ratesTotal projects that could have a bar; more than {@code rates} holds when capped
 * @param adjustments the changes of the review's plan in force on its date (预算调整), as recorded when issued
 * @param interpolatedCodes the projects the interpolation note names, so a unit's page can name only its own
 * @param rejectedRows the rejected lines the issuing run reported, not in any figure; null: not recorded
 *        (issued before they were)
 */
public record QuarterlyReport(
        LocalDate asOf,
        int version,
        LocalDateTime issuedAt,
        LocalDate dataCutoff,
        LocalDateTime generatedAt,
        String reportId,
        String unitTitle,
        String interpolationNote,
        String projectionNote,
        BigDecimal timeProgressPct,
        BigDecimal focusThresholdWan,
        List<QuarterlyReportRow> rows,
        List<QuarterlyFocusRow> focus,
        List<RatePoint> rates,
        int ratesTotal,
        List<QuarterlyIndicatorLine> indicators,
        List<QuarterlyUnitLine> units,
        QuarterlyUnitLine total,
        List<Unplanned> unplanned,
        List<PlanAdjustmentLine> adjustments,
        Set<String> interpolatedCodes,
        Integer rejectedRows) {

    /** The review of a plan never changed. */
    public QuarterlyReport(LocalDate asOf, int version, LocalDateTime issuedAt, LocalDate dataCutoff,
            LocalDateTime generatedAt, String reportId, String unitTitle, String interpolationNote,
            String projectionNote, BigDecimal timeProgressPct, BigDecimal focusThresholdWan,
            List<QuarterlyReportRow> rows, List<QuarterlyFocusRow> focus, List<RatePoint> rates, int ratesTotal,
            List<QuarterlyIndicatorLine> indicators, List<QuarterlyUnitLine> units, QuarterlyUnitLine total,
            List<Unplanned> unplanned) {
        this(asOf, version, issuedAt, dataCutoff, generatedAt, reportId, unitTitle, interpolationNote, projectionNote,
                timeProgressPct, focusThresholdWan, rows, focus, rates, ratesTotal, indicators, units, total, unplanned,
                List.of(), Set.of(), 0);
    }

    /** A review whose note names no project by code (tests that give the note's words only). */
    public QuarterlyReport(LocalDate asOf, int version, LocalDateTime issuedAt, LocalDate dataCutoff,
            LocalDateTime generatedAt, String reportId, String unitTitle, String interpolationNote,
            String projectionNote, BigDecimal timeProgressPct, BigDecimal focusThresholdWan,
            List<QuarterlyReportRow> rows, List<QuarterlyFocusRow> focus, List<RatePoint> rates, int ratesTotal,
            List<QuarterlyIndicatorLine> indicators, List<QuarterlyUnitLine> units, QuarterlyUnitLine total,
            List<Unplanned> unplanned, List<PlanAdjustmentLine> adjustments) {
        this(asOf, version, issuedAt, dataCutoff, generatedAt, reportId, unitTitle, interpolationNote, projectionNote,
                timeProgressPct, focusThresholdWan, rows, focus, rates, ratesTotal, indicators, units, total, unplanned,
                adjustments, Set.of(), 0);
    }

    /** A project's budget in force differs from its original one: the budget column is 调整后预算. */
    public boolean anyAdjusted() {
        return rows.stream().anyMatch(QuarterlyReportRow::adjusted);
    }

    public QuarterlyReport {
        rows = List.copyOf(rows);
        focus = List.copyOf(focus);
        rates = List.copyOf(rates);
        indicators = List.copyOf(indicators);
        units = List.copyOf(units);
        unplanned = List.copyOf(unplanned);
        adjustments = List.copyOf(adjustments);
        interpolatedCodes = Set.copyOf(interpolatedCodes);
    }
}
