package dev.cascade.model.estimate;

/**
 * One line of an estimate.
 *
 * @param situation "normal", or the single loss assumed, e.g. "redis down"
 * @param component the component the line is about
 * @param quantity what is estimated, e.g. "load per node"
 * @param value the estimate in base units (per second, threads, seconds)
 * @param capacity what it is compared with in the same unit, or NaN
 * @param unit "rps", "threads", "ms" or "" for display
 * @param note extra arithmetic, e.g. an Erlang C wait
 */
public record EstimateLine(
    String situation,
    String component,
    String quantity,
    double value,
    double capacity,
    String unit,
    String note) {

  /** Load over capacity (1 = full), NaN without a capacity. */
  public double utilization() {
    return capacity > 0 ? value / capacity : Double.NaN;
  }

  /** "fits (25% of capacity)" or "over capacity by 25%", or "" without a capacity. */
  public String verdict() {
    double u = utilization();
    if (Double.isNaN(u)) {
      return "";
    }
    if (u <= 1.0) {
      return String.format(java.util.Locale.ROOT, "fits (%.0f%% of capacity)", u * 100);
    }
    return String.format(java.util.Locale.ROOT, "over capacity by %.0f%%", (u - 1) * 100);
  }
}
