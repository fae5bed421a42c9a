package dev.cascade.core.result;

import dev.cascade.core.stats.ReplicationStat;
import dev.cascade.core.stats.Window;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The replications of one variant combined: for every metric, window and statistic the mean over
 * replications with its 95% confidence half-width ({@link ReplicationStat}), and the mean of every
 * metric per interval for {@code timeseries.csv}. A metric missing from a replication counts as NaN
 * there, and NaN values are skipped. Events are replication 1's, as the output contract says.
 */
public final class Summary {

  private final int replications;
  private final double sampleSeconds;
  private final double[] intervalEnds;
  private final List<Window> windows;
  private final Map<String, Map<String, Map<String, ReplicationStat>>> stats;
  private final Map<String, double[]> meanSeries;
  private final List<SimEvent> events;
  private final long eventsProcessed;

  private Summary(List<RunResult> runs) {
    RunResult first = runs.get(0);
    this.replications = runs.size();
    this.sampleSeconds = first.sampleSeconds();
    this.intervalEnds = first.intervalEnds();
    this.windows = first.windows();
    this.events = first.events();
    TreeSet<String> metrics = new TreeSet<>();
    long processed = 0;
    for (RunResult run : runs) {
      metrics.addAll(run.metrics());
      processed += run.eventsProcessed();
    }
    this.eventsProcessed = processed;
    Map<String, Map<String, Map<String, ReplicationStat>>> s = new TreeMap<>();
    Map<String, double[]> m = new TreeMap<>();
    for (String metric : metrics) {
      s.put(metric, statsOf(runs, metric));
      m.put(metric, meanSeriesOf(runs, metric));
    }
    this.stats = Collections.unmodifiableMap(s);
    this.meanSeries = Collections.unmodifiableMap(m);
  }

  /**
   * Combines the replications of one variant.
   *
   * @throws IllegalArgumentException if {@code replications} is empty or the runs differ in
   *     intervals or windows
   */
  public static Summary of(List<RunResult> replications) {
    if (replications.isEmpty()) {
      throw new IllegalArgumentException("no replications to summarize");
    }
    RunResult first = replications.get(0);
    for (RunResult run : replications) {
      if (run.intervalCount() != first.intervalCount()
          || run.sampleSeconds() != first.sampleSeconds()
          || !run.windows().equals(first.windows())) {
        throw new IllegalArgumentException(
            "replications differ in sample intervals or windows: " + first + " vs " + run);
      }
    }
    return new Summary(List.copyOf(replications));
  }

  private Map<String, Map<String, ReplicationStat>> statsOf(List<RunResult> runs, String metric) {
    Map<String, Map<String, ReplicationStat>> perWindow = new LinkedHashMap<>();
    double[] values = new double[runs.size()];
    for (Window window : windows) {
      Map<String, ReplicationStat> perStat = new LinkedHashMap<>();
      for (String stat : WindowStats.NAMES) {
        for (int r = 0; r < runs.size(); r++) {
          values[r] = statOf(runs.get(r), metric, window.name(), stat);
        }
        perStat.put(stat, ReplicationStat.of(values));
      }
      perWindow.put(window.name(), Collections.unmodifiableMap(perStat));
    }
    return Collections.unmodifiableMap(perWindow);
  }

  private static double statOf(RunResult run, String metric, String window, String stat) {
    Map<String, WindowStats> perWindow = run.stats().get(metric);
    WindowStats s = perWindow == null ? null : perWindow.get(window);
    return s == null ? Double.NaN : s.get(stat);
  }

  private double[] meanSeriesOf(List<RunResult> runs, String metric) {
    double[] sum = new double[intervalEnds.length];
    int[] count = new int[intervalEnds.length];
    for (RunResult run : runs) {
      if (!run.metrics().contains(metric)) {
        continue;
      }
      double[] values = run.series(metric);
      for (int k = 0; k < values.length; k++) {
        if (!Double.isNaN(values[k])) {
          sum[k] += values[k];
          count[k]++;
        }
      }
    }
    for (int k = 0; k < sum.length; k++) {
      sum[k] = count[k] == 0 ? Double.NaN : sum[k] / count[k];
    }
    return sum;
  }

  /** Number of replications combined. */
  public int replications() {
    return replications;
  }

  /** Length of a sample interval in seconds. */
  public double sampleSeconds() {
    return sampleSeconds;
  }

  /** End time of every interval in seconds (a copy). */
  public double[] intervalEnds() {
    return intervalEnds.clone();
  }

  /** The report windows, in declared order. */
  public List<Window> windows() {
    return windows;
  }

  /** Metric names, sorted. */
  public Set<String> metrics() {
    return stats.keySet();
  }

  /** Metric (sorted) to window (declared order) to stat ({@link WindowStats#NAMES} order). */
  public Map<String, Map<String, Map<String, ReplicationStat>>> stats() {
    return stats;
  }

  /**
   * Mean and confidence half-width of {@code stat} of {@code metric} over {@code window}.
   *
   * @throws IllegalArgumentException for an unknown metric, window or stat
   */
  public ReplicationStat stat(String metric, String window, String stat) {
    Map<String, Map<String, ReplicationStat>> perWindow = stats.get(metric);
    if (perWindow == null) {
      throw new IllegalArgumentException("unknown metric: " + metric);
    }
    Map<String, ReplicationStat> perStat = perWindow.get(window);
    if (perStat == null) {
      throw new IllegalArgumentException("unknown window: " + window);
    }
    ReplicationStat s = perStat.get(stat);
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown stat \"" + stat + "\" (expected one of mean max min final value)");
    }
    return s;
  }

  /** Every metric's per-interval mean over replications, sorted by name (copies). */
  public Map<String, double[]> meanSeries() {
    Map<String, double[]> out = new TreeMap<>();
    meanSeries.forEach((name, values) -> out.put(name, values.clone()));
    return Collections.unmodifiableMap(out);
  }

  /**
   * One metric's per-interval mean over replications (a copy); NaN where no replication has a
   * value.
   *
   * @throws IllegalArgumentException for an unknown metric
   */
  public double[] meanSeries(String metric) {
    double[] values = meanSeries.get(metric);
    if (values == null) {
      throw new IllegalArgumentException("unknown metric: " + metric);
    }
    return values.clone();
  }

  /** Replication 1's events. */
  public List<SimEvent> events() {
    return events;
  }

  /** Events fired over all replications. */
  public long eventsProcessed() {
    return eventsProcessed;
  }
}
