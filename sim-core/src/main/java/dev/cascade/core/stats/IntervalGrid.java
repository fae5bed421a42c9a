package dev.cascade.core.stats;

/**
 * The sample intervals {@code [k*sample, (k+1)*sample)} of a run, the last one cut at the horizon.
 * Interval bounds are computed from {@code k}, never accumulated, so they do not drift.
 */
final class IntervalGrid {

  /** Upper bound on intervals per run; every metric keeps one double per interval. */
  static final int MAX_INTERVALS = 10_000_000;

  /** Relative slack for comparing times that were computed by different sums of the same steps. */
  private static final double RELATIVE_TOLERANCE = 1e-9;

  private final double sampleSeconds;
  private final double horizonSeconds;
  private final int count;

  IntervalGrid(double sampleSeconds, double horizonSeconds) {
    if (!(sampleSeconds > 0) || Double.isInfinite(sampleSeconds)) {
      throw new IllegalArgumentException(
          "sample must be a positive duration, got " + sampleSeconds);
    }
    if (!(horizonSeconds > 0) || Double.isInfinite(horizonSeconds)) {
      throw new IllegalArgumentException(
          "horizon must be a positive duration, got " + horizonSeconds);
    }
    double ratio = horizonSeconds / sampleSeconds;
    double n = Math.ceil(ratio - tolerance(ratio));
    if (n > MAX_INTERVALS) {
      throw new IllegalArgumentException(
          "sample "
              + sampleSeconds
              + " s gives "
              + (long) n
              + " intervals over horizon "
              + horizonSeconds
              + " s (at most "
              + MAX_INTERVALS
              + ")");
    }
    this.sampleSeconds = sampleSeconds;
    this.horizonSeconds = horizonSeconds;
    this.count = Math.max(1, (int) n);
  }

  /** Slack for treating two times as equal at magnitude {@code t}. */
  static double tolerance(double t) {
    return RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(t));
  }

  double sampleSeconds() {
    return sampleSeconds;
  }

  double horizonSeconds() {
    return horizonSeconds;
  }

  int count() {
    return count;
  }

  double start(int k) {
    return k * sampleSeconds;
  }

  double end(int k) {
    return k == count - 1 ? horizonSeconds : (k + 1) * sampleSeconds;
  }

  double midpoint(int k) {
    return 0.5 * (start(k) + end(k));
  }

  /**
   * Whether time {@code now} has reached {@code t}, allowing for rounding in how {@code now} was
   * summed.
   */
  static boolean reached(double now, double t) {
    return now >= t - tolerance(t);
  }
}
