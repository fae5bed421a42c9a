package dev.cascade.scenario.bind;

import dev.cascade.core.unit.Durations;
import dev.cascade.model.spec.BreakerSpec;
import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.FaultSpec;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.model.spec.MonitorSpec;
import dev.cascade.model.spec.WorkloadSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds the model part of a scenario document (timing, scale, workload, components, breakers,
 * faults, monitors) into a {@link ModelSpec}, then checks its references. Scenario-level keys
 * (name, seed, variants, checks, ...) belong to {@link ScenarioBinder}.
 */
final class ModelBinder {

  /** Top-level keys that describe the model; variants and sweeps may set only these. */
  static final List<String> MODEL_KEYS =
      List.of(
          "horizon",
          "warmup",
          "sample",
          "scale",
          "scale_pools",
          "workload",
          "components",
          "breakers",
          "faults",
          "monitors");

  private ModelBinder() {}

  /** Binds the model from the root reader; problems go to the reader's collector. */
  static ModelSpec bind(MapReader root) {
    BindContext ctx = new BindContext(root.problems());
    int before = root.problems().size();
    double horizon = root.get("horizon", null, Kind.DURATION);
    if (root.problems().size() == before && !(horizon > 0)) {
      root.invalid("horizon", "a duration > 0");
    }
    // Without a valid horizon, nothing is compared with it (one problem, not one per field).
    boolean horizonOk = root.problems().size() == before;
    double limit = horizonOk ? horizon : Double.POSITIVE_INFINITY;
    horizon = horizonOk ? horizon : 1;
    double warmup = root.get("warmup", Defaults.WARMUP, Kind.DURATION);
    if (warmup >= limit) {
      root.invalid("warmup", "less than the horizon (" + Durations.format(horizon) + ")");
    }
    double sample = root.get("sample", Defaults.SAMPLE, Kind.DURATION);
    if (!(sample > 0) || sample > limit) {
      root.invalid("sample", "a duration > 0 and at most the horizon");
    }
    sample = sample > 0 && sample <= horizon ? sample : horizon;
    ctx.scale = root.get("scale", Defaults.SCALE, Kind.SCALE);
    ctx.pools =
        root.choice(
            "scale_pools", Defaults.SCALE_POOLS, Scale.Pools.values(), "per-unit", "proportional");

    Names names = new Names(root.problems());
    Map<String, WorkloadSpec> workload = new LinkedHashMap<>();
    Map<String, MapReader> classes = root.named("workload");
    requireSome(root, "workload", classes);
    classes.forEach(
        (name, r) -> {
          names.declare(name, r.pos(), "workload class");
          workload.put(name, WorkloadBinder.bind(name, r, ctx));
        });
    Map<String, ComponentSpec> components = new LinkedHashMap<>();
    Map<String, MapReader> componentReaders = root.named("components");
    requireSome(root, "components", componentReaders);
    componentReaders.forEach((name, r) -> names.declare(name, r.pos(), "component"));
    ComponentBinders.bindAll(componentReaders, ctx, components);
    Map<String, BreakerSpec> breakers = new LinkedHashMap<>();
    root.named("breakers")
        .forEach(
            (name, r) -> {
              names.declare(name, r.pos(), "breaker");
              breakers.put(name, BreakerBinder.bind(name, r));
            });
    List<FaultSpec> faults = new ArrayList<>();
    for (MapReader f : root.maps("faults")) {
      faults.add(FaultBinder.bind(f, ctx, limit));
    }
    List<MonitorSpec> monitors = new ArrayList<>();
    Set<String> monitorNames = new HashSet<>();
    for (MapReader m : root.maps("monitors")) {
      MonitorSpec monitor = MonitorBinder.bind(m, ctx);
      if (!monitor.name().isEmpty() && !monitorNames.add(monitor.name())) {
        m.problem("name", "duplicate monitor name \"" + monitor.name() + "\"");
      }
      monitors.add(monitor);
    }
    ModelSpec spec =
        new ModelSpec(
            horizon,
            warmup,
            sample,
            ctx.scale.factor(),
            ctx.pools == Scale.Pools.PROPORTIONAL,
            ctx.unitShares(),
            workload,
            components,
            breakers,
            faults,
            monitors);
    ReferenceChecker.check(spec, ctx);
    return spec;
  }

  private static void requireSome(MapReader root, String key, Map<String, MapReader> entries) {
    if (entries.isEmpty() && !root.has(key)) {
      root.problems().add(root.pos(), key, "required field is missing");
    } else if (entries.isEmpty() && root.hasMap(key)) {
      root.problem(key, "needs at least one entry");
    }
  }

  /** Names of components, breakers and workload classes, unique across the three. */
  private static final class Names {
    private final Problems problems;
    private final Map<String, String> kinds = new LinkedHashMap<>();

    Names(Problems problems) {
      this.problems = problems;
    }

    void declare(String name, Position pos, String what) {
      String previous = kinds.putIfAbsent(name, what);
      if (previous != null) {
        problems.add(
            pos,
            name,
            "the name is already used by a "
                + previous
                + " (names are unique across workload classes, components and breakers)");
      }
    }
  }
}
