package org.budgetmonitor.quarterly;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The quarterly review's settings ({@code monitor.quarterly.*}).
 *
 * @param focusUnspentWan a YELLOW project behind plan is on the 重点监控 list when more than this
 *     (万元) of its budget is unspent; RED ones and projections above the budget always are
 */
@ConfigurationProperties("monitor.quarterly")
public record QuarterlyProperties(@DefaultValue("5") BigDecimal focusUnspentWan) {
}
