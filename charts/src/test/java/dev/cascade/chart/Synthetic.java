package dev.cascade.chart;

import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.SimEvent;
import dev.cascade.core.result.Summary;
import dev.cascade.core.result.WindowStats;
import dev.cascade.core.stats.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/**
 * Synthetic results shaped like the url-shortener incident: a Redis crash from 5m to 25m of a 30m
 * run, a database that overloads without protection, a breaker and load shedding that contain it
 * with protection. Built directly as {@link RunResult}s, with window statistics computed from the
 * series, so chart and report tests need no simulation.
 */
final class Synthetic {

  static final double HORIZON = 1800;
  static final double WARMUP = 120;
  static final double FAULT_FROM = 300;
  static final double FAULT_TO = 1500;

  static final List<Window> WINDOWS =
      List.of(
          new Window("before", WARMUP, FAULT_FROM),
          new Window("during", FAULT_FROM, FAULT_TO),
          new Window("outage", FAULT_FROM, FAULT_TO),
          new Window("after", FAULT_TO, HORIZON),
          new Window("all", WARMUP, HORIZON));

  private Synthetic() {}

  /** A full report: two variants of three replications, checks, estimate, timeline, one sweep. */
  static ReportData report(String scenario) {
    Summary none = summary(false, 3, 1.0, 1);
    Summary protectedVariant = summary(true, 3, 1.0, 2);
    Map<String, List<Summary>> points = new LinkedHashMap<>();
    points.put(
        "no-protection", List.of(summary(false, 2, 0.5, 3), none, summary(false, 2, 1.5, 4)));
    points.put(
        "breaker-and-throttle",
        List.of(summary(true, 2, 0.5, 5), protectedVariant, summary(true, 2, 1.5, 6)));
    return ReportData.builder(scenario)
        .description("Redis dies at peak <b>bold?</b> & the DB \"survives\"")
        .scale(1.0 / 16)
        .variant("no-protection", "no breaker, no throttling", none)
        .variant(
            "breaker-and-throttle", "breaker on redis, shedding at the gateway", protectedVariant)
        .check(
            new CheckRow(
                "breaker-and-throttle",
                "gateway.rate_503",
                "outage",
                "mean",
                "max 0.45",
                0.41,
                0.003,
                true,
                false))
        .check(
            new CheckRow(
                "no-protection",
                "db.utilization_max",
                "outage",
                "max",
                "max 1.0",
                1.0,
                0,
                false,
                false))
        .check(
            new CheckRow(
                "breaker-and-throttle",
                "redirects.latency_p99",
                "after",
                "value",
                "max 50",
                49.5,
                1.2,
                true,
                true))
        .estimate(new EstimateRow("db load per node", "12.5k/s of 50k/s", "25% of capacity"))
        .estimate(
            new EstimateRow("db load per node without redis", "62.5k/s of 50k/s", "125%: over"))
        .timeline(
            "# Timeline of breaker-and-throttle\n\n"
                + "- T+5m **redis** crashed (fault injected)\n"
                + "- T+5m10s `redis-cb` open on 500/500 instances\n"
                + "- T+25m redis restarted <script>alert(1)</script>\n\n"
                + "| t | event |\n|---|---|\n| 300 s | crashed |\n")
        .kind("redirects", "workload")
        .kind("gateway", "gateway")
        .kind("app", "service")
        .kind("redis", "redis")
        .kind("redis-cb", "breaker")
        .kind("db", "database")
        .kind("emails", "worker")
        .capacity("db", 50_000)
        .capacity("redis.maxmemory", 3.0 * (1L << 30))
        .capacity("redis.memory_limit", 4.0 * (1L << 30))
        .capacity("app.threads", 6_400)
        .capacity("redirects.timeout", 2000)
        .sweep(new SweepData("db.nodes", List.of("8", "16", "24"), points))
        .build();
  }

  /** One variant over {@code replications} runs; {@code load} scales the database's load. */
  static Summary summary(boolean protection, int replications, double load, long seed) {
    List<RunResult> runs = new ArrayList<>();
    for (int r = 0; r < replications; r++) {
      runs.add(run(protection, load, new Random(seed * 1000 + r)));
    }
    return Summary.of(runs);
  }

