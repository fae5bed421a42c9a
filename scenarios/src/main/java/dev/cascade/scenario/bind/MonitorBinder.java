package dev.cascade.scenario.bind;

import dev.cascade.model.spec.ComponentKind;
import dev.cascade.model.spec.ConditionSpec;
import dev.cascade.model.spec.MonitorSpec;
import dev.cascade.model.spec.MonitorSpec.RemediationSpec;

/**
 * Binds one monitor: an alert condition that must hold {@code for} a while, checked every {@code
 * interval}, with optional remediation ({@code then: {action: restart, target, delay, success,
 * attempts}}); the runbook default of incident D is 95% success and 3 attempts.
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
    return new MonitorSpec(name, when, forSeconds, interval, then);
  }
}
