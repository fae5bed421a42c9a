package dev.cascade.model.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to build and run one simulation: timing, traffic, components, breaker policies,
 * faults and monitors. Maps keep the scenario's order (use {@link java.util.LinkedHashMap}).
 *
 * @param horizon simulated seconds
 * @param warmup seconds excluded from statistics
 * @param sample metrics interval in seconds
 * @param scale the slice of the system simulated (1 = all of it); reports scale totals back up
 */
public record ModelSpec(
    double horizon,
    double warmup,
    double sample,
    double scale,
    Map<String, WorkloadSpec> workload,
    Map<String, ComponentSpec> components,
    Map<String, BreakerSpec> breakers,
    List<FaultSpec> faults,
    List<MonitorSpec> monitors) {

  public ModelSpec {
    workload = Collections.unmodifiableMap(new LinkedHashMap<>(workload));
    components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    breakers = Collections.unmodifiableMap(new LinkedHashMap<>(breakers));
    faults = List.copyOf(faults);
    monitors = List.copyOf(monitors);
    if (!(horizon > 0)) {
      throw new IllegalArgumentException("horizon must be positive");
    }
    if (!(sample > 0)) {
      throw new IllegalArgumentException("sample must be positive");
    }
  }
}
