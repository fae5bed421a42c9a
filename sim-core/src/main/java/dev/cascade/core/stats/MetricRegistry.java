package dev.cascade.core.stats;

import dev.cascade.core.result.EventLog;
import dev.cascade.core.result.RunResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;

/**
 * The named metrics of one simulation run, sampled on a fixed grid of intervals {@code [k*sample,
 * (k+1)*sample)} ({@code ceil(horizon/sample)} of them, the last cut at the horizon) and summarized
 * per report window. Models create their instruments once, by name, while they are built; the
 * engine calls {@link #closeUpTo} from a periodic event and {@link #finish} at the horizon; {@link
 * #result} then yields the immutable {@link RunResult}.
 *
 * <p>Closing an interval runs, in order: the {@linkplain #onIntervalEnd hooks}, the interval end of
 * every level, the interval end of every latency recorder, the sampling of every metric in
 * registration order, and last the {@linkplain #derived derived} metrics (which may therefore read
 * levels' interval averages and {@linkplain #latest latest} values of other metrics).
 *
 * <p>Not thread-safe: a registry belongs to one run.
 */
public final class MetricRegistry {

  private final IntervalGrid grid;
  private final WindowSet windows;
  private final int[] spanScratch;

  private final Map<String, Metric> byName = new HashMap<>();
  private final List<Metric> sampled = new ArrayList<>();
  private final List<Metric> derived = new ArrayList<>();
  private final List<Level> levels = new ArrayList<>();
  private final List<LatencyRecorder> recorders = new ArrayList<>();
  private final List<Runnable> hooks = new ArrayList<>();

  private int closed;
  private boolean finished;

  /**
   * Creates a registry for a run of {@code horizonSeconds} sampled every {@code sampleSeconds}.
   *
   * @param windows report windows, names unique
   * @throws IllegalArgumentException on a non-positive sample or horizon or a duplicate window name
   */
  public MetricRegistry(double sampleSeconds, double horizonSeconds, List<Window> windows) {
    this.grid = new IntervalGrid(sampleSeconds, horizonSeconds);
    this.windows = new WindowSet(windows);
    this.spanScratch = new int[this.windows.spanCount()];
  }

  /** Length of a sample interval in seconds. */
  public double sampleSeconds() {
    return grid.sampleSeconds();
  }

  /** Simulated time of the run in seconds. */
  public double horizonSeconds() {
    return grid.horizonSeconds();
  }

  /** Number of sample intervals, {@code ceil(horizon / sample)}. */
  public int intervalCount() {
    return grid.count();
  }

  /** Intervals closed so far. */
  public int closedIntervals() {
    return closed;
  }

  /**
   * End of the first interval not yet closed (while hooks run: of the interval being closed);
   * positive infinity once every interval is closed.
   */
  public double nextIntervalEnd() {
    return closed < grid.count() ? grid.end(closed) : Double.POSITIVE_INFINITY;
  }

  /** The report windows, in the order given. */
  public List<Window> windows() {
    return windows.windows();
  }

  /** Whether {@link #finish} was called. */
  public boolean isFinished() {
    return finished;
  }

  /** Names of the metrics registered so far, sorted. */
  public Set<String> metricNames() {
    return Collections.unmodifiableSet(new TreeSet<>(byName.keySet()));
  }

  /** A new counter, to feed {@link #rate} and {@link #ratio} metrics. */
  public Counter counter() {
    return new Counter();
  }

  /** Registers {@code metric} as occurrences per second of {@code counter}. */
  public void rate(String metric, Counter counter) {
    Objects.requireNonNull(counter, "counter");
    add(sampled, new RateMetric(checkNew(metric), grid.count(), spanCount(), counter));
  }

  /** Registers {@code metric} as the share of {@code numerator} in {@code denominator}. */
  public void ratio(String metric, Counter numerator, Counter denominator) {
    Objects.requireNonNull(numerator, "numerator");
    Objects.requireNonNull(denominator, "denominator");
    add(
        sampled,
        new RatioMetric(checkNew(metric), grid.count(), spanCount(), numerator, denominator));
  }

  /** Registers {@code metric} as the time-average of a new level, which it returns. */
  public Level level(String metric) {
    String name = checkNew(metric);
    Level level = levelUnnamed();
    add(sampled, new LevelMetric(name, grid.count(), spanCount(), level));
    return level;
  }

  /** A new level that reports nothing itself, only feeding derived metrics. */
  public Level levelUnnamed() {
    checkOpen();
    Level level = new Level(grid.start(Math.min(closed, grid.count() - 1)));
    levels.add(level);
    return level;
  }

  /** Registers {@code metric} as {@code supplier} sampled at each interval end. */
  public void gauge(String metric, DoubleSupplier supplier) {
    Objects.requireNonNull(supplier, "supplier");
    add(
        sampled,
        new SampledMetric(checkNew(metric), grid.count(), (s, e) -> supplier.getAsDouble()));
  }

  /**
   * Registers the latency metrics {@code <prefix>_p50 _p90 _p99 _p999 _mean _max} (milliseconds)
   * and returns the recorder feeding them.
   */
  public LatencyRecorder latency(String prefix) {
    return latency(prefix, LatencyStat.allSuffixes());
  }

