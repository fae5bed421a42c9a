package dev.cascade.core.result;

import java.util.List;

/**
 * Statistics of one metric over one report window, as named by checks' {@code stat} field.
 *
 * @param mean time-average (count-weighted for ratios and mean latency) over the window
 * @param max highest interval value in the window
 * @param min lowest interval value in the window
 * @param fin value of the last interval in the window (the stat {@code final})
 * @param value the window's own value: its ratio of summed counts, the percentile of its merged
 *     histogram, its time-average
 */
public record WindowStats(double mean, double max, double min, double fin, double value) {

  /** Names of the statistics, in report order. */
  public static final List<String> NAMES = List.of("mean", "max", "min", "final", "value");

  /** Statistics of a window that holds no interval. */
  public static final WindowStats EMPTY =
      new WindowStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /**
   * The statistic named {@code stat}: one of {@code mean max min final value}.
   *
   * @throws IllegalArgumentException for any other name
   */
  public double get(String stat) {
    return switch (stat) {
      case "mean" -> mean;
      case "max" -> max;
      case "min" -> min;
      case "final" -> fin;
      case "value" -> value;
      default ->
          throw new IllegalArgumentException(
              "unknown stat \"" + stat + "\" (expected one of mean max min final value)");
    };
  }
}
