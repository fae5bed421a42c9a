package dev.cascade.core.stats;

import dev.cascade.core.result.WindowStats;

/**
 * Occurrences per second of a {@link Counter}: per interval the count divided by the interval's
 * length; per window the total count divided by the total length of the window's intervals, which
 * is both the window's value and its mean.
 */
final class RateMetric extends Metric {

  private final Counter counter;
  private long seen;
  private final long[] spanCounts;
  private final double[] spanSeconds;

  RateMetric(String name, int intervals, int spans, Counter counter) {
    super(name, intervals);
    this.counter = counter;
    this.seen = counter.count();
    this.spanCounts = new long[spans];
    this.spanSeconds = new double[spans];
  }

  @Override
  double sample(double start, double end, int[] spans, int spanCount) {
    long now = counter.count();
    long delta = now - seen;
    seen = now;
    double length = end - start;
    for (int i = 0; i < spanCount; i++) {
      spanCounts[spans[i]] += delta;
      spanSeconds[spans[i]] += length;
    }
    return delta / length;
  }

  @Override
  WindowStats windowStats(int span, double average, double max, double min, double fin) {
    double rate = spanSeconds[span] > 0 ? spanCounts[span] / spanSeconds[span] : Double.NaN;
    return new WindowStats(rate, max, min, fin, rate);
  }
}
