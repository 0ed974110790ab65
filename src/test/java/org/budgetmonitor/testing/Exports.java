package org.budgetmonitor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small plan and export files for tests. */
public final class Exports {

    public static final String HEADER = "支付日期,项目编码,金额,凭证号,收款人,摘要";

    private Exports() {
    }

    public static Path write(Path dir, String name, String... lines) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-project plan: P1, 100 万元, 25/50/75/100 at the quarter-ish checkpoints of the seed. */
    public static Path plan(Path dir) {
        write(dir, "projects.csv",
                "fiscal_year,unit_code,unit_name,project_code,project_name,budget_wan,fiscal_funds_wan,other_funds_wan,"
                        + "purpose,goal,plan_unit,plan_03-31,plan_06-30,plan_10-31,plan_12-31",
                "2026,472001,测试单位,P1,测试项目,100.00,100.00,,用途,目标,AUTO,25,50,75,100");
        return dir;
    }
}