  /** One run. */
  static RunResult run(boolean protection, double load, Random random) {
    int n = (int) HORIZON;
    double[] ends = new double[n];
    for (int k = 0; k < n; k++) {
      ends[k] = k + 1;
    }
    Map<String, double[]> s = new TreeMap<>();
    DoubleUnaryOperator outage = t -> t >= FAULT_FROM && t < FAULT_TO ? 1 : 0;
    double overload = protection ? 0.2 : 1;
    put(
        s,
        ends,
        random,
        "redirects.offered_rps",
        t -> 62_500 * (1 + 0.4 * outage.applyAsDouble(t) * overload),
        0.01);
    put(
        s,
        ends,
        random,
        "redirects.retry_rps",
        t -> 25_000 * outage.applyAsDouble(t) * overload,
        0.02);
    put(
        s,
        ends,
        random,
        "redirects.rate_503",
        t -> (protection ? 0.4 : 0.1) * outage.applyAsDouble(t),
        0.02);
    put(
        s,
        ends,
        random,
        "redirects.error_rate",
        t -> (protection ? 0.01 : 0.3) * outage.applyAsDouble(t),
        0.05);
    put(
        s,
        ends,
        random,
        "redirects.timeout_rate",
        t -> (protection ? 0.0 : 0.25) * outage.applyAsDouble(t),
        0.05);
    double[] offered = s.get("redirects.offered_rps");
    double[] ok = new double[n];
    for (int k = 0; k < n; k++) {
      ok[k] =
          offered[k]
              * (1
                  - s.get("redirects.rate_503")[k]
                  - s.get("redirects.error_rate")[k]
                  - s.get("redirects.timeout_rate")[k]);
    }
    s.put("redirects.ok_rps", ok);
    put(
        s,
        ends,
        random,
        "redirects.latency_p50",
        t -> 2 + 20 * outage.applyAsDouble(t) * overload,
        0.05);
    put(
        s,
        ends,
        random,
        "redirects.latency_p90",
        t -> 4 + 300 * outage.applyAsDouble(t) * overload,
        0.05);
    put(
        s,
        ends,
        random,
        "redirects.latency_p99",
        t -> 9 + 1990 * outage.applyAsDouble(t) * overload,
        0.05);
    put(s, ends, random, "redirects.latency_p999", t -> 20 + 2000 * outage.applyAsDouble(t), 0.05);
    put(s, ends, random, "redirects.latency_mean", t -> 3 + 100 * outage.applyAsDouble(t), 0.05);
    put(s, ends, random, "redirects.latency_max", t -> 50 + 2000 * outage.applyAsDouble(t), 0.05);
    put(
        s,
        ends,
        random,
        "gateway.admitted_rps",
        t -> 62_500 * (1 - (protection ? 0.4 : 0) * outage.applyAsDouble(t)),
        0.01);
    put(
        s,
        ends,
        random,
        "gateway.shed_rps",
        t -> (protection ? 25_000 : 0) * outage.applyAsDouble(t),
        0.01);
    put(
        s,
        ends,
        random,
        "gateway.limit_rps",
        t -> protection && outage.applyAsDouble(t) > 0 ? 37_500 : Double.NaN,
        0);
    put(
        s,
        ends,
        random,
        "gateway.rate_503",
        t -> (protection ? 0.4 : 0.1) * outage.applyAsDouble(t),
        0.02);
    put(s, ends, random, "gateway.shedding", t -> protection ? outage.applyAsDouble(t) : 0, 0);
    put(s, ends, random, "gateway.up", t -> 1, 0);
    put(
        s,
        ends,
        random,
        "app.busy_threads",
        t -> 1_500 + 4_900 * outage.applyAsDouble(t) * overload,
        0.03);
    put(
        s,
        ends,
        random,
        "app.utilization",
        t -> 0.23 + 0.77 * outage.applyAsDouble(t) * overload,
        0.02);
    put(s, ends, random, "app.queue_len", t -> 40_000 * outage.applyAsDouble(t) * overload, 0.05);
    put(s, ends, random, "app.rejected_rps", t -> 6_000 * outage.applyAsDouble(t), 0.05);
    put(
        s,
        ends,
        random,
        "app.latency_p99",
        t -> 8 + 1500 * outage.applyAsDouble(t) * overload,
        0.05);
    put(s, ends, random, "app.up", t -> 1, 0);
    put(s, ends, random, "redis.up", t -> 1 - outage.applyAsDouble(t), 0);
    put(s, ends, random, "redis.ops_rps", t -> 62_500 * (1 - outage.applyAsDouble(t)), 0.01);
    put(
        s,
        ends,
        random,
        "redis.hit_ratio",
        t ->
            t < FAULT_FROM
                ? 0.8
                : t < FAULT_TO ? Double.NaN : 0.8 * (1 - Math.exp(-(t - FAULT_TO) / 60)),
        0.01);
    put(
        s,
        ends,
        random,
        "redis.used_memory_bytes",
        t -> t < FAULT_FROM ? 2.0e9 + t * 1e6 : t < FAULT_TO ? 0 : (t - FAULT_TO) * 6e6,
        0.01);
    put(
        s,
        ends,
        random,
        "redis.rss_bytes",
        t -> t < FAULT_FROM ? 2.6e9 + t * 1.3e6 : t < FAULT_TO ? 0 : (t - FAULT_TO) * 8e6,
        0.01);
    put(s, ends, random, "redis.keys", t -> 4e6, 0.01);
    put(s, ends, random, "redis.evicted_rps", t -> 0, 0);
    put(s, ends, random, "redis.expired_rps", t -> 100, 0.1);
    put(s, ends, random, "redis.latency_p99", t -> 0.4, 0.1);
    put(s, ends, random, "redis.queue_depth", t -> 3, 0.1);
    put(
        s,
        ends,
        random,
        "redis-cb.open_fraction",
        t -> protection ? outage.applyAsDouble(t) * (0.9 + 0.1 * Math.sin(t / 20)) : 0,
        0);
    put(
        s,
        ends,
        random,
        "redis-cb.half_open_fraction",
        t -> protection ? 0.05 * outage.applyAsDouble(t) : 0,
        0);
    put(
        s,
        ends,
        random,
        "redis-cb.not_permitted_rps",
        t -> protection ? 30_000 * outage.applyAsDouble(t) : 0,
        0.02);
    double dbLoad = 12_500 * 16 * load;
    put(
        s,
        ends,
        random,
        "db.load_rps",
        t -> dbLoad * (1 + 4 * outage.applyAsDouble(t) * overload),
        0.02);
    put(
        s,
        ends,
        random,
        "db.throughput_rps",
        t -> Math.min(dbLoad * (1 + 4 * outage.applyAsDouble(t) * overload), 16 * 50_000 * 0.98),
        0.01);
    put(
        s,
        ends,
        random,
        "db.utilization",
        t -> Math.min(0.98, 0.25 * load * (1 + 4 * outage.applyAsDouble(t) * overload)),
        0.01);
    put(
        s,
        ends,
        random,
        "db.utilization_max",
        t -> Math.min(1.0, 0.3 * load * (1 + 4 * outage.applyAsDouble(t) * overload)),
        0.01);
    put(s, ends, random, "db.queue_len", t -> 3_000 * outage.applyAsDouble(t) * overload, 0.05);
    put(
        s,
        ends,
        random,
        "db.connections_in_use",
        t -> 400 + 2_800 * outage.applyAsDouble(t) * overload,
        0.02);
    put(s, ends, random, "db.latency_p99", t -> 6 + 900 * outage.applyAsDouble(t) * overload, 0.05);
    put(s, ends, random, "db.timeouts_rps", t -> 20_000 * outage.applyAsDouble(t) * overload, 0.05);
    put(s, ends, random, "db.nodes", t -> t >= 600 && t < 900 ? 14 : 16, 0);
    put(s, ends, random, "db.up", t -> 1, 0);
    put(
        s,
        ends,
        random,
        "emails.queue_depth",
        t -> protection ? 50 : 50 + 300 * Math.max(0, Math.min(t, FAULT_TO) - FAULT_FROM),
        0.05);
    put(
        s,
        ends,
        random,
        "emails.processed_rps",
        t -> 400 * (1 - 0.8 * outage.applyAsDouble(t) * overload),
        0.03);
    put(s, ends, random, "emails.job_latency_p99", t -> 120, 0.05);
    put(
        s,
        ends,
        random,
        "emails.oldest_job_age_s",
        t -> 1 + 600 * outage.applyAsDouble(t) * overload,
        0.05);
    put(s, ends, random, "emails.enqueue_failures_rps", t -> 40 * outage.applyAsDouble(t), 0.05);
    put(s, ends, random, "emails.jobs_lost", t -> 0, 0);
    put(s, ends, random, "emails.up", t -> 1, 0);
    return new RunResult(1.0, ends, s, stats(ends, s), WINDOWS, events(protection), 1_000_000);
  }

