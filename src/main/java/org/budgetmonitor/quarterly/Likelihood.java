package org.budgetmonitor.quarterly;

import java.util.Arrays;
import java.util.Optional;

/** 完成目标可能性, in the words of the 绩效运行监控 form. */
public enum Likelihood {
    CERTAIN("确定能"), POSSIBLE("有可能"), IMPOSSIBLE("完全不可能");

    private final String chinese;

    Likelihood(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public static Optional<Likelihood> fromText(String text) {
        String s = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(l -> l.chinese.equals(s) || l.name().equalsIgnoreCase(s)).findFirst();
    }
}
