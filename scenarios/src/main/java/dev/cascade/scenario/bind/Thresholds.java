package dev.cascade.scenario.bind;

import dev.cascade.core.unit.Durations;
import dev.cascade.core.unit.Fractions;
import dev.cascade.core.unit.Numbers;
import dev.cascade.core.unit.Rates;
import dev.cascade.core.unit.Sizes;
import dev.cascade.core.unit.UnitException;
import dev.cascade.model.MetricCatalog;
import dev.cascade.model.spec.ComponentKind;

/**
 * Reads a threshold or bound on a metric into the metric's own unit: a plain number as is, a
 * percentage as a ratio, a duration in milliseconds for latency metrics ({@code 100ms} -> 100) and
 * in seconds for {@code _s} metrics, a rate per second for {@code _rps} metrics, a size in bytes
 * for {@code _bytes} metrics. A unit that does not fit the metric is an error, so {@code above:
 * 100ms} on a rate cannot pass silently.
 */
final class Thresholds {

  private static final String KIND = "threshold";
  private static final String EXPECTED = "a number, or a value in the metric's unit: 100ms, 50k/s";

  private Thresholds() {}

  /** Whether a threshold on {@code metric} is a system total that the scale applies to. */
  static boolean scaled(String metric) {
    return metric.endsWith("_rps");
  }

  static double parse(String metric, String text) {
    String t = text.strip();
    if (!known(metric)) {
      // The metric itself is reported; convert by the unit alone instead of adding a problem.
      return lenient(t, text);
    }
    if (t.matches("-?\\d+(\\.\\d+)?")) {
      return Numbers.parse(t);
    }
    if (t.endsWith("%")) {
      return Fractions.parse(t);
    }
    if (t.contains("/")) {
      require(metric.endsWith("_rps"), text, "a plain number: " + metric + " is not a rate");
      return Rates.parse(t);
    }
    if (t.matches("[\\d.]+[kmgKMG]?[bB]")) {
      require(metric.endsWith("_bytes"), text, "a plain number: " + metric + " is not a size");
      return Sizes.parse(t);
    }
    double seconds;
    try {
      seconds = Durations.parse(t);
    } catch (UnitException e) {
      throw new UnitException(text, KIND, EXPECTED);
    }
    if (metric.contains("latency")) {
      return seconds * 1000;
    }
    require(metric.endsWith("_s"), text, "a plain number: " + metric + " is not a time");
    return seconds;
  }

  /** Whether the part after the owner is a metric some model publishes. */
  private static boolean known(String metric) {
    String name = metric.substring(metric.indexOf('.') + 1);
    if (MetricCatalog.WORKLOAD.contains(name) || MetricCatalog.BREAKER.contains(name)) {
      return true;
    }
    for (ComponentKind k : ComponentKind.values()) {
      if (MetricCatalog.of(k).contains(name)) {
        return true;
      }
    }
    return false;
  }

  private static double lenient(String t, String text) {
    for (String unit : new String[] {"x.latency_p99", "x.ok_rps", "x.used_memory_bytes"}) {
      try {
        return parse(unit, t);
      } catch (UnitException e) {
        // try the next unit
      }
    }
    throw new UnitException(text, KIND, EXPECTED);
  }

  private static void require(boolean ok, String text, String expected) {
    if (!ok) {
      throw new UnitException(text, KIND, expected);
    }
  }
}
