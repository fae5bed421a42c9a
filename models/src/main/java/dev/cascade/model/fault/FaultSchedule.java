package dev.cascade.model.fault;

import dev.cascade.core.event.Component;
import dev.cascade.core.random.Distribution;
import dev.cascade.core.unit.Durations;
import dev.cascade.model.ModelContext;
import dev.cascade.model.spec.FaultSpec;
import java.util.List;
import java.util.Map;

/**
 * Injects the scenario's faults. A scheduled fault starts at {@code at} and, when it has a
 * duration, is cleared at {@code at + for}. A random fault recurs: it strikes after a time drawn
 * from {@code mtbf}; with {@code mttr} it is cleared after a repair time drawn from that, and the
 * next failure is drawn from the repair on; without {@code mttr} the target stays down until its
 * restart policy, a failover or a monitor's remediation brings it back, and the next failure is
 * drawn from the strike on (a strike while the target is still down changes nothing).
 */
public final class FaultSchedule extends Component {

  private static final int START = 0;
  private static final int END = 1;
  private static final int RANDOM_START = 2;
  private static final int RANDOM_END = 3;

  private final ModelContext ctx;
  private final List<FaultSpec> faults;
  private final Map<String, FaultTarget> targets;
  private final Distribution[] mtbf;
  private final Distribution[] mttr;

  public FaultSchedule(ModelContext ctx, List<FaultSpec> faults, Map<String, FaultTarget> targets) {
    this.ctx = ctx;
    this.faults = List.copyOf(faults);
    this.targets = Map.copyOf(targets);
    this.mtbf = new Distribution[faults.size()];
    this.mttr = new Distribution[faults.size()];
    for (int i = 0; i < faults.size(); i++) {
      FaultSpec f = faults.get(i);
      if (!targets.containsKey(f.target())) {
        throw new IllegalArgumentException("fault target " + f.target() + " does not exist");
      }
      if (!f.scheduled()) {
        String stream = "fault:" + i + ":" + f.target();
        mtbf[i] = f.mtbf().bind(ctx.stream(stream, "mtbf"));
        mttr[i] = f.mttr() == null ? null : f.mttr().bind(ctx.stream(stream, "mttr"));
      }
    }
  }

  /** Schedules every fault with a fixed time and the first strike of each random fault. */
  public void start() {
    for (int i = 0; i < faults.size(); i++) {
      FaultSpec f = faults.get(i);
      if (!f.scheduled()) {
        ctx.sim().after(mtbf[i].sample(), this, RANDOM_START, i, null);
        continue;
      }
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
    if (type == RANDOM_START) {
      double repair = mttr[index] == null ? Double.NaN : mttr[index].sample();
      ctx.event(
          f.target(),
          "fault_injected",
          "random " + action + (Double.isNaN(repair) ? "" : " for " + Durations.format(repair)));
      inject(f, t);
      if (Double.isNaN(repair)) {
        ctx.sim().after(mtbf[index].sample(), this, RANDOM_START, index, null);
      } else {
        ctx.sim().after(repair, this, RANDOM_END, index, null);
      }
      return;
    }
    if (type == RANDOM_END) {
      ctx.event(f.target(), "fault_cleared", "random " + action + " repaired");
      clear(f, t, "repaired");
      ctx.sim().after(mtbf[index].sample(), this, RANDOM_START, index, null);
      return;
    }
    if (type == START) {
      ctx.event(f.target(), "fault_injected", describe(f));
      inject(f, t);
    } else {
      ctx.event(f.target(), "fault_cleared", action + " over");
      clear(f, t, action + " over after " + Durations.format(f.duration()));
    }
  }

  private static void inject(FaultSpec f, FaultTarget t) {
    switch (f.action()) {
      case CRASH -> t.crash("fault injected");
      case HANG -> t.hang();
      case SLOW -> t.slow(f.latency());
      case KILL_NODES -> t.killNodes(f.count());
      case SPIKE -> t.spike(f.factor());
      case FLUSH -> t.flush();
    }
  }

  private static void clear(FaultSpec f, FaultTarget t, String cause) {
    switch (f.action()) {
      case CRASH, HANG, SLOW -> t.recover(cause);
      case KILL_NODES -> t.reviveNodes(f.count());
      case SPIKE -> t.spike(1.0);
      case FLUSH -> {
        // a flush has no duration to end
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