  /** The incident's events, with a burst of 60 alert flaps to exercise de-cluttering. */
  static List<SimEvent> events(boolean protection) {
    List<SimEvent> e = new ArrayList<>();
    e.add(new SimEvent(FAULT_FROM, "redis", "fault_injected", "crash for 20m"));
    e.add(new SimEvent(FAULT_FROM, "redis", "crashed", "fault injected"));
    e.add(new SimEvent(FAULT_FROM + 0.5, "emails", "queue_full", ""));
    if (protection) {
      e.add(new SimEvent(310.2, "redis-cb", "opened", "500/500 instances"));
      e.add(new SimEvent(315, "gateway", "shedding_started", "db.latency_p99 above 100ms"));
    } else {
      e.add(new SimEvent(320, "db", "pool_exhausted", "16/16 nodes"));
    }
    e.add(new SimEvent(330, "redis-ping", "alert_fired", "redis.up below 1"));
    e.add(new SimEvent(600, "db", "crashed", "2 nodes killed"));
    e.add(new SimEvent(900, "db", "recovered", "16 nodes"));
    for (int i = 0; i < 60; i++) {
      e.add(
          new SimEvent(960 + i * 7, "web-5xx", i % 2 == 0 ? "alert_fired" : "alert_resolved", ""));
    }
    e.add(new SimEvent(FAULT_TO, "redis", "fault_cleared", ""));
    e.add(new SimEvent(FAULT_TO, "redis", "restarted", "empty (no persistence)"));
    if (protection) {
      e.add(new SimEvent(1540, "redis-cb", "closed", "500/500 instances"));
      e.add(new SimEvent(1560, "gateway", "shedding_stopped", ""));
    }
    e.add(new SimEvent(1530, "redis-ping", "alert_resolved", ""));
    e.sort((a, b) -> Double.compare(a.timeSeconds(), b.timeSeconds()));
    return e;
  }

