package dev.cascade.core.stats;

import dev.cascade.core.result.WindowStats;
import java.util.Arrays;

/**
 * One named metric: a value per sample interval plus, per window span, whatever the metric needs to
 * compute the window's own value (summed counts, time-weighted area, merged histogram). Intervals
 * before the metric was registered stay NaN.
 */
abstract class Metric {

  private final String name;
  private final double[] series;
  private double latest = Double.NaN;

  Metric(String name, int intervals) {
    this.name = name;
    this.series = new double[intervals];
    Arrays.fill(series, Double.NaN);
  }

  final String name() {
    return name;
  }

  /** Value of the most recently sampled interval; NaN before the first. */
  final double latest() {
    return latest;
  }

  /** The per-interval values; the caller copies before handing them out. */
  final double[] series() {
    return series;
  }

  /** Samples interval {@code k} and stores its value. */
  final void sampleInto(int k, double start, double end, int[] spans, int spanCount) {
    double v = sample(start, end, spans, spanCount);
    series[k] = v;
    latest = v;
  }

  /**
   * Computes the value of the interval {@code [start, end)} and folds the interval into the
   * accumulators of the window spans {@code spans[0..spanCount)} that contain it.
   */
  abstract double sample(double start, double end, int[] spans, int spanCount);

  /**
   * Window statistics, given the plain statistics of the window's interval values: their mean, max
   * and min over non-NaN values, and the last interval's value. Metrics with a window value of
   * their own (rates, ratios, levels, percentiles) override this.
   */
  WindowStats windowStats(int span, double average, double max, double min, double fin) {
    return new WindowStats(average, max, min, fin, average);
  }

  /** Statistics of this metric over the window span, NaN throughout if it holds no interval. */
  final WindowStats summarize(int span, IntervalGrid grid, WindowSet windows) {
    double sum = 0;
    int n = 0;
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    double fin = Double.NaN;
    boolean any = false;
    for (int k = 0; k < grid.count(); k++) {
      if (!windows.contains(span, grid.midpoint(k))) {
        continue;
      }
      any = true;
      double v = series[k];
      fin = v;
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
        max = Math.max(max, v);
        min = Math.min(min, v);
      }
    }
    if (!any) {
      return WindowStats.EMPTY;
    }
    return n == 0
        ? windowStats(span, Double.NaN, Double.NaN, Double.NaN, fin)
        : windowStats(span, sum / n, max, min, fin);
  }
}
