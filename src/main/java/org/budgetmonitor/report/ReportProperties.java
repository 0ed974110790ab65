package org.budgetmonitor.report;

import org.budgetmonitor.variance.DataCutOff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the variance reports are written ({@code monitor.report.*}; the language is
 * {@code monitor.report.locale}, read where the text is made).
 *
 * @param threads reports rendered at the same time; 0 means one per available processor
 * @param combinedDetailMaxProjects above this many projects the combined PDF of several units lists one
 *        line per unit and only the RED and YELLOW projects (the XLSX keeps every project)
 * @param staleDays more days than this between the latest payment and the as-of date, and the report,
 *        the run summary and the mail say that the figures may be incomplete
 */
@ConfigurationProperties("monitor.report")
public record ReportProperties(
        @DefaultValue("0") int threads,
        @DefaultValue("5000") int combinedDetailMaxProjects,
        @DefaultValue("3") int staleDays) {

    public static final ReportProperties DEFAULTS = new ReportProperties(0,
            VarianceReportAssembler.DEFAULT_COMBINED_DETAIL_MAX_PROJECTS, DataCutOff.DEFAULT_STALE_DAYS);

    public ReportProperties {
        if (threads < 0) {
            throw new IllegalArgumentException("monitor.report.threads must be 0 (one per processor) or more, not "
                    + threads);
        }
        if (staleDays < 0) {
            throw new IllegalArgumentException("monitor.report.stale-days must be 0 or more, not " + staleDays);
        }
    }

    /** The pool size actually used. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
