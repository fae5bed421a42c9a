package dev.cascade.scenario.bind;

import dev.cascade.core.random.DistributionSpec;
import dev.cascade.core.unit.Durations;
import dev.cascade.core.unit.UnitException;
import dev.cascade.model.spec.ComponentKind;
import dev.cascade.model.spec.FaultSpec;
import dev.cascade.model.spec.FaultSpec.Action;
import java.util.EnumSet;
import java.util.Set;

/**
 * Binds one fault: scheduled ({@code at}, optional {@code for}) or random ({@code mtbf}, optional
 * {@code mttr}), with the fields its action needs ({@code latency: +200ms} for slow, {@code count}
 * for kill_nodes, {@code factor} for spike). Each action names the kinds of target it applies to.
 */
final class FaultBinder {

  private static final Kind<Double> ADDED_LATENCY = new Kind<>(FaultBinder::addedLatency, 0.1);

  private FaultBinder() {}

  static FaultSpec bind(MapReader f, BindContext ctx, double horizon) {
    boolean random = f.has("mtbf");
    double at = Double.NaN;
    DistributionSpec mtbf = null;
    DistributionSpec mttr = null;
    if (random) {
      if (f.has("at")) {
        f.problem("at", "give at (a scheduled fault) or mtbf (random faults), not both");
      }
      f.skip("at");
      mtbf = f.get("mtbf", null, Kind.DISTRIBUTION);
      // Without mttr the target stays down until its restart policy, a failover or a monitor's
      // remediation brings it back.
      mttr = f.getOrNone("mttr", Defaults.FAULT_MTTR, Kind.DISTRIBUTION, null);
    } else {
      at = f.get("at", null, Kind.DURATION);
      if (at >= horizon) {
        f.invalid("at", "a time before the horizon (" + Durations.format(horizon) + ")");
      }
      f.skip("mtbf", "mttr");
    }
    String target = f.get("target", null, Kind.TEXT);
    Action action =
        f.choice(
            "action",
            null,
            Action.values(),
            "crash",
            "hang",
            "slow",
            "kill_nodes",
            "spike",
            "flush");
    ctx.faultTarget(f, "target", target, targetKinds(action));
    double duration =
        f.getOrNone("for", Defaults.FAULT_FOR, Kind.DURATION, Double.POSITIVE_INFINITY);
    if (duration <= 0) {
      f.invalid("for", "a duration > 0, or none");
    }
    double latency = Double.NaN;
    int count = 0;
    double factor = Double.NaN;
    switch (action) {
      case SLOW -> latency = f.get("latency", null, ADDED_LATENCY);
      case KILL_NODES -> count = ctx.count(target, f.integer("count", Defaults.KILL_COUNT, 1));
      case SPIKE -> {
        factor = f.get("factor", Defaults.SPIKE_FACTOR, Kind.NUMBER);
        if (factor <= 0) {
          f.invalid("factor", "a multiplier > 0");
        }
      }
      default -> {}
    }
    return new FaultSpec(at, target, action, duration, latency, count, factor, mtbf, mttr);
  }

  /** Kinds a fault with {@code action} may target; empty means a workload class. */
  private static Set<ComponentKind> targetKinds(Action action) {
    return switch (action) {
      case CRASH, HANG, SLOW -> EnumSet.allOf(ComponentKind.class);
      case KILL_NODES -> EnumSet.of(ComponentKind.DATABASE);
      case FLUSH -> EnumSet.of(ComponentKind.REDIS);
      case SPIKE -> EnumSet.noneOf(ComponentKind.class);
    };
  }

  private static Double addedLatency(String text) {
    String t = text.strip();
    if (!t.startsWith("+")) {
      throw new UnitException(text, "added latency", "e.g. +200ms");
    }
    return Durations.parse(t.substring(1));
  }
}
