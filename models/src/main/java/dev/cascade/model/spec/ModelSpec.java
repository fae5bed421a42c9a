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
 * @param scale the slice of the system this spec describes (1 = all of it). The spec's counts and
 *     rates are already the slice's (the scenario loader scales them); models simulate the spec as
 *     it is and use this only to label results, and reports scale totals back up by 1 / scale
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
