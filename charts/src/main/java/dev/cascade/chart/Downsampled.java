package dev.cascade.chart;

/**
 * A time series cut down to at most a given number of points for drawing: consecutive intervals are
 * averaged in buckets of equal size (NaN values skipped, a bucket of only NaN stays NaN, which
 * draws as a gap), each bucket placed at the end of its last interval. A 1000-pixel-wide chart
 * cannot show more than about 1500 points, and fewer points keep SVG files small.
 *
 * @param x interval ends in seconds
 * @param y values, NaN for a gap
 */
record Downsampled(double[] x, double[] y) {

  /** Points drawn per series at most. */
  static final int MAX_POINTS = 1500;

  /**
   * {@code y} over {@code x} in at most {@code maxPoints} points.
   *
   * @throws IllegalArgumentException if the arrays differ in length or {@code maxPoints < 1}
   */
  static Downsampled of(double[] x, double[] y, int maxPoints) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(x.length + " times for " + y.length + " values");
    }
    if (maxPoints < 1) {
      throw new IllegalArgumentException("maxPoints must be positive, got " + maxPoints);
    }
    if (x.length <= maxPoints) {
      return new Downsampled(x.clone(), y.clone());
    }
    int bucket = (x.length + maxPoints - 1) / maxPoints;
    int n = (x.length + bucket - 1) / bucket;
    double[] bx = new double[n];
    double[] by = new double[n];
    for (int b = 0; b < n; b++) {
      int from = b * bucket;
      int to = Math.min(from + bucket, x.length);
      double sum = 0;
      int count = 0;
      for (int k = from; k < to; k++) {
        if (!Double.isNaN(y[k])) {
          sum += y[k];
          count++;
        }
      }
      bx[b] = x[to - 1];
      by[b] = count == 0 ? Double.NaN : sum / count;
    }
    return new Downsampled(bx, by);
  }

  /** Number of points. */
  int size() {
    return x.length;
  }
}
