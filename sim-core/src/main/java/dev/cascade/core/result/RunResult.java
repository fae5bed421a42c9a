package dev.cascade.core.result;

import dev.cascade.core.stats.Window;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything one run measured, detached from the model: per metric its value in every sample
 * interval, per metric and report window its {@link WindowStats}, the run's events and how many
 * events the engine fired. Immutable: arrays are copied in and out.
 */
public final class RunResult {

  private final double sampleSeconds;
  private final double[] intervalEnds;
  private final Map<String, double[]> series;
  private final Map<String, Map<String, WindowStats>> stats;
  private final List<Window> windows;
  private final List<SimEvent> events;
  private final long eventsProcessed;

  /**
   * Creates a result.
   *
   * @param sampleSeconds length of a sample interval
   * @param intervalEnds end time of every interval, increasing
   * @param series metric name to one value per interval
   * @param stats metric name to window name to statistics
   * @param windows the report windows
   * @param events the run's timeline
   * @param eventsProcessed events the engine fired
   * @throws IllegalArgumentException if a series' length differs from the number of intervals
   */
  public RunResult(
      double sampleSeconds,
      double[] intervalEnds,
      Map<String, double[]> series,
      Map<String, Map<String, WindowStats>> stats,
      List<Window> windows,
      List<SimEvent> events,
      long eventsProcessed) {
    this.sampleSeconds = sampleSeconds;
    this.intervalEnds = intervalEnds.clone();
    Map<String, double[]> copied = new TreeMap<>();
    series.forEach(
        (name, values) -> {
          if (values.length != this.intervalEnds.length) {
            throw new IllegalArgumentException(
                "series "
                    + name
                    + " has "
                    + values.length
                    + " values for "
                    + this.intervalEnds.length
                    + " intervals");
          }
          copied.put(name, values.clone());
        });
    this.series = Collections.unmodifiableMap(copied);
    Map<String, Map<String, WindowStats>> statsCopy = new TreeMap<>();
    stats.forEach(
        (name, perWindow) ->
            statsCopy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(perWindow))));
    this.stats = Collections.unmodifiableMap(statsCopy);
    this.windows = List.copyOf(windows);
    this.events = List.copyOf(events);
    this.eventsProcessed = eventsProcessed;
  }

  /** Length of a sample interval in seconds. */
  public double sampleSeconds() {
    return sampleSeconds;
  }

  /** Number of sample intervals. */
  public int intervalCount() {
    return intervalEnds.length;
  }

  /** End time of every interval in seconds (a copy). */
  public double[] intervalEnds() {
    return intervalEnds.clone();
  }

  /** Simulated time covered by the run: the end of the last interval. */
  public double horizonSeconds() {
    return intervalEnds.length == 0 ? 0 : intervalEnds[intervalEnds.length - 1];
  }

  /** Metric names, sorted. */
  public Set<String> metrics() {
    return series.keySet();
  }

  /** Every metric's per-interval values, sorted by name (copies of the arrays). */
  public Map<String, double[]> series() {
    Map<String, double[]> out = new TreeMap<>();
    series.forEach((name, values) -> out.put(name, values.clone()));
    return Collections.unmodifiableMap(out);
  }

  /**
   * One metric's per-interval values (a copy).
   *
   * @throws IllegalArgumentException for an unknown metric
   */
  public double[] series(String metric) {
    double[] values = series.get(metric);
    if (values == null) {
      throw new IllegalArgumentException("unknown metric: " + metric);
    }
    return values.clone();
  }

  /** Metric name to window name (in window order) to statistics. */
  public Map<String, Map<String, WindowStats>> stats() {
    return stats;
  }

  /**
   * Statistics of {@code metric} over {@code window}.
   *
   * @throws IllegalArgumentException for an unknown metric or window
   */
  public WindowStats stats(String metric, String window) {
    Map<String, WindowStats> perWindow = stats.get(metric);
    if (perWindow == null) {
      throw new IllegalArgumentException("unknown metric: " + metric);
    }
    WindowStats s = perWindow.get(window);
    if (s == null) {
      throw new IllegalArgumentException("unknown window for " + metric + ": " + window);
    }
    return s;
  }

  /** The report windows, in declared order. */
  public List<Window> windows() {
    return windows;
  }

  /** The run's events in time order. */
  public List<SimEvent> events() {
    return events;
  }

  /** Events the engine fired. */
  public long eventsProcessed() {
    return eventsProcessed;
  }

  @Override
  public String toString() {
    return "RunResult["
        + intervalEnds.length
        + " intervals of "
        + sampleSeconds
        + " s, "
        + series.size()
        + " metrics, "
        + windows.size()
        + " windows, "
        + events.size()
        + " events]";
  }
}
