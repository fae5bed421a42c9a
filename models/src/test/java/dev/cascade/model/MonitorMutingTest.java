package dev.cascade.model;

import static dev.cascade.model.Specs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.SimEvent;
import dev.cascade.model.spec.FaultSpec;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.model.spec.MonitorSpec;
import dev.cascade.model.spec.MonitorSpec.SuppressSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Maintenance windows ({@code suppress}) and the quiet period after a restart ({@code
 * quiet_after_restart}) of a monitor: incident D's "expected during the weekly backup window and
 * for 2 minutes after a reboot".
 */
class MonitorMutingTest {

  private static final double NEVER = Double.POSITIVE_INFINITY;

  private static List<Double> times(RunResult r, String component, String event) {
    return r.events().stream()
        .filter(e -> e.component().equals(component) && e.event().equals(event))
        .map(SimEvent::timeSeconds)
        .toList();
  }

  /** Redis behind a service, the given faults, and one ping monitor checked every 10 s. */
  private static RunResult run(double horizon, List<FaultSpec> faults, MonitorSpec ping) {
    ModelSpec base =
        model(
            horizon,
            1,
            List.of(workload("users", "app", 5, client(5, 0))),
            List.of(
                service("app", 1, 50, 50, cacheAside("redis", "db", 0.5, null)),
                redis("redis", 0.8),
                db("db", 1, 5000, "exp(2ms)", 200)),
            List.of(),
            faults);
    ModelSpec spec =
        new ModelSpec(
            horizon,
            0,
            1,
            1,
            base.workload(),
            base.components(),
            base.breakers(),
            base.faults(),
            List.of(ping));
    return ModelRunner.run(spec, 1, 0, windows(horizon, Double.NaN, 0), null, null, true);
  }

  private static MonitorSpec ping(
      double forSeconds,
      MonitorSpec.RemediationSpec then,
      List<SuppressSpec> suppress,
      double quiet) {
    return new MonitorSpec(
        "redis-ping", below("redis.up", 1), forSeconds, 10, then, suppress, quiet);
  }

  private static MonitorSpec.RemediationSpec restart(double delay, double success, int attempts) {
    return new MonitorSpec.RemediationSpec("restart", "redis", delay, success, attempts);
  }

  @Test
  void suppressSpec_recurringWindow_containsItsOccurrencesOnly() {
    SuppressSpec weekly = new SuppressSpec(2 * 86400 + 3 * 3600, 2 * 3600, 7 * 86400);
    assertThat(weekly.endIfInside(0)).isNaN();
    assertThat(weekly.endIfInside(2 * 86400 + 3 * 3600)).isEqualTo(2 * 86400 + 5 * 3600);
    assertThat(weekly.endIfInside(2 * 86400 + 5 * 3600)).isNaN(); // the end is outside
    assertThat(weekly.endIfInside(9 * 86400 + 4 * 3600)).isEqualTo(9 * 86400 + 5 * 3600);
    assertThat(weekly.endIfInside(9 * 86400 + 6 * 3600)).isNaN();
    SuppressSpec once = new SuppressSpec(100, 50, NEVER);
    assertThat(once.endIfInside(120)).isEqualTo(150);
    assertThat(once.endIfInside(100 + 7 * 86400)).isNaN();
  }

  @Test
  void crashInsideAWindow_isHeldBack_thenFiresAtTheWindowsEnd() {
    // Crash at 100 s inside the window [60 s, 360 s): the condition holds from the check at 100 s
    // and has held for 30 s at 130 s, when the alert would fire; it fires at the first check
    // at or after the window's end instead (360 s), since the `for` clock kept running.
    RunResult r =
        run(
            600,
            List.of(fault(100, "redis", FaultSpec.Action.CRASH, NEVER)),
            ping(30, null, List.of(new SuppressSpec(60, 300, NEVER)), 0));
    assertThat(times(r, "redis-ping", "alert_suppressed")).containsExactly(130.0);
    assertThat(times(r, "redis-ping", "alert_fired")).containsExactly(360.0);
  }

