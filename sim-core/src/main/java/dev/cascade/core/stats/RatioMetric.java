package dev.cascade.core.stats;

import dev.cascade.core.result.WindowStats;

/**
 * The share of one count in another, such as 503s over attempts or hits over lookups: per interval
 * the ratio of the interval's counts (NaN without denominator events); per window the ratio of the
 * window's summed counts, so a busy interval weighs more than a quiet one.
 */
final class RatioMetric extends Metric {

  private final Counter numerator;
  private final Counter denominator;
  private long seenNumerator;
  private long seenDenominator;
  private final long[] spanNumerator;
  private final long[] spanDenominator;

  RatioMetric(String name, int intervals, int spans, Counter numerator, Counter denominator) {
    super(name, intervals);
    this.numerator = numerator;
    this.denominator = denominator;
    this.seenNumerator = numerator.count();
    this.seenDenominator = denominator.count();
    this.spanNumerator = new long[spans];
    this.spanDenominator = new long[spans];
  }

  @Override
  double sample(double start, double end, int[] spans, int spanCount) {
    long num = numerator.count() - seenNumerator;
    long den = denominator.count() - seenDenominator;
    seenNumerator = numerator.count();
    seenDenominator = denominator.count();
    for (int i = 0; i < spanCount; i++) {
      spanNumerator[spans[i]] += num;
      spanDenominator[spans[i]] += den;
    }
    return ratio(num, den);
  }

  @Override
  WindowStats windowStats(int span, double average, double max, double min, double fin) {
    double r = ratio(spanNumerator[span], spanDenominator[span]);
    return new WindowStats(r, max, min, fin, r);
  }

  private static double ratio(long num, long den) {
    return den == 0 ? Double.NaN : (double) num / den;
  }
}
