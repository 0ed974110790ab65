package org.budgetmonitor.variance;

/** Why a project has its flag; the codes are part of the CSV contract. */
public enum Reason {
    /** 超预算: actual above budget. */
    OVER_BUDGET("超预算"),
    /** 未支出: nothing spent although the first checkpoint has passed. */
    NO_SPENDING("未支出"),
    /** 进度滞后: actual behind the expected figure. */
    BEHIND_PLAN("进度滞后"),
    /** 超进度: actual well ahead of the expected figure. */
    AHEAD_OF_PLAN("超进度"),
    /**
     * 节点计划未完成: at the latest passed checkpoint the actual was below its plan. A note beside the
     * flag, never a flag of its own (a GREEN project may carry it).
     */
    MISSED_CHECKPOINT("节点计划未完成"),
    /** 计划外支出: payments for a project code that is not in the plan. */
    UNPLANNED("计划外支出"),
    /**
     * 项目撤销: the budget in force was adjusted to 0 (or the project taken out of the plan file); its
     * spending stays under its own code, flagged RED, with OVER_BUDGET when it spent.
     */
    CANCELLED("项目撤销"),
    /** 预计超预算: the quarterly review's year-end projection at the current pace is above the budget. */
    PROJECTED_OVER_BUDGET("预计超预算");

    private final String chinese;

    Reason(String chinese) {
        this.chinese = chinese;
    }

    /** The words officers read in the report and the mail. */
    public String chinese() {
        return chinese;
    }
}
