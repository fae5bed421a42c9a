package dev.cascade.chart;

import java.util.Objects;

/**
 * One evaluated check of the scenario's {@code checks} section, as the report shows it: the bound,
 * the mean over replications with its 95% confidence half-width, and the verdict. A check is {@code
 * marginal} when its confidence interval straddles the bound (SCENARIO-FORMAT.md, checks).
 *
 * @param variant variant the check was evaluated on
 * @param metric metric name, {@code <component>.<metric>}
 * @param window report window
 * @param stat {@code mean max min final value}
 * @param bound the bound as written, e.g. {@code max 0.45}
 * @param value mean over replications
 * @param ci95 95% confidence half-width (0 for one replication, NaN when unknown)
 * @param passed whether the mean meets the bound
 * @param marginal whether the confidence interval straddles the bound
 */
public record CheckRow(
    String variant,
    String metric,
    String window,
    String stat,
    String bound,
    double value,
    double ci95,
    boolean passed,
    boolean marginal) {

  /** Validates that the text fields are present. */
  public CheckRow {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(stat, "stat");
    Objects.requireNonNull(bound, "bound");
  }

  /** The badge shown in the report: {@code marginal}, {@code pass} or {@code fail}. */
  public String verdict() {
    if (marginal) {
      return "marginal";
    }
    return passed ? "pass" : "fail";
  }
}
