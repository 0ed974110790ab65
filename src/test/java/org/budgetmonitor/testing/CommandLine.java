package org.budgetmonitor.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.budgetmonitor.BudgetMonitorApplication;

/** Runs the real command line in the test's JVM and captures what an operator would read. */
public final class CommandLine {

    /** The process exit code and standard output of one run. */
    public record Run(int exitCode, String stdout) {
    }

    private CommandLine() {
    }

    public static synchronized Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = BudgetMonitorApplication.run(args);
            return new Run(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
