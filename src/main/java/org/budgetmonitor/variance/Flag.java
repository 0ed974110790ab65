package org.budgetmonitor.variance;

/** The traffic light a finance officer sees for a project. */
public enum Flag {
    RED, YELLOW, GREEN
}
