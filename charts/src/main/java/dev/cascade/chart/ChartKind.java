package dev.cascade.chart;

/** Every kind of chart Cascade draws, with the slug used in file names. */
public enum ChartKind {
  /** Latency p50 and p99 of a workload class over time. */
  LATENCY("latency"),
  /** Outcomes of a workload class's attempts (ok, 503, error, timeout) stacked, against offered. */
  OUTCOMES("outcomes"),
  /** Admitted, shed and limit rates of a gateway. */
  GATEWAY("gateway"),
  /** Busy threads and queue length of a service. */
  SERVICE("service"),
  /** Database load per node against capacity, and utilization. */
  DATABASE("database"),
  /** Cache hit ratio and Redis memory against maxmemory and the container limit. */
  CACHE("cache"),
  /** Share of breaker instances open and half-open. */
  BREAKER("breaker"),
  /** Worker queue depth and processed rate. */
  WORKER("worker"),
  /** One metric over time, one line per variant. */
  OVERLAY("compare"),
  /** Key statistics per window, one bar per variant, with 95% confidence whiskers. */
  WINDOW_STATS("windows"),
  /** One metric against a swept parameter, one line per variant, with 95% confidence bands. */
  SWEEP("sweep");

  private final String slug;

  ChartKind(String slug) {
    this.slug = slug;
  }

  /** The short name used in chart file names. */
  public String slug() {
    return slug;
  }
}
