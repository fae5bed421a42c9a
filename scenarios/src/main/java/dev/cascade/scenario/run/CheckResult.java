package dev.cascade.scenario.run;

import dev.cascade.scenario.spec.CheckSpec;

/**
 * The outcome of one check on one case.
 *
 * @param value mean over replications of the checked statistic; NaN without data (then failed)
 * @param ci95 half-width of its 95% confidence interval
 * @param passed whether the mean is within the bound
 * @param marginal whether the confidence interval contains the bound, so that more replications
 *     could change the verdict
 */
public record CheckResult(
    CheckSpec check, double value, double ci95, boolean passed, boolean marginal) {}
