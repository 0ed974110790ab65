package org.budgetmonitor.run;

import org.budgetmonitor.support.BadInputException;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;

/**
 * Keeps Spring Boot from printing "Application run failed" and a stack trace for a start refused as
 * bad input ({@link OptionsCheckListener}): it is refused before the logging system starts, so that
 * report would go to the console, and cron mails the console. BudgetMonitorApplication prints the
 * message itself, once, and exits with code 2.
 */
public class BadInputReporter implements SpringBootExceptionReporter, Ordered {

    @Override
    public boolean reportException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadInputException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
