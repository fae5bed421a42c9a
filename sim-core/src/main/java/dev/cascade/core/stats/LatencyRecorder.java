package dev.cascade.core.stats;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one kind of operation (ok attempts of a workload class, queries at a database),
 * recorded in microseconds into an HdrHistogram with 3 significant digits that resizes itself for
 * any range. At each interval end the interval's histogram yields the interval percentiles, is
 * added into one histogram per window span that contains the interval, and is reset. Memory is
 * therefore one histogram per window span plus one, whatever the length of the run, and a window
 * percentile is the percentile of everything recorded in the window, never an average of interval
 * percentiles. Mean and max are kept exactly alongside. Reported values are milliseconds.
 */
public final class LatencyRecorder {

  static final int SIGNIFICANT_DIGITS = 3;

  private static final double MICROS_PER_SECOND = 1e6;
  private static final double MILLIS_PER_SECOND = 1e3;
  private static final double MICROS_PER_MILLI = 1e3;

  private final Histogram interval = new Histogram(SIGNIFICANT_DIGITS);
  private long intervalCount;
  private double intervalSum;
  private double intervalMax;

  private final Histogram[] spanHistograms;
  private final long[] spanCount;
  private final double[] spanSum;
  private final double[] spanMax;

  private final double[] intervalValues = new double[LatencyStat.values().length];

  LatencyRecorder(int spans) {
    spanHistograms = new Histogram[spans];
    for (int s = 0; s < spans; s++) {
      spanHistograms[s] = new Histogram(SIGNIFICANT_DIGITS);
    }
    spanCount = new long[spans];
    spanSum = new double[spans];
    spanMax = new double[spans];
    Arrays.fill(intervalValues, Double.NaN);
  }

  /**
   * Records one latency in seconds.
   *
   * @throws IllegalArgumentException if {@code seconds} is negative or not a number
   */
  public void record(double seconds) {
    if (!(seconds >= 0) || seconds == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("latency must be a finite non-negative time: " + seconds);
    }
    interval.recordValue(Math.round(seconds * MICROS_PER_SECOND));
    intervalCount++;
    intervalSum += seconds;
    if (seconds > intervalMax) {
      intervalMax = seconds;
    }
  }

  /** Histograms held: one for the open interval and one per window span. */
  int histogramCount() {
    return 1 + spanHistograms.length;
  }

  /** Computes the interval's values, merges the interval into the given spans and resets it. */
  void closeInterval(int[] spans, int n) {
    for (LatencyStat stat : LatencyStat.values()) {
      intervalValues[stat.ordinal()] = intervalValue(stat);
    }
    if (intervalCount > 0) {
      for (int i = 0; i < n; i++) {
        int s = spans[i];
        spanHistograms[s].add(interval);
        spanCount[s] += intervalCount;
        spanSum[s] += intervalSum;
        spanMax[s] = Math.max(spanMax[s], intervalMax);
      }
    }
    interval.reset();
    intervalCount = 0;
    intervalSum = 0;
    intervalMax = 0;
  }

  private double intervalValue(LatencyStat stat) {
    if (intervalCount == 0) {
      return Double.NaN;
    }
    return switch (stat) {
      case MEAN -> intervalSum / intervalCount * MILLIS_PER_SECOND;
      case MAX -> intervalMax * MILLIS_PER_SECOND;
      default -> interval.getValueAtPercentile(stat.percentile()) / MICROS_PER_MILLI;
    };
  }

  /**
   * Value of {@code stat} in the last closed interval, in milliseconds; NaN if it had no samples.
   */
  double lastIntervalValue(LatencyStat stat) {
    return intervalValues[stat.ordinal()];
  }

  /** Value of {@code stat} over everything recorded in the window span, in milliseconds. */
  double windowValue(LatencyStat stat, int span) {
    if (spanCount[span] == 0) {
      return Double.NaN;
    }
    return switch (stat) {
      case MEAN -> spanSum[span] / spanCount[span] * MILLIS_PER_SECOND;
      case MAX -> spanMax[span] * MILLIS_PER_SECOND;
      default -> windowPercentile(span, stat.percentile());
    };
  }

  /** The {@code percentile} (0 to 100) of the window span's merged histogram, in milliseconds. */
  double windowPercentile(int span, double percentile) {
    if (spanCount[span] == 0) {
      return Double.NaN;
    }
    return spanHistograms[span].getValueAtPercentile(percentile) / MICROS_PER_MILLI;
  }
}
