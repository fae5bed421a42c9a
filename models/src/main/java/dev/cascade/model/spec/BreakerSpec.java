package dev.cascade.model.spec;

/**
 * A circuit-breaker policy, instantiated once per service instance or once globally.
 *
 * @param openFor seconds open before the first call may move it to half-open
 * @param halfOpenCalls trial calls in half-open: with a count trip all must succeed to close; with
 *     a rate trip the half-open window of that many calls is judged by the same rate rule, as
 *     Resilience4j does
 */
public record BreakerSpec(String name, Trip trip, double openFor, int halfOpenCalls, Scope scope) {

  /** Where breaker state lives. */
  public enum Scope {
    INSTANCE,
    GLOBAL
  }

  /** When a closed breaker opens. */
  public sealed interface Trip {}

  /** Open on the {@code failures}-th failure within {@code within} seconds. */
  public record CountTrip(int failures, double within) implements Trip {}

  /**
   * Resilience4j 2.x rate-based trip: over a sliding window of {@code windowCalls} calls (or {@code
   * windowSeconds} when that is positive), once {@code minCalls} are recorded, open when the
   * failure rate or the slow-call rate reaches its threshold (inclusive).
   */
  public record RateTrip(
      double failureRate,
      int windowCalls,
      double windowSeconds,
      int minCalls,
      double slowCallDuration,
      double slowCallRate)
      implements Trip {

    /** Resilience4j's defaults: 50%, 100 calls, min 100, slow calls at 60 s and 100%. */
    public static RateTrip defaults() {
      return new RateTrip(0.5, 100, 0, 100, 60.0, 1.0);
    }
  }
}
