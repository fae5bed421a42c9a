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
 * @param proportionalPools whether each simulated instance or node carries exactly its share of a
 *     real one's pools ({@code scale_pools: proportional}), so that a count which is not whole in
 *     the slice (16 nodes at 1/32) does not change the slice's capacity; for labels only
 * @param unitShares real units one simulated unit stands for, by service or database name, where
 *     that is not 1 (proportional pools only: 0.5 for 16 nodes at 1/32); the spec's per-unit
 *     figures are already the share's, so models ignore this and estimates use it to speak of real
 *     nodes and instances
 */
public record ModelSpec(
    double horizon,
    double warmup,
    double sample,
    double scale,
    boolean proportionalPools,
    Map<String, Double> unitShares,
    Map<String, WorkloadSpec> workload,
    Map<String, ComponentSpec> components,
    Map<String, BreakerSpec> breakers,
    List<FaultSpec> faults,
    List<MonitorSpec> monitors) {

  /** A spec whose instances and nodes keep a real one's pools (the format's scale rule). */
  public ModelSpec(
      double horizon,
      double warmup,
      double sample,
      double scale,
      Map<String, WorkloadSpec> workload,
      Map<String, ComponentSpec> components,
      Map<String, BreakerSpec> breakers,
      List<FaultSpec> faults,
      List<MonitorSpec> monitors) {
    this(
        horizon,
        warmup,
        sample,
        scale,
        false,
        Map.of(),
        workload,
        components,
        breakers,
        faults,
        monitors);
  }

  public ModelSpec {
    unitShares = Map.copyOf(unitShares);
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

  /** Real units one simulated instance or node of {@code component} stands for (usually 1). */
  public double unitShare(String component) {
    return unitShares.getOrDefault(component, 1.0);
  }

  /**
   * For messages about {@code component}'s {@code unit}s ("node", "instance"): empty when one is a
   * whole real one, else e.g. {@code " (each simulated node is 0.5 of a real one)"}.
   */
  public String unitNote(String component, String unit) {
    double share = unitShare(component);
    if (share == 1) {
      return "";
    }
    String s =
        new java.math.BigDecimal(share)
            .round(new java.math.MathContext(3))
            .stripTrailingZeros()
            .toPlainString();
    return " (each simulated " + unit + " is " + s + " of a real one)";
  }
}
