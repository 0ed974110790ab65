package org.budgetmonitor.quarterly;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an indicator stands (完成情况). {@link #TO_CONFIRM} is a value the program cannot judge
 * (a sentence against a qualitative target): the officer decides, never the program.
 */
public enum IndicatorStatus {
    ACHIEVED("已达成"), NOT_ACHIEVED("未达成"), IN_PROGRESS("进行中"), NO_DATA("无数据"), TO_CONFIRM("待确认");

    private final String chinese;

    IndicatorStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** The officer's own verdict in a progress file: 已达成 or 未达成 (or their names); nothing else decides. */
    public static Optional<IndicatorStatus> confirmedBy(String text) {
        String s = text == null ? "" : text.strip();
        return Arrays.stream(new IndicatorStatus[] {ACHIEVED, NOT_ACHIEVED})
                .filter(st -> st.chinese.equals(s) || st.name().equalsIgnoreCase(s)).findFirst();
    }
}