  /**
   * Registers the latency metrics {@code <prefix><suffix>} for the given suffixes, a non-empty
   * subset of {@code _p50 _p90 _p99 _p999 _mean _max}, and returns the recorder feeding them.
   */
  public LatencyRecorder latency(String prefix, String... suffixes) {
    Objects.requireNonNull(prefix, "prefix");
    List<LatencyStat> stats = LatencyStat.parse(prefix, suffixes);
    for (LatencyStat stat : stats) {
      checkNew(prefix + stat.suffix());
    }
    LatencyRecorder recorder = new LatencyRecorder(spanCount());
    recorders.add(recorder);
    for (LatencyStat stat : stats) {
      add(sampled, new LatencyMetric(prefix + stat.suffix(), grid.count(), recorder, stat));
    }
    return recorder;
  }

  /**
   * Registers {@code metric} as computed by {@code function} at each interval end, after the
   * others.
   */
  public void derived(String metric, IntervalFunction function) {
    Objects.requireNonNull(function, "function");
    add(derived, new SampledMetric(checkNew(metric), grid.count(), function));
  }

  /** Runs {@code hook} at each interval end, before any level or metric is sampled. */
  public void onIntervalEnd(Runnable hook) {
    checkOpen();
    hooks.add(Objects.requireNonNull(hook, "hook"));
  }

  /**
   * A reader of {@code metric}'s value in the most recently closed interval (NaN before the first),
   * for monitors and adaptive controls that react to metrics.
   *
   * @throws IllegalArgumentException if no metric of that name is registered
   */
  public DoubleSupplier latest(String metric) {
    Metric m = byName.get(metric);
    if (m == null) {
      throw new IllegalArgumentException("unknown metric: " + metric);
    }
    return m::latest;
  }

  /**
   * Closes the next interval; its end must have been reached by {@code now}.
   *
   * @throws IllegalArgumentException if {@code now} is before the end of the next interval
   * @throws IllegalStateException if every interval is closed or the registry is finished
   */
  public void closeInterval(double now) {
    checkOpen();
    if (closed >= grid.count()) {
      throw new IllegalStateException("all " + grid.count() + " intervals are closed");
    }
    double end = grid.end(closed);
    if (!IntervalGrid.reached(now, end)) {
      throw new IllegalArgumentException(
          "interval " + closed + " ends at " + end + " s, not reached at " + now + " s");
    }
    closeNext();
  }

  /**
   * Closes every interval that ended by {@code now}, each at its own end time, however many have
   * elapsed since the last call.
   *
   * @return the number of intervals closed
   */
  public int closeUpTo(double now) {
    checkOpen();
    int before = closed;
    while (closed < grid.count() && IntervalGrid.reached(now, grid.end(closed))) {
      closeNext();
    }
    return closed - before;
  }

  /**
   * Closes every remaining interval (levels keep their values through intervals without events) and
   * freezes the registry.
   *
   * @param now the simulated time at which the run ended, normally the horizon
   */
  public void finish(double now) {
    closeUpTo(now);
    while (closed < grid.count()) {
      closeNext();
    }
    finished = true;
  }

  /**
   * The results of the finished run.
   *
   * @param log the run's events
   * @param eventsProcessed events the engine fired
   * @throws IllegalStateException if the registry is not finished
   */
  public RunResult result(EventLog log, long eventsProcessed) {
    Objects.requireNonNull(log, "log");
    if (!finished) {
      throw new IllegalStateException("finish the registry before taking its result");
    }
    return ResultAssembler.assemble(grid, windows, byName.values(), log.events(), eventsProcessed);
  }

  private void closeNext() {
    int k = closed;
    double start = grid.start(k);
    double end = grid.end(k);
    for (int i = 0; i < hooks.size(); i++) {
      hooks.get(i).run();
    }
    for (int i = 0; i < levels.size(); i++) {
      levels.get(i).closeInterval(end);
    }
    int n = windows.spansContaining(grid.midpoint(k), spanScratch);
    for (int i = 0; i < recorders.size(); i++) {
      recorders.get(i).closeInterval(spanScratch, n);
    }
    for (int i = 0; i < sampled.size(); i++) {
      sampled.get(i).sampleInto(k, start, end, spanScratch, n);
    }
    for (int i = 0; i < derived.size(); i++) {
      derived.get(i).sampleInto(k, start, end, spanScratch, n);
    }
    closed = k + 1;
  }

  private int spanCount() {
    return windows.spanCount();
  }

  private String checkNew(String metric) {
    checkOpen();
    Objects.requireNonNull(metric, "metric");
    if (metric.isBlank()) {
      throw new IllegalArgumentException("metric name must not be blank");
    }
    if (byName.containsKey(metric)) {
      throw new IllegalArgumentException("duplicate metric: " + metric);
    }
    return metric;
  }

  private void add(List<Metric> list, Metric metric) {
    byName.put(metric.name(), metric);
    list.add(metric);
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("the registry is finished");
    }
  }
}
