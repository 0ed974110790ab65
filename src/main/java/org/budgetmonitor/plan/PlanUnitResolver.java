package org.budgetmonitor.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * Decides whether a project's checkpoint figures are 万元 or percent. The seed document's
 * 资金支出计划 header says %, yet most projects list 万元 amounts that end at the budget; so for
 * AUTO the last checkpoint decides: equal to the budget means 万元, equal to 100 means percent.
 */
public final class PlanUnitResolver {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PlanUnitResolver() {
    }

    /** The resolved unit and a note saying why. */
    public record Resolution(PlanUnit unit, String note) {
    }

    /**
     * @param budgetWan the project's budget in 万元
     * @param figures the checkpoint figures in date order, as written
     * @throws IllegalArgumentException when AUTO cannot tell, or the figures do not fit the unit
     */
    public static Resolution resolve(PlanUnit declared, BigDecimal budgetWan, List<BigDecimal> figures) {
        BigDecimal last = figures.isEmpty() ? null : figures.get(figures.size() - 1);
        if (declared == PlanUnit.WAN || declared == PlanUnit.PCT) {
            BigDecimal ceiling = declared == PlanUnit.WAN ? budgetWan : HUNDRED;
            if (last != null && last.compareTo(ceiling) > 0) {
                throw new IllegalArgumentException("plan_unit " + declared + ": the last checkpoint "
                        + last.toPlainString() + " exceeds " + (declared == PlanUnit.WAN
                                ? "the budget " + budgetWan.toPlainString() + " 万元" : "100%"));
            }
            return new Resolution(declared, "declared " + declared);
        }
        if (last == null) {
            return new Resolution(PlanUnit.WAN, "no checkpoints");
        }
        boolean endsAtBudget = last.compareTo(budgetWan) == 0;
        boolean endsAtHundred = last.compareTo(HUNDRED) == 0;
        if (endsAtBudget && endsAtHundred) {
            return new Resolution(PlanUnit.WAN, "AUTO: last checkpoint equals both the budget and 100 (the readings agree)");
        }
        if (endsAtBudget) {
            return new Resolution(PlanUnit.WAN, "AUTO: last checkpoint equals the budget, read as 万元");
        }
        if (endsAtHundred) {
            return new Resolution(PlanUnit.PCT, "AUTO: last checkpoint is 100, read as % of the budget");
        }
        throw new IllegalArgumentException("plan_unit AUTO cannot tell 万元 from %: the last checkpoint is "
                + last.toPlainString() + ", neither the budget " + budgetWan.toPlainString()
                + " nor 100; set plan_unit to WAN or PCT");
    }
}
