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
    return metric + (Double.isNaN(above) ? " below " + number(below) : " above " + number(above));
  }

  /** A threshold as people write it: 100, 0.8, 214958080 (never 2.1495808E8). */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new java.math.BigDecimal(v)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }
}
