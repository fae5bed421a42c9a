package dev.cascade.core.stats;

/**
 * A metric whose interval value is computed at the interval's end: a gauge sampled from a supplier
 * or a derived metric computed from other state. Its window value and mean are the average of the
 * non-NaN interval values.
 */
final class SampledMetric extends Metric {

  private final IntervalFunction function;

  SampledMetric(String name, int intervals, IntervalFunction function) {
    super(name, intervals);
    this.function = function;
  }

  @Override
  double sample(double start, double end, int[] spans, int spanCount) {
    return function.compute(start, end);
  }
}
