package dev.cascade.core.stats;

import dev.cascade.core.result.WindowStats;

/**
 * A named {@link Level}: per interval its time-average; per window the time-average over the
 * window's intervals (each interval weighted by its length), which is both value and mean. Max and
 * min are over interval averages.
 */
final class LevelMetric extends Metric {

  private final Level level;
  private final double[] spanArea;
  private final double[] spanSeconds;

  LevelMetric(String name, int intervals, int spans, Level level) {
    super(name, intervals);
    this.level = level;
    this.spanArea = new double[spans];
    this.spanSeconds = new double[spans];
  }

  @Override
  double sample(double start, double end, int[] spans, int spanCount) {
    double mean = level.intervalMean();
    double length = end - start;
    for (int i = 0; i < spanCount; i++) {
      spanArea[spans[i]] += mean * length;
      spanSeconds[spans[i]] += length;
    }
    return mean;
  }

  @Override
  WindowStats windowStats(int span, double average, double max, double min, double fin) {
    double mean = spanSeconds[span] > 0 ? spanArea[span] / spanSeconds[span] : Double.NaN;
    return new WindowStats(mean, max, min, fin, mean);
  }
}