  @Test
  void recurringWindow_mutesEveryOccurrence() {
    // Windows of 100 s every 1000 s from 500 s; a 40 s outage at 2520 s lies inside the third.
    RunResult r =
        run(
            3000,
            List.of(fault(2520, "redis", FaultSpec.Action.CRASH, 40)),
            ping(0, null, List.of(new SuppressSpec(500, 100, 1000)), 0));
    assertThat(times(r, "redis-ping", "alert_suppressed")).containsExactly(2520.0);
    assertThat(times(r, "redis-ping", "alert_fired")).isEmpty();
  }

  @Test
  void remediationDueInsideAWindow_waitsForItsEnd() {
    // Fires at 40 s (crash at 10 s, for 30 s); the restart is due at 100 s, inside [90 s, 140 s).
    RunResult r =
        run(
            300,
            List.of(fault(10, "redis", FaultSpec.Action.CRASH, NEVER)),
            ping(30, restart(60, 1.0, 3), List.of(new SuppressSpec(90, 50, NEVER)), 0));
    assertThat(times(r, "redis-ping", "alert_fired")).containsExactly(40.0);
    assertThat(times(r, "redis-ping", "remediation_attempted")).containsExactly(140.0);
    assertThat(times(r, "redis", "restarted")).containsExactly(140.0);
  }

  @Test
  void quietAfterRestart_aFailedAttemptIsJudgedWhenTheQuietPeriodEnds() {
    // Every attempt fails. Attempt at 100 s, judged failed at 100 + 120 = 220 s, next attempt a
    // delay later (280 s), judged at 400 s, third at 460 s, judged at 580 s: escalation.
    RunResult r =
        run(
            900,
            List.of(fault(10, "redis", FaultSpec.Action.CRASH, NEVER)),
            ping(30, restart(60, 0.0, 3), List.of(), 120));
    assertThat(times(r, "redis-ping", "remediation_attempted"))
        .containsExactly(100.0, 280.0, 460.0);
    assertThat(times(r, "redis-ping", "remediation_failed")).containsExactly(220.0, 400.0, 580.0);
    assertThat(times(r, "redis-ping", "escalated")).containsExactly(580.0);
  }

  @Test
  void quietAfterRestart_aTargetBackByItselfMeanwhile_isNotAFailure() {
    // The restart at 100 s fails, but the outage ends by itself at 150 s: judged at 220 s, the
    // target is up, so there is no failure and no second attempt.
    RunResult r =
        run(
            600,
            List.of(fault(10, "redis", FaultSpec.Action.CRASH, 140)),
            ping(30, restart(60, 0.0, 3), List.of(), 120));
    assertThat(times(r, "redis-ping", "remediation_attempted")).containsExactly(100.0);
    assertThat(times(r, "redis-ping", "remediation_failed")).isEmpty();
  }

  @Test
  void quietAfterRestart_aFailureRightAfterTheTargetCameBack_isPagedOnlyAfterTheQuietPeriod() {
    // Down 10-30 s (fires at 10 s), back at 30 s (seen at 30 s: quiet until 150 s); down again
    // from 60 s: held back, then fired at 150 s.
    RunResult r =
        run(
            400,
            List.of(
                fault(10, "redis", FaultSpec.Action.CRASH, 20),
                fault(60, "redis", FaultSpec.Action.CRASH, NEVER)),
            ping(0, null, List.of(), 120));
    assertThat(times(r, "redis-ping", "alert_fired")).containsExactly(10.0, 150.0);
    assertThat(times(r, "redis-ping", "alert_suppressed")).containsExactly(60.0);
  }

  @Test
  void withoutMuting_theFiveArgumentSpecBehavesAsBefore() {
    MonitorSpec plain =
        new MonitorSpec("redis-ping", below("redis.up", 1), 30, 10, restart(60, 1.0, 3));
    assertThat(plain.suppress()).isEmpty();
    assertThat(plain.quietAfterRestart()).isZero();
    RunResult r = run(300, List.of(fault(10, "redis", FaultSpec.Action.CRASH, NEVER)), plain);
    assertThat(times(r, "redis-ping", "alert_fired")).containsExactly(40.0);
    assertThat(times(r, "redis", "restarted")).containsExactly(100.0);
  }
}
