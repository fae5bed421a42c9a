package dev.cascade.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The statistics a {@link LatencyRecorder} can report, each a metric named prefix + suffix. */
enum LatencyStat {
  P50("_p50", 50.0),
  P90("_p90", 90.0),
  P99("_p99", 99.0),
  P999("_p999", 99.9),
  MEAN("_mean", Double.NaN),
  MAX("_max", Double.NaN);

  private final String suffix;
  private final double percentile;

  LatencyStat(String suffix, double percentile) {
    this.suffix = suffix;
    this.percentile = percentile;
  }

  String suffix() {
    return suffix;
  }

  /** The percentile in (0, 100) for the percentile stats; NaN for mean and max. */
  double percentile() {
    return percentile;
  }

  boolean isPercentile() {
    return !Double.isNaN(percentile);
  }

  static LatencyStat ofSuffix(String suffix) {
    for (LatencyStat s : values()) {
      if (s.suffix.equals(suffix)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown latency suffix \""
            + suffix
            + "\" (expected one of "
            + Arrays.stream(values()).map(LatencyStat::suffix).collect(Collectors.joining(" "))
            + ")");
  }

  static String[] allSuffixes() {
    return Arrays.stream(values()).map(LatencyStat::suffix).toArray(String[]::new);
  }

  /**
   * The stats named by {@code suffixes}, in the order given.
   *
   * @throws IllegalArgumentException if there are none, one is unknown or one repeats
   */
  static List<LatencyStat> parse(String prefix, String... suffixes) {
    if (suffixes.length == 0) {
      throw new IllegalArgumentException("latency " + prefix + ": no statistics requested");
    }
    List<LatencyStat> stats = new ArrayList<>();
    for (String suffix : suffixes) {
      LatencyStat stat = ofSuffix(suffix);
      if (stats.contains(stat)) {
        throw new IllegalArgumentException("latency " + prefix + ": duplicate suffix " + suffix);
      }
      stats.add(stat);
    }
    return stats;
  }
}
