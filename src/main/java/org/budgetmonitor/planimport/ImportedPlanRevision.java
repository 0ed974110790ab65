package org.budgetmonitor.planimport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.budgetmonitor.plan.Adjustment;
import org.budgetmonitor.plan.AdjustmentsCsvReader;
import org.budgetmonitor.plan.LoadPlanTasklet;
import org.budgetmonitor.plan.PlanCsvReader;
import org.budgetmonitor.plan.PlanRepository;
import org.budgetmonitor.plan.PlanRevisionRecorder;
import org.budgetmonitor.plan.PlanValidationException;
import org.budgetmonitor.plan.PlanVersion;

/**
 * A later (adjusted) budget document imported over a year whose plan is stored is a revision of it,
 * as a changed projects.csv is for the nightly job: recorded from {@code --plan-effective} (default
 * the as-of date) with the files' fingerprint, so the next night finds the plan already stored. A
 * year with no stored plan is left to the nightly job, which stores it as the original.
 */
public final class ImportedPlanRevision {

    private final PlanRepository plans;
    private final LocalDate effective;

    public ImportedPlanRevision(PlanRepository plans, LocalDate effective) {
        this.plans = plans;
        this.effective = effective;
    }

    /** Records the plan directory's files as a revision; returns what was recorded, for the report. */
    Optional<String> record(Path planDir, int fiscalYear, Path document) throws IOException {
        if (plans.findProjects(fiscalYear).isEmpty()) {
            return Optional.empty();
        }
        String fingerprint = LoadPlanTasklet.fingerprint(planDir);
        List<String> problems = new ArrayList<>();
        List<Adjustment> adjustments = new AdjustmentsCsvReader().read(planDir, problems);
        if (!problems.isEmpty()) {
            throw new PlanValidationException(problems);
        }
        int changed = new PlanRevisionRecorder(plans).store(new PlanCsvReader().read(planDir), adjustments, effective,
                PlanVersion.IMPORT, fingerprint, document.toString());
        plans.recordLoad(fingerprint);
        return Optional.of(changed == 0 ? "the stored plan of " + fiscalYear + " is unchanged"
                : changed + " projects recorded as a revision of the stored plan of " + fiscalYear + ", in force from "
                        + effective);
    }
}
