package org.budgetmonitor.support;

/** A problem with what the user gave us (option, directory, file), as opposed to a fault of ours. */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }
}
