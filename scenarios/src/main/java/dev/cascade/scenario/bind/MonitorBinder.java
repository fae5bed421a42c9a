package dev.cascade.scenario.bind;

import dev.cascade.model.spec.ComponentKind;
import dev.cascade.model.spec.ConditionSpec;
import dev.cascade.model.spec.MonitorSpec;
import dev.cascade.model.spec.MonitorSpec.RemediationSpec;
import dev.cascade.model.spec.MonitorSpec.SuppressSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds one monitor: an alert condition that must hold {@code for} a while, checked every {@code
 * interval}, with optional remediation ({@code then: {action: restart, target, delay, success,
 * attempts}}); the runbook default of incident D is 95% success and 3 attempts. Muting: {@code
 * suppress: [{at, for, every}]} maintenance windows (every: none = once) and {@code
 * quiet_after_restart} (incident D's "expected during the weekly backup window and for 2 minutes
 * after a reboot").
 */
final class MonitorBinder {

  private MonitorBinder() {}

  static MonitorSpec bind(MapReader m, BindContext ctx) {
    String name = m.get("name", null, Kind.NAME);
    ConditionSpec when = ConditionBinder.bind(m.sectionOrEmpty("when"), ctx);
    double forSeconds = m.get("for", Defaults.MONITOR_FOR, Kind.DURATION);
    double interval = m.get("interval", Defaults.MONITOR_INTERVAL, Kind.DURATION);
    if (interval <= 0) {
      m.invalid("interval", "a duration > 0");
    }
    RemediationSpec then = null;
    MapReader t = m.section("then");
    if (t != null) {
      String action = t.get("action", Defaults.REMEDIATION_ACTION, Kind.TEXT);
      if (!action.equals("restart")) {
        t.problem("action", '"' + action + "\" is not a remediation (expected restart)");
      }
      String target = t.get("target", null, Kind.TEXT);
      ctx.component(t, "target", target, ComponentKind.values());
      then =
          new RemediationSpec(
              action,
              target,
              t.get("delay", Defaults.REMEDIATION_DELAY, Kind.DURATION),
              t.get("success", Defaults.REMEDIATION_SUCCESS, Kind.FRACTION),
              t.integer("attempts", Defaults.REMEDIATION_ATTEMPTS, 1));
    }
    List<SuppressSpec> suppress = new ArrayList<>();
    for (MapReader w : m.maps("suppress")) {
      double at = w.get("at", null, Kind.DURATION);
      double duration = w.get("for", null, Kind.DURATION);
      double every =
          w.getOrNone("every", Defaults.SUPPRESS_EVERY, Kind.DURATION, Double.POSITIVE_INFINITY);
      if (!(duration > 0)) {
        w.invalid("for", "a duration > 0");
      } else if (!(every > 0)) {
        w.invalid("every", "a duration > 0, or none");
      } else if (duration > every) {
        w.invalid("for", "a duration <= every");
      } else {
        suppress.add(new SuppressSpec(at, duration, every));
      }
    }
    double quiet = m.get("quiet_after_restart", Defaults.QUIET_AFTER_RESTART, Kind.DURATION);
    return new MonitorSpec(name, when, forSeconds, interval, then, suppress, quiet);
  }
}
