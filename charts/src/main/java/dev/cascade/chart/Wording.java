package dev.cascade.chart;

import dev.cascade.core.stats.Window;

/** How reports and chart subtitles word the scale, windows and replications. */
final class Wording {

  private Wording() {}

  /** {@code 1/16} for a unit fraction, else the factor, e.g. {@code 0.3} or {@code 1}. */
  static String scale(double scale) {
    if (scale < 1) {
      double inverse = 1 / scale;
      long whole = Math.round(inverse);
      if (Math.abs(inverse - whole) < 1e-6 * inverse) {
        return "1/" + whole;
      }
    }
    return AxisUnit.compact(scale);
  }

  /** {@code during 5m–25m}. */
  static String window(Window w) {
    return w.name()
        + " "
        + AxisUnit.SECONDS.format(w.fromSeconds())
        + "–"
        + AxisUnit.SECONDS.format(w.toSeconds());
  }

  /** {@code 1 replication} or {@code mean of 3 replications}. */
  static String replications(int n) {
    return n == 1 ? "1 replication" : "mean of " + n + " replications";
  }
}
