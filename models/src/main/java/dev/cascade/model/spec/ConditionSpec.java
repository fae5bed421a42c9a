package dev.cascade.model.spec;

/**
 * A condition on a metric's current value: {@code metric above X} or {@code metric below X}, with
 * the threshold in the metric's own unit (milliseconds for latencies, per second for rates). The
 * unused threshold is NaN.
 */
public record ConditionSpec(String metric, double above, double below) {

  /** Whether {@code value} meets the condition; NaN (no data) never does. */
  public boolean test(double value) {
    if (Double.isNaN(value)) {
      return false;
    }
    if (!Double.isNaN(above) && value > above) {
      return true;
    }
    return !Double.isNaN(below) && value < below;
  }

  @Override
  public String toString() {
    return metric + (Double.isNaN(above) ? " below " + below : " above " + above);
  }
}
