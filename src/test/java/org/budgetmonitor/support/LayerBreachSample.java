package org.budgetmonitor.support;

import org.budgetmonitor.job.NightlyJobConfig;

/** Breaks the layering on purpose (support using the job layer), so ArchitectureTest shows its rule can fail. */
public class LayerBreachSample {

    NightlyJobConfig upward;
}
