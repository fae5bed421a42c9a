package dev.cascade.chart;

import java.util.Locale;
import java.util.Set;

/**
 * The kinds of thing that publish metrics, as far as charts care: each has its own standard chart.
 * The kind comes from the scenario when the report data says it, else from the metrics the thing
 * publishes (SCENARIO-FORMAT.md, metrics). Declared in the order reports list them.
 */
enum ComponentType {
  WORKLOAD("offered_rps"),
  GATEWAY("admitted_rps"),
  SERVICE("busy_threads"),
  DATABASE("load_rps"),
  REDIS("hit_ratio"),
  BREAKER("open_fraction"),
  WORKER("processed_rps"),
  OTHER("");

  /** A metric only this kind publishes, used to recognise it. */
  private final String signature;

  ComponentType(String signature) {
    this.signature = signature;
  }

  /** The type named by the scenario's {@code kind}, or {@link #OTHER} for an unknown name. */
  static ComponentType named(String kind) {
    for (ComponentType t : values()) {
      if (t != OTHER
          && t.name().toLowerCase(Locale.ROOT).equals(kind.trim().toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    return OTHER;
  }

  /** The type whose signature metric is among {@code metrics} (metric parts only). */
  static ComponentType infer(Set<String> metrics) {
    for (ComponentType t : values()) {
      if (t != OTHER && metrics.contains(t.signature)) {
        return t;
      }
    }
    return OTHER;
  }
}
