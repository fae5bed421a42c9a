package dev.cascade.core.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The mean of one statistic over independent replications and the half-width of its 95% confidence
 * interval, {@code t(0.975, n-1) * s / sqrt(n)} with Student's t and the sample standard deviation
 * {@code s} (the usual interval for independent replications, Law and Kelton, "Simulation Modeling
 * and Analysis", ch. 9). NaN replication values (a window without data) are skipped.
 *
 * @param mean mean of the non-NaN values; NaN if there are none
 * @param ci95 half-width of the 95% confidence interval; 0 for one value, NaN for none
 * @param n number of non-NaN values
 */
public record ReplicationStat(double mean, double ci95, int n) {

  private static final double CONFIDENCE_QUANTILE = 0.975;

  /** A statistic without any value. */
  public static final ReplicationStat EMPTY = new ReplicationStat(Double.NaN, Double.NaN, 0);

  /** Mean and confidence half-width of {@code values}, skipping NaN. */
  public static ReplicationStat of(double... values) {
    int n = 0;
    double sum = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    if (n == 0) {
      return EMPTY;
    }
    double mean = sum / n;
    if (n == 1) {
      return new ReplicationStat(mean, 0, 1);
    }
    double squares = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        squares += (v - mean) * (v - mean);
      }
    }
    double sd = Math.sqrt(squares / (n - 1));
    double t = TDistribution.of(n - 1).inverseCumulativeProbability(CONFIDENCE_QUANTILE);
    return new ReplicationStat(mean, t * sd / Math.sqrt(n), n);
  }

  /** Lower end of the confidence interval. */
  public double lower() {
    return mean - ci95;
  }

  /** Upper end of the confidence interval. */
  public double upper() {
    return mean + ci95;
  }

  /** Whether {@code x} lies inside the closed confidence interval (a check bound it straddles). */
  public boolean contains(double x) {
    return x >= lower() && x <= upper();
  }
}
