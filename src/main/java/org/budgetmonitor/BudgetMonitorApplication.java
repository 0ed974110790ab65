package org.budgetmonitor;

import org.budgetmonitor.support.BadInputException;
import org.budgetmonitor.run.DamagedDatabaseException;
import org.budgetmonitor.run.DatabaseCheckListener;
import org.budgetmonitor.run.ExitCodes;
import org.budgetmonitor.run.OptionsCheckListener;
import org.budgetmonitor.run.RunLockListener;
import org.budgetmonitor.run.RunOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
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
        // In this order: the options, then the lock, then the database (see each listener's order).
        application.addListeners(new OptionsCheckListener(), new RunLockListener(), new DatabaseCheckListener());
        boolean schedule;
        try {
            args = RunOptions.normalise(args);
            schedule = RunOptions.schedules(args);
            if (schedule) {
                // Long-running mode: no run at start, the scheduler triggers the jobs until the process is stopped.
                List<String> all = new ArrayList<>(Arrays.asList(args));
                all.add("--monitor.run-on-startup=false");
                args = all.toArray(String[]::new);
            }
        } catch (BadInputException e) {
            System.out.println("budget-monitor: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        try {
            ConfigurableApplicationContext context = application.run(args);
            if (schedule) {
                awaitClose(context);
                return ExitCodes.SUCCESS;
            }
            return SpringApplication.exit(context);
        } catch (RunLockListener.AlreadyRunningException e) {
            System.out.println("budget-monitor: " + e.getMessage());
            return ExitCodes.ALREADY_RUNNING;
        } catch (BadInputException e) {
            System.out.println("budget-monitor: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (DamagedDatabaseException e) {
            System.out.println("budget-monitor: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (SpringApplication.AbandonedRunException e) {
            throw e; // the build's ahead-of-time processing (process-aot) ends the run once the context is prepared
        } catch (RuntimeException e) {
            // The check of a server's database may stop the start from within it (before pending migrations).
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DamagedDatabaseException damaged) {
                    System.out.println("budget-monitor: " + damaged.getMessage());
                    return ExitCodes.FAILED;
                }
            }
            // The full trace is in the log file; the operator's mail gets the cause.
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.out.println("budget-monitor: could not start: " + cause.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private static void awaitClose(ConfigurableApplicationContext context) {
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
