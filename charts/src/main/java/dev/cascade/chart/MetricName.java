package dev.cascade.chart;

/**
 * A metric name split into its owner and its metric, {@code redirects.latency_p99} into {@code
 * redirects} and {@code latency_p99}. Metric parts never contain a dot, so the split is at the last
 * one.
 *
 * @param component component, breaker or workload class
 * @param metric metric within it
 */
record MetricName(String component, String metric) {

  /** Splits {@code name}; a name without a dot has an empty component. */
  static MetricName parse(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0
        ? new MetricName("", name)
        : new MetricName(name.substring(0, dot), name.substring(dot + 1));
  }
}
