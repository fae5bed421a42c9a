package dev.cascade.chart;

import dev.cascade.core.result.Summary;
import dev.cascade.core.stats.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metrics worth comparing across variants and sweep points, and the statistic that sums each up
 * over a window. Checked metrics come first; then, per component in report order, the few that tell
 * whether the architecture held: tail latency and the failure shares of each workload class, the
 * busiest database node, the cache hit ratio, breakers open, the worker backlog. Metrics that are
 * zero everywhere are left out.
 */
final class KeyMetrics {

  /** Metrics compared at most, so that a report stays a page one reads. */
  static final int MAX = 16;

  private static final Map<ComponentType, List<String>> BY_TYPE =
      Map.of(
          ComponentType.WORKLOAD,
          List.of("latency_p99", "ok_rps", "rate_503", "error_rate", "timeout_rate"),
          ComponentType.GATEWAY,
          List.of("shed_rps"),
          ComponentType.SERVICE,
          List.of("utilization"),
          ComponentType.DATABASE,
          List.of("utilization_max", "load_rps"),
          ComponentType.REDIS,
          List.of("hit_ratio"),
          ComponentType.BREAKER,
          List.of("open_fraction"),
          ComponentType.WORKER,
          List.of("queue_depth", "jobs_lost"));

  private KeyMetrics() {}

  /** Every summary in the report: the variants', then the sweep points'. */
  static List<Summary> summaries(ReportData data) {
    List<Summary> all = new ArrayList<>(data.variants().values());
    data.sweeps().forEach(s -> s.points().values().forEach(all::addAll));
    return all;
  }

  /** The components of all summaries in the report. */
  static Components components(ReportData data) {
    Set<String> names = new TreeSet<>();
    summaries(data).forEach(s -> names.addAll(s.metrics()));
    return Components.of(names, data.componentKinds());
  }

  /** The key metrics of the report, in order, at most {@link #MAX}. */
  static List<String> of(ReportData data) {
    List<Summary> summaries = summaries(data);
    Set<String> present = new TreeSet<>();
    summaries.forEach(s -> present.addAll(s.metrics()));
    Set<String> chosen = new LinkedHashSet<>();
    data.checks().stream().map(CheckRow::metric).filter(present::contains).forEach(chosen::add);
    Components components = Components.of(present, data.componentKinds());
    for (String c : components.names()) {
      for (String m : BY_TYPE.getOrDefault(components.type(c), List.of())) {
        String name = c + "." + m;
        if (present.contains(name) && nonZeroSomewhere(summaries, name)) {
          chosen.add(name);
        }
      }
    }
    return chosen.stream().limit(MAX).toList();
  }

  /**
   * The statistic that sums {@code metric} up over a window: the window's own value for percentiles
   * and ratios, the maximum for {@code *_max}, the final value for counters that only grow ({@code
   * jobs_lost}), else the time-average.
   */
  static String headlineStat(String metric) {
    String m = MetricName.parse(metric).metric();
    if (m.endsWith("_max")) {
      return "max";
    }
    if (m.equals("jobs_lost")) {
      return "final";
    }
    AxisUnit unit = AxisUnit.ofMetric(m);
    boolean ownValue =
        unit == AxisUnit.MILLIS || (unit == AxisUnit.RATIO && !m.startsWith("utilization"));
    return ownValue ? "value" : "mean";
  }

  /** The window key comparisons use: {@code during} (or {@code outage}), else {@code all}. */
  static Window primaryWindow(List<Window> windows) {
    return TimeFrame.faultWindow(windows)
        .orElseGet(
            () ->
                windows.stream()
                    .filter(w -> w.name().equals("all"))
                    .findFirst()
                    .orElse(windows.isEmpty() ? new Window("all", 0, 0) : windows.get(0)));
  }

  /**
   * {@code windows} without aliases: a window with the same bounds as an earlier one ({@code
   * outage} after {@code during}) is left out.
   */
  static List<Window> distinct(Collection<Window> windows) {
    List<Window> out = new ArrayList<>();
    for (Window w : windows) {
      boolean alias =
          out.stream()
              .anyMatch(o -> o.fromSeconds() == w.fromSeconds() && o.toSeconds() == w.toSeconds());
      if (!alias) {
        out.add(w);
      }
    }
    return out;
  }

  private static boolean nonZeroSomewhere(List<Summary> summaries, String metric) {
    for (Summary s : summaries) {
      if (s.metrics().contains(metric) && SeriesMath.anyNonZero(s.meanSeries(metric))) {
        return true;
      }
    }
    return false;
  }
}