  private static void put(
      Map<String, double[]> s,
      double[] ends,
      Random random,
      String name,
      DoubleUnaryOperator f,
      double noise) {
    double[] v = new double[ends.length];
    for (int k = 0; k < ends.length; k++) {
      double base = f.applyAsDouble(ends[k] - 0.5);
      v[k] = base * (1 + noise * random.nextGaussian());
    }
    s.put(name, v);
  }

  /** Windows of a {@link #tiny} run: faults from 30 s to 70 s of 100 s, no warmup. */
  static final List<Window> TINY_WINDOWS =
      List.of(
          new Window("before", 0, 30),
          new Window("during", 30, 70),
          new Window("outage", 30, 70),
          new Window("after", 70, 100),
          new Window("all", 0, 100));

  /**
   * A run of 100 intervals of 1 s with the given series (each 100 values), summarised as one
   * replication, small enough that charts draw every point.
   */
  static Summary tiny(Map<String, double[]> series, List<SimEvent> events) {
    double[] ends = new double[100];
    for (int k = 0; k < ends.length; k++) {
      ends[k] = k + 1;
    }
    Map<String, Map<String, WindowStats>> stats = new TreeMap<>();
    series.forEach(
        (name, values) -> {
          Map<String, WindowStats> perWindow = new LinkedHashMap<>();
          for (Window w : TINY_WINDOWS) {
            perWindow.put(w.name(), statsOf(ends, values, w));
          }
          stats.put(name, perWindow);
        });
    return Summary.of(List.of(new RunResult(1.0, ends, series, stats, TINY_WINDOWS, events, 100)));
  }

  /** 100 values: {@code base} outside the fault window, {@code during} inside it. */
  static double[] step(double base, double during) {
    double[] v = new double[100];
    for (int k = 0; k < v.length; k++) {
      v[k] = k + 0.5 >= 30 && k + 0.5 < 70 ? during : base;
    }
    return v;
  }

  /** Window statistics of the series: interval values whose midpoint lies in the window. */
  static Map<String, Map<String, WindowStats>> stats(double[] ends, Map<String, double[]> series) {
    Map<String, Map<String, WindowStats>> out = new TreeMap<>();
    series.forEach(
        (name, values) -> {
          Map<String, WindowStats> perWindow = new LinkedHashMap<>();
          for (Window w : WINDOWS) {
            perWindow.put(w.name(), statsOf(ends, values, w));
          }
          out.put(name, perWindow);
        });
    return out;
  }

  private static WindowStats statsOf(double[] ends, double[] values, Window w) {
    double sum = 0;
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    double last = Double.NaN;
    int n = 0;
    for (int k = 0; k < ends.length; k++) {
      if (w.contains(ends[k] - 0.5) && !Double.isNaN(values[k])) {
        sum += values[k];
        max = Math.max(max, values[k]);
        min = Math.min(min, values[k]);
        last = values[k];
        n++;
      }
    }
    if (n == 0) {
      return WindowStats.EMPTY;
    }
    return new WindowStats(sum / n, max, min, last, sum / n);
  }
}
