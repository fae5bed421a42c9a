package dev.cascade.chart;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The components, breakers and workload classes of a report with their types, found from metric
 * names and the kinds the scenario declared. Ordered by type (traffic first, then the path it
 * takes), then by name, which is the order charts and tables list them in.
 */
final class Components {

  private final Map<String, ComponentType> types;

  private Components(Map<String, ComponentType> types) {
    this.types = types;
  }

  /** The components owning {@code metricNames}, typed by {@code declared} or by their metrics. */
  static Components of(Collection<String> metricNames, Map<String, String> declared) {
    Map<String, Set<String>> byComponent = new TreeMap<>();
    for (String name : metricNames) {
      MetricName m = MetricName.parse(name);
      byComponent.computeIfAbsent(m.component(), c -> new TreeSet<>()).add(m.metric());
    }
    Map<String, ComponentType> typed = new TreeMap<>();
    byComponent.forEach(
        (component, metrics) -> {
          String kind = declared.get(component);
          ComponentType type = kind == null ? ComponentType.OTHER : ComponentType.named(kind);
          typed.put(component, type == ComponentType.OTHER ? ComponentType.infer(metrics) : type);
        });
    Map<String, ComponentType> ordered = new LinkedHashMap<>();
    typed.entrySet().stream()
        .sorted(
            Comparator.comparing((Map.Entry<String, ComponentType> e) -> e.getValue())
                .thenComparing(Map.Entry::getKey))
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return new Components(ordered);
  }

  /** Component names, in report order. */
  List<String> names() {
    return List.copyOf(types.keySet());
  }

  /** The type of {@code component}; {@link ComponentType#OTHER} if unknown. */
  ComponentType type(String component) {
    return types.getOrDefault(component, ComponentType.OTHER);
  }
}
