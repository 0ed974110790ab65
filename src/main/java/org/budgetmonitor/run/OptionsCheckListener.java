package org.budgetmonitor.run;

import java.util.List;

import org.budgetmonitor.support.BadInputException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Checks the options ({@link RunOptions#problems}) as soon as the configuration is read, before the
 * run lock ({@link RunLockListener}), the log file, the data source or Flyway: a bad option or a
 * missing folder exits with code 2 and leaves nothing on disk, not even the data directory.
 */
public class OptionsCheckListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** After EnvironmentPostProcessorApplicationListener (+10), before RunLockListener (+15) and logging (+20). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 12;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        List<String> problems = RunOptions.problems(event.getEnvironment());
        if (!problems.isEmpty()) {
            throw new BadInputException(String.join("\n  ", problems) + "\n  nothing was run or created");
        }
    }
}
