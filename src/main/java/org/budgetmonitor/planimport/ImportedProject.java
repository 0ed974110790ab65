package org.budgetmonitor.planimport;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.List;
import java.util.SortedMap;

/**
 * A project as read from a 预算项目绩效目标表, amounts in 万元.
 *
 * @param plan the 资金支出计划 figures by month end, as written (万元 or percent)
 * @param line where its table starts in the document
 */
public record ImportedProject(
        String unitCode,
        String unitName,
        String code,
        String name,
        BigDecimal budgetWan,
        BigDecimal fiscalWan,
        BigDecimal otherWan,
        String purpose,
        String goal,
        SortedMap<MonthDay, BigDecimal> plan,
        List<Indicator> indicators,
        long line) {

    /** An indicator row, with the first- and second-level names carried down from the rows above. */
    public record Indicator(String level1, String level2, String level3, String description, String target,
            String basis) {
    }
}
