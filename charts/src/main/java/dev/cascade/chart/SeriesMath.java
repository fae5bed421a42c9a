package dev.cascade.chart;

/**
 * Element-wise arithmetic on per-interval series, for values a chart shows but no metric holds
 * directly: 503s per second from the 503 share of offered attempts, load per database node from
 * total load and the node count. NaN in, NaN out; a division by zero gives NaN, not infinity.
 */
final class SeriesMath {

  private SeriesMath() {}

  /** {@code a[k] * b[k]}. */
  static double[] times(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int k = 0; k < a.length; k++) {
      out[k] = a[k] * b[k];
    }
    return out;
  }

  /** {@code a[k] + b[k]}. */
  static double[] plus(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int k = 0; k < a.length; k++) {
      out[k] = a[k] + b[k];
    }
    return out;
  }

  /** {@code a[k] / b[k]}, NaN where {@code b[k]} is 0. */
  static double[] divide(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int k = 0; k < a.length; k++) {
      out[k] = b[k] == 0 ? Double.NaN : a[k] / b[k];
    }
    return out;
  }

  /** The largest finite value, or NaN if there is none. */
  static double max(double[] values) {
    double max = Double.NaN;
    for (double v : values) {
      if (Double.isFinite(v) && (Double.isNaN(max) || v > max)) {
        max = v;
      }
    }
    return max;
  }

  /** The smallest finite value above 0, or NaN if there is none. */
  static double minPositive(double[] values) {
    double min = Double.NaN;
    for (double v : values) {
      if (Double.isFinite(v) && v > 0 && (Double.isNaN(min) || v < min)) {
        min = v;
      }
    }
    return min;
  }

  /** Whether any value is finite and not 0: a series worth drawing. */
  static boolean anyNonZero(double[] values) {
    for (double v : values) {
      if (Double.isFinite(v) && v != 0) {
        return true;
      }
    }
    return false;
  }

  /** {@code values} with NaN replaced by 0, for stacking. */
  static double[] nanToZero(double[] values) {
    double[] out = values.clone();
    for (int k = 0; k < out.length; k++) {
      if (Double.isNaN(out[k])) {
        out[k] = 0;
      }
    }
    return out;
  }
}
