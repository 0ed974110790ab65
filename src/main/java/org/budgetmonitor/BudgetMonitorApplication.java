package org.budgetmonitor;

import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.run.RunLockListener;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 预算执行监控: the nightly budget-execution monitor. See README for the command line. */
@SpringBootApplication
public class BudgetMonitorApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the process exit code (see {@link ExitCodes}). */
    public static int run(String... args) {
        SpringApplication application = new SpringApplication(BudgetMonitorApplication.class);
        application.addListeners(new RunLockListener());
        try {
            return SpringApplication.exit(application.run(args));
        } catch (RunLockListener.AlreadyRunningException e) {
            System.out.println("budget-monitor: " + e.getMessage());
            return ExitCodes.ALREADY_RUNNING;
        } catch (RuntimeException e) {
            // The full trace is in the log file; the operator's mail gets the cause.
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.out.println("budget-monitor: could not start: " + cause.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
