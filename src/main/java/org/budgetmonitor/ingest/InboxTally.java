package org.budgetmonitor.ingest;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What {@link InboxReader} tells the run summary about the files, kept in the step's execution
 * context with each chunk so that a restarted run reports the whole run, not its last attempt.
 */
final class InboxTally {

    int filesRead;
    long replacedPayments;
    List<String> unchanged = new ArrayList<>();
    List<String> corrected = new ArrayList<>();
    List<String> rejectedFiles = new ArrayList<>();
    List<String> decisions = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    /** Files not ready yet (still being written): listed afresh at every start, never restored. */
    List<String> waiting = List.of();
    final NormalisedCodes codes = new NormalisedCodes();

    void restore(ExecutionContext context) {
        filesRead = context.getInt(InboxReader.FILES_READ, 0);
        replacedPayments = context.getLong(InboxReader.REPLACED_PAYMENTS, 0);
        unchanged = names(context.getString(InboxReader.UNCHANGED, ""));
        corrected = names(context.getString(InboxReader.CORRECTED, ""));
        rejectedFiles = names(context.getString(InboxReader.REJECTED_FILES, ""));
        decisions = names(context.getString(InboxReader.DECISIONS, ""));
        notices = names(context.getString(InboxReader.NOTICES, ""));
        codes.lines = context.getLong(InboxReader.CODES_NORMALISED, 0);
        codes.examples.clear();
        codes.examples.addAll(names(context.getString(InboxReader.CODES_NORMALISED_EXAMPLES, "")));
    }

    void save(ExecutionContext context) {
        context.putInt(InboxReader.FILES_READ, filesRead);
        context.putLong(InboxReader.REPLACED_PAYMENTS, replacedPayments);
        context.putString(InboxReader.UNCHANGED, String.join("\n", unchanged));
        context.putString(InboxReader.CORRECTED, String.join("\n", corrected));
        context.putString(InboxReader.REJECTED_FILES, String.join("\n", rejectedFiles));
        context.putString(InboxReader.WAITING, String.join("\n", waiting));
        context.putString(InboxReader.DECISIONS, String.join("\n", decisions));
        context.putString(InboxReader.NOTICES, String.join("\n", notices));
        context.putLong(InboxReader.CODES_NORMALISED, codes.lines);
        context.putString(InboxReader.CODES_NORMALISED_EXAMPLES, String.join("\n", codes.examples));
    }

    private static List<String> names(String joined) {
        return joined.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(joined.split("\n")));
    }
}
