package dev.cascade.model.fault;

import dev.cascade.core.event.EventHandler;
import dev.cascade.core.unit.Durations;
import dev.cascade.model.ModelContext;
import dev.cascade.model.spec.FaultSpec;
import java.util.List;
import java.util.Map;

/**
 * Injects the scenario's scheduled faults: each starts at {@code at} and, when it has a duration,
 * is cleared at {@code at + for}. Random faults ({@code mtbf}/{@code mttr}) are not scheduled here.
 */
public final class FaultSchedule implements EventHandler {

  private static final int START = 0;
  private static final int END = 1;

  private final ModelContext ctx;
  private final List<FaultSpec> faults;
  private final Map<String, FaultTarget> targets;

  public FaultSchedule(ModelContext ctx, List<FaultSpec> faults, Map<String, FaultTarget> targets) {
    this.ctx = ctx;
    this.faults = List.copyOf(faults);
    this.targets = Map.copyOf(targets);
    for (FaultSpec f : faults) {
      if (!targets.containsKey(f.target())) {
        throw new IllegalArgumentException("fault target " + f.target() + " does not exist");
      }
    }
  }

  /** Schedules every fault with a fixed time. */
  public void start() {
    for (int i = 0; i < faults.size(); i++) {
      FaultSpec f = faults.get(i);
      if (f.scheduled() && f.at() < ctx.spec().horizon()) {
        ctx.sim().schedule(f.at(), this, START, i, null);
        if (Double.isFinite(f.duration())) {
          ctx.sim().schedule(f.at() + f.duration(), this, END, i, null);
        }
      }
    }
  }

  @Override
  public void handle(int type, int index, Object payload) {
    FaultSpec f = faults.get(index);
    FaultTarget t = targets.get(f.target());
    String action = f.action().name().toLowerCase();
    if (type == START) {
      ctx.event(f.target(), "fault_injected", describe(f));
      switch (f.action()) {
        case CRASH -> t.crash("fault injected");
        case HANG -> t.hang();
        case SLOW -> t.slow(f.latency());
        case KILL_NODES -> t.killNodes(f.count());
        case SPIKE -> t.spike(f.factor());
        case FLUSH -> t.flush();
      }
    } else {
      ctx.event(f.target(), "fault_cleared", action + " over");
      switch (f.action()) {
        case CRASH, HANG, SLOW ->
            t.recover(action + " over after " + Durations.format(f.duration()));
        case KILL_NODES -> t.reviveNodes(f.count());
        case SPIKE -> t.spike(1.0);
        case FLUSH -> {
          // a flush has no duration to end
        }
      }
    }
  }

  private static String describe(FaultSpec f) {
    StringBuilder s = new StringBuilder(f.action().name().toLowerCase());
    switch (f.action()) {
      case SLOW -> s.append(" +").append(Durations.format(f.latency()));
      case KILL_NODES -> s.append(' ').append(f.count());
      case SPIKE -> s.append(" x").append(f.factor());
      default -> {}
    }
    if (Double.isFinite(f.duration())) {
      s.append(" for ").append(Durations.format(f.duration()));
    }
    return s.toString();
  }
}
