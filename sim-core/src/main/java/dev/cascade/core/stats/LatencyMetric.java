package dev.cascade.core.stats;

import dev.cascade.core.result.WindowStats;

/**
 * One statistic of a {@link LatencyRecorder} as a named metric. The window value is computed from
 * the window's merged histogram (or exact sum and max); the window mean is the count-weighted mean
 * latency for {@code _mean} and the average of the non-NaN interval values otherwise.
 */
final class LatencyMetric extends Metric {

  private final LatencyRecorder recorder;
  private final LatencyStat stat;

  LatencyMetric(String name, int intervals, LatencyRecorder recorder, LatencyStat stat) {
    super(name, intervals);
    this.recorder = recorder;
    this.stat = stat;
  }

  @Override
  double sample(double start, double end, int[] spans, int spanCount) {
    return recorder.lastIntervalValue(stat);
  }

  @Override
  WindowStats windowStats(int span, double average, double max, double min, double fin) {
    double value = recorder.windowValue(stat, span);
    double mean = stat == LatencyStat.MEAN ? value : average;
    return new WindowStats(mean, max, min, fin, value);
  }
}
