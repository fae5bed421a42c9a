package dev.cascade.model.monitor;

import dev.cascade.core.event.EventHandler;
import dev.cascade.core.unit.Durations;
import dev.cascade.model.ModelContext;
import dev.cascade.model.fault.FaultTarget;
import dev.cascade.model.spec.MonitorSpec;
import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One alert rule: every {@code interval} it reads its metric; once the condition has held for
 * {@code for} it fires ({@code alert_fired}); when the condition is false again it resolves ({@code
 * alert_resolved}). With remediation, each firing starts attempts: after {@code delay} the action
 * runs ({@code remediation_attempted}) and succeeds with probability {@code success}; a failure
 * ({@code remediation_failed}) is retried after another delay, and after {@code attempts} failures
 * the alert escalates ({@code escalated}) to a human, which the model does not simulate further.
 */
public final class Monitor implements EventHandler {

  private static final int CHECK = 0;
  private static final int ATTEMPT = 1;

  private final ModelContext ctx;
  private final MonitorSpec spec;
  private final DoubleSupplier signal;
  private final FaultTarget target;
  private final UniformRandomProvider rng;

  private double holdingSince = Double.NaN;
  private boolean firing;
  private int failures;
  private boolean remediating;
  private int firings;

  /**
   * @param target the remediation's target, or null without remediation
   */
  public Monitor(ModelContext ctx, MonitorSpec spec, DoubleSupplier signal, FaultTarget target) {
    this.ctx = ctx;
    this.spec = spec;
    this.signal = signal;
    this.target = target;
    this.rng = ctx.stream("monitor:" + spec.name(), "remediation");
  }

  /** Schedules the first evaluation. */
  public void start() {
    ctx.sim().after(spec.interval(), this, CHECK);
  }

  /** Times the alert fired. */
  public int firings() {
    return firings;
  }

  @Override
  public void handle(int type, int arg, Object payload) {
    if (type == CHECK) {
      check();
      ctx.sim().after(spec.interval(), this, CHECK);
    } else {
      attempt();
    }
  }

  private void check() {
    double now = ctx.now();
    boolean holds = spec.when().test(signal.getAsDouble());
    if (!holds) {
      holdingSince = Double.NaN;
      if (firing) {
        firing = false;
        ctx.event(spec.name(), "alert_resolved", spec.when() + " no longer holds");
      }
      return;
    }
    if (Double.isNaN(holdingSince)) {
      holdingSince = now;
    }
    if (!firing && now - holdingSince >= spec.forSeconds()) {
      firing = true;
      firings++;
      failures = 0;
      ctx.event(
          spec.name(),
          "alert_fired",
          spec.when() + " for " + Durations.format(Math.max(0, now - holdingSince)));
      if (spec.then() != null && target != null && !remediating) {
        remediating = true;
        ctx.sim().after(spec.then().delay(), this, ATTEMPT);
      }
    }
  }

  private void attempt() {
    MonitorSpec.RemediationSpec r = spec.then();
    ctx.event(
        spec.name(),
        "remediation_attempted",
        r.action() + " " + r.target() + " (attempt " + (failures + 1) + ")");
    if (rng.nextDouble() < r.success()) {
      remediating = false;
      target.restart("remediation by " + spec.name());
      return;
    }
    failures++;
    ctx.event(spec.name(), "remediation_failed", r.action() + " " + r.target() + " failed");
    if (failures >= r.attempts()) {
      remediating = false;
      ctx.event(spec.name(), "escalated", failures + " failed attempts: paging a human");
      return;
    }
    ctx.sim().after(r.delay(), this, ATTEMPT);
  }
}
