package dev.cascade.scenario.spec;

/**
 * A check a CI run enforces: a statistic of a metric over a window, compared on the mean over
 * replications with a bound. Bounds are in the metric's unit (milliseconds for latencies); a bound
 * on an {@code _rps} metric is a total of the whole system and is multiplied by the run's scale
 * before the comparison, as the simulated rates are.
 *
 * @param metric {@code <name>.<metric>}
 * @param window window name, e.g. {@code outage}
 * @param stat one of {@code mean max min final value}
 * @param min lower bound, NaN for none
 * @param max upper bound, NaN for none
 * @param bound the bound as written, e.g. {@code max 0.45}
 * @param variant the only variant it applies to, or null for all
 */
public record CheckSpec(
    String metric,
    String window,
    String stat,
    double min,
    double max,
    String bound,
    String variant) {

  /** Whether this check applies to {@code variantName}. */
  public boolean appliesTo(String variantName) {
    return variant == null || variant.equals(variantName);
  }

  /** Whether a bound on this metric is a system total that the scale applies to. */
  public boolean scaled() {
    return metric.endsWith("_rps");
  }
}
