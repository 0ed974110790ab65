package org.budgetmonitor.ingest;

import java.util.ArrayList;
import java.util.List;

/** Lines whose project code was not in its normal form (see {@code ProjectCode}), for the run summary. */
final class NormalisedCodes {

    private static final int EXAMPLES = 3;
    private static final String MORE = "…";

    long lines;
    final List<String> examples = new ArrayList<>();

    void add(String exported, String normal) {
        lines++;
        String example = exported + " → " + normal;
        if (!examples.contains(example)) {
            if (examples.size() < EXAMPLES) {
                examples.add(example);
            } else if (examples.size() == EXAMPLES) {
                examples.add(MORE); // other spellings than the ones shown
            }
        }
    }
}
