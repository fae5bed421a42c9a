package dev.cascade.chart;

import dev.cascade.core.result.Summary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The results of sweeping one scenario parameter: for every variant, one {@link Summary} per swept
 * value. A grid over several parameters is given as one {@code SweepData} per parameter (the other
 * parameters held at one value), which is what a metric-vs-parameter chart can show.
 *
 * @param parameter the swept path as written, e.g. {@code db.nodes}
 * @param values the swept values as written, e.g. {@code 8 16 24} or {@code 5s 30s 2m}, in order
 * @param points variant name (in report order) to one summary per value, in the order of {@code
 *     values}
 */
public record SweepData(String parameter, List<String> values, Map<String, List<Summary>> points) {

  /**
   * Validates that every variant has one summary per value.
   *
   * @throws IllegalArgumentException if a variant's list does not match {@code values}
   */
  public SweepData {
    Objects.requireNonNull(parameter, "parameter");
    values = List.copyOf(values);
    Map<String, List<Summary>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, List<Summary>> e : points.entrySet()) {
      if (e.getValue().size() != values.size()) {
        throw new IllegalArgumentException(
            "sweep of "
                + parameter
                + ": variant "
                + e.getKey()
                + " has "
                + e.getValue().size()
                + " results for "
                + values.size()
                + " values");
      }
      copy.put(e.getKey(), List.copyOf(e.getValue()));
    }
    points = Collections.unmodifiableMap(copy);
  }
}
