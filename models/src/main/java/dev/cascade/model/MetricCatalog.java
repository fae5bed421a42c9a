package dev.cascade.model;

import dev.cascade.model.spec.BreakerSpec;
import dev.cascade.model.spec.ComponentKind;
import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.WorkloadSpec;
import java.util.List;

/**
 * The metrics every component kind publishes, as {@code <name>.<metric>}. The loader uses this to
 * reject checks, conditions and charts that name a metric no model produces, before time 0; each
 * model registers exactly these names (a test keeps the two in step).
 */
public final class MetricCatalog {

  /** Metrics of a workload class. */
  public static final List<String> WORKLOAD =
      List.of(
          "offered_rps",
          "retry_rps",
          "ok_rps",
          "rate_503",
          "error_rate",
          "timeout_rate",
          "latency_p50",
          "latency_p90",
          "latency_p99",
          "latency_p999",
          "latency_mean",
          "latency_max");

  /** Metrics of a breaker policy (across its instances). */
  public static final List<String> BREAKER =
      List.of("open_fraction", "half_open_fraction", "not_permitted_rps");

  private MetricCatalog() {}

  /** Metrics of one component kind. */
  public static List<String> of(ComponentKind kind) {
    return switch (kind) {
      case GATEWAY ->
          List.of("up", "admitted_rps", "shed_rps", "rate_503", "limit_rps", "shedding");
      case SERVICE ->
          List.of("up", "busy_threads", "utilization", "queue_len", "rejected_rps", "latency_p99");
      case REDIS ->
          List.of(
              "up",
              "ops_rps",
              "hit_ratio",
              "used_memory_bytes",
              "rss_bytes",
              "keys",
              "evicted_rps",
              "expired_rps",
              "latency_p99",
              "queue_depth");
      case DATABASE ->
          List.of(
              "up",
              "load_rps",
              "throughput_rps",
              "utilization",
              "utilization_max",
              "queue_len",
              "connections_in_use",
              "latency_p99",
              "timeouts_rps",
              "nodes");
      case WORKER ->
          List.of(
              "up",
              "queue_depth",
              "processed_rps",
              "job_latency_p99",
              "oldest_job_age_s",
              "enqueue_failures_rps",
              "jobs_lost");
    };
  }

  /** Full metric names of a component. */
  public static List<String> of(ComponentSpec c) {
    return of(c.kind()).stream().map(m -> c.name() + "." + m).toList();
  }

  /** Full metric names of a workload class. */
  public static List<String> of(WorkloadSpec w) {
    return WORKLOAD.stream().map(m -> w.name() + "." + m).toList();
  }

  /** Full metric names of a breaker policy. */
  public static List<String> of(BreakerSpec b) {
    return BREAKER.stream().map(m -> b.name() + "." + m).toList();
  }
}
