package dev.cascade.model.spec;

import java.util.List;

/**
 * An alert evaluated every {@code interval}, firing once {@code when} has held for {@code
 * forSeconds}, with optional remediation. The alert is muted (it neither fires nor starts a
 * remediation, but keeps evaluating) inside its {@code suppress} windows, and for {@code
 * quietAfterRestart} seconds after a restart: after each remediation attempt, and after the watched
 * condition clears (the target came back).
 *
 * @param then remediation, or null
 * @param suppress maintenance windows (possibly recurring); empty for none
 * @param quietAfterRestart seconds muted after a restart; 0 for none
 */
public record MonitorSpec(
    String name,
    ConditionSpec when,
    double forSeconds,
    double interval,
    RemediationSpec then,
    List<SuppressSpec> suppress,
    double quietAfterRestart) {

  public MonitorSpec {
    suppress = List.copyOf(suppress);
    if (!(quietAfterRestart >= 0)) {
      throw new IllegalArgumentException("quiet_after_restart must be >= 0");
    }
  }

  /** A monitor without maintenance windows or quiet period. */
  public MonitorSpec(
      String name, ConditionSpec when, double forSeconds, double interval, RemediationSpec then) {
    this(name, when, forSeconds, interval, then, List.of(), 0);
  }

  /**
   * Restart {@code target} after {@code delay}; succeeds with probability {@code success}; after
   * {@code attempts} failures the alert escalates.
   */
  public record RemediationSpec(
      String action, String target, double delay, double success, int attempts) {}

  /**
   * A maintenance window: from {@code at} for {@code duration} seconds, repeated every {@code
   * every} seconds (infinity: once), e.g. a weekly backup window.
   */
  public record SuppressSpec(double at, double duration, double every) {

    public SuppressSpec {
      if (!(at >= 0) || !(duration > 0) || !(every > 0)) {
        throw new IllegalArgumentException("a window needs at >= 0, for > 0 and every > 0");
      }
    }

    /** The end of the window occurrence containing {@code t}, or NaN when {@code t} is outside. */
    public double endIfInside(double t) {
      if (t < at) {
        return Double.NaN;
      }
      double start = Double.isInfinite(every) ? at : at + Math.floor((t - at) / every) * every;
      double end = start + duration;
      return t < end ? end : Double.NaN;
    }
  }
}
