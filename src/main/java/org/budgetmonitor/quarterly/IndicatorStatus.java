package org.budgetmonitor.quarterly;

/** Where an indicator stands (完成情况). */
public enum IndicatorStatus {
    ACHIEVED("已达成"), NOT_ACHIEVED("未达成"), IN_PROGRESS("进行中"), NO_DATA("无数据");

    private final String chinese;

    IndicatorStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
