package dev.cascade.model.monitor;

import dev.cascade.core.event.Component;
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
 *
 * <p>Muting, as in a runbook's "expected during the weekly backup window and for 2 minutes after a
 * reboot" (incident D). Inside a {@code suppress} window the alert keeps evaluating but neither
 * fires nor starts a remediation: a firing it holds back is logged once as {@code
 * alert_suppressed}, and if the condition still holds when the window ends the alert fires at the
 * next check (the {@code for} clock kept running). Remediation attempts due inside a window wait
 * for its end. {@code quiet_after_restart} mutes the alert the same way for a while after a
 * restart: after each remediation attempt (a failed attempt is judged when the quiet period ends:
 * if the condition has cleared by then, the target came back and nothing failed) and after the
 * condition clears (the target came back, whoever restarted it), so a failure right after a restart
 * is not paged until the quiet period is over. Without either setting the behaviour is the plain
 * one.
 */
public final class Monitor extends Component {

  private static final int CHECK = 0;
  private static final int ATTEMPT = 1;
  private static final int JUDGE = 2;

  private final ModelContext ctx;
  private final MonitorSpec spec;
  private final DoubleSupplier signal;
  private final FaultTarget target;
  private final UniformRandomProvider rng;

  private double holdingSince = Double.NaN;
  private boolean firing;
  private boolean heldBack;
  private int failures;
  private boolean remediating;
  private int firings;
  private double quietUntil = Double.NEGATIVE_INFINITY;

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
    switch (type) {
      case CHECK -> {
        check();
        ctx.sim().after(spec.interval(), this, CHECK);
      }
      case ATTEMPT -> attempt();
      case JUDGE -> judge();
      default -> throw new IllegalStateException("event " + type);
    }
  }

  /** The end of the maintenance window containing {@code t}, or NaN outside every window. */
  private double windowEnd(double t) {
    double end = Double.NaN;
    for (MonitorSpec.SuppressSpec w : spec.suppress()) {
      double e = w.endIfInside(t);
      if (!Double.isNaN(e) && (Double.isNaN(end) || e > end)) {
        end = e;
      }
    }
    return end;
  }

  /** Why the alert is muted now, or null when it is not. */
  private String muted(double now) {
    double end = windowEnd(now);
    if (!Double.isNaN(end)) {
      return "maintenance window until " + Durations.format(end);
    }
    if (now < quietUntil) {
      return "quiet after a restart until " + Durations.format(quietUntil);
    }
    return null;
  }

  private void check() {
    double now = ctx.now();
    boolean holds = spec.when().test(signal.getAsDouble());
    if (!holds) {
      if (!Double.isNaN(holdingSince) && spec.quietAfterRestart() > 0) {
        // The target came back: failures in the next while are part of its restart.
        quietUntil = Math.max(quietUntil, now + spec.quietAfterRestart());
      }
      holdingSince = Double.NaN;
      heldBack = false;
      if (firing) {
        firing = false;
        ctx.event(spec.name(), "alert_resolved", spec.when() + " no longer holds");
      }
      return;
    }
    if (Double.isNaN(holdingSince)) {
      holdingSince = now;
    }
    if (firing || now - holdingSince < spec.forSeconds()) {
      return;
    }
    String mute = muted(now);
    if (mute != null) {
      if (!heldBack) {
        heldBack = true;
        ctx.event(
            spec.name(),
            "alert_suppressed",
            spec.when() + " for " + Durations.format(now - holdingSince) + "; " + mute);
      }
      return;
    }
    firing = true;
    heldBack = false;
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

  private void attempt() {
    double end = windowEnd(ctx.now());
    if (!Double.isNaN(end)) {
      ctx.sim().schedule(end, this, ATTEMPT, 0, null); // no restarts inside a maintenance window
      return;
    }
    MonitorSpec.RemediationSpec r = spec.then();
    ctx.event(
        spec.name(),
        "remediation_attempted",
        r.action() + " " + r.target() + " (attempt " + (failures + 1) + ")");
    boolean succeeded = rng.nextDouble() < r.success();
    double quiet = spec.quietAfterRestart();
    if (quiet > 0) {
      quietUntil = Math.max(quietUntil, ctx.now() + quiet);
    }
    if (succeeded) {
      remediating = false;
      target.restart("remediation by " + spec.name());
    } else if (quiet > 0) {
      ctx.sim().after(quiet, this, JUDGE); // give the restart its time before calling it failed
    } else {
      failed();
    }
  }

  /** The quiet period after a failed attempt is over: is the target back by now? */
  private void judge() {
    if (!spec.when().test(signal.getAsDouble())) {
      remediating = false; // it came back (by itself or by someone else): nothing failed
      return;
    }
    failed();
  }

  private void failed() {
    MonitorSpec.RemediationSpec r = spec.then();
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
