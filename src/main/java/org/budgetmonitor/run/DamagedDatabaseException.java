package org.budgetmonitor.run;

/**
 * The database is damaged, empty where one existed, or behind what the run journal says was
 * committed. Thrown at start-up, before any job runs; the message says what is wrong and the way out.
 */
public class DamagedDatabaseException extends RuntimeException {

    public DamagedDatabaseException(String message) {
        super(message);
    }
}
