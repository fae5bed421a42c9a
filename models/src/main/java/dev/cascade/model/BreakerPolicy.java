package dev.cascade.model;

import dev.cascade.core.stats.Counter;
import dev.cascade.core.stats.Level;
import dev.cascade.core.stats.MetricRegistry;
import dev.cascade.model.breaker.BreakerGroup;
import dev.cascade.model.breaker.BreakerState;
import dev.cascade.model.service.Breakers;
import dev.cascade.model.spec.BreakerSpec;

/**
 * The breakers of one policy across the service instances that use it, with the policy's metrics
 * ({@code open_fraction}, {@code half_open_fraction}, {@code not_permitted_rps}) and timeline
 * events. Hundreds of instance breakers moving within seconds of each other would drown the
 * timeline, so events are aggregated: the first instance to open, half-open or close, and the
 * moment all of them have (e.g. "opened on 500/500 instances").
 */
final class BreakerPolicy implements Breakers, BreakerGroup.Listener {

  private final ModelContext ctx;
  private final String name;
  private final BreakerGroup group;
  private final Level openLevel;
  private final Level halfOpenLevel;
  private final Counter notPermitted;
  private boolean allOpenLogged;
  private boolean anyOpen;
  private boolean halfOpenLogged;

  BreakerPolicy(ModelContext ctx, BreakerSpec spec, int instances) {
    this.ctx = ctx;
    this.name = spec.name();
    this.group = new BreakerGroup(spec, instances, this);
    MetricRegistry m = ctx.metrics();
    openLevel = m.level(name + ".open_fraction");
    halfOpenLevel = m.level(name + ".half_open_fraction");
    notPermitted = m.counter();
    m.rate(name + ".not_permitted_rps", notPermitted);
  }

  @Override
  public boolean tryAcquire(int instance, double now) {
    if (group.tryAcquire(instance, now)) {
      return true;
    }
    notPermitted.inc();
    return false;
  }

  @Override
  public void onSuccess(int instance, double now, double duration) {
    group.onSuccess(instance, now, duration);
  }

  @Override
  public void onError(int instance, double now, double duration) {
    group.onError(instance, now, duration);
  }

  @Override
  public void onTransition(
      double time, int breaker, BreakerState from, BreakerState to, BreakerGroup g) {
    int n = g.breakers();
    openLevel.set(time, g.openFraction());
    halfOpenLevel.set(time, g.halfOpenFraction());
    switch (to) {
      case OPEN -> {
        if (!anyOpen) {
          anyOpen = true;
          ctx.event(name, "opened", g.openCount() + "/" + n + " instances");
        }
        if (g.openCount() == n && !allOpenLogged) {
          allOpenLogged = true;
          if (n > 1) {
            ctx.event(name, "opened", n + "/" + n + " instances");
          }
        }
      }
      case HALF_OPEN -> {
        // Once per outage: later probes repeat every open_for until one succeeds.
        if (!halfOpenLogged) {
          halfOpenLogged = true;
          ctx.event(name, "half_opened", g.halfOpenCount() + "/" + n + " instances probing");
        }
      }
      case CLOSED -> {
        if (g.closedCount() == n && anyOpen) {
          anyOpen = false;
          allOpenLogged = false;
          halfOpenLogged = false;
          ctx.event(name, "closed", n + "/" + n + " instances");
        }
      }
    }
  }

  void checkInvariants() {
    group.checkInvariants();
  }
}
