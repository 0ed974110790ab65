package org.budgetmonitor.plan;

import java.util.List;

import org.budgetmonitor.support.BadInputException;

/** The plan files have errors; nothing is computed on a partly valid plan. */
public class PlanValidationException extends BadInputException {

    private final List<String> problems;

    public PlanValidationException(List<String> problems) {
        super("The plan has " + problems.size() + " error(s):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
