package dev.cascade.core.stats;

/**
 * Computes the value of a derived metric for one sample interval from other state, for example the
 * highest {@linkplain Level#intervalMean() time-averaged} utilization across database nodes. It is
 * called once per interval, after the interval-end hooks ran and every level closed the interval.
 */
@FunctionalInterface
public interface IntervalFunction {

  /**
   * The metric's value for the interval {@code [startSeconds, endSeconds)}; NaN when it does not
   * apply.
   */
  double compute(double startSeconds, double endSeconds);
}
