package dev.cascade.model.spec;

/**
 * An alert evaluated every {@code interval}, firing once {@code when} has held for {@code
 * forSeconds}, with optional remediation.
 *
 * @param then remediation, or null
 */
public record MonitorSpec(
    String name, ConditionSpec when, double forSeconds, double interval, RemediationSpec then) {

  /**
   * Restart {@code target} after {@code delay}; succeeds with probability {@code success}; after
   * {@code attempts} failures the alert escalates.
   */
  public record RemediationSpec(
      String action, String target, double delay, double success, int attempts) {}
}
