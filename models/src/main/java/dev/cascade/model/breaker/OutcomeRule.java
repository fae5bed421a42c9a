package dev.cascade.model.breaker;

/**
 * What a breaker in one state learns from the calls it records: the failure counter of a count
 * trip, Resilience4j's sliding windows, or the tally of half-open trial calls.
 */
interface OutcomeRule {

  /** Resilience4j's {@code CircuitBreakerMetrics.Result}, less the cases that need both rates. */
  enum Verdict {
    /** Too few calls recorded to judge (Resilience4j's {@code BELOW_MINIMUM_CALLS_THRESHOLD}). */
    NOT_ENOUGH_CALLS,
    /** Enough calls, and healthy. */
    BELOW_THRESHOLDS,
    /** Enough calls, and a threshold is reached: the breaker should open. */
    ABOVE_THRESHOLDS
  }

  /**
   * Records one call that ended at {@code now} after {@code durationSeconds}, and judges the calls
   * recorded so far.
   */
  Verdict record(double now, boolean failure, double durationSeconds);

  /** Forgets every recorded call, as entering the rule's state does; {@code now} anchors time. */
  void clear(double now);

  /** Throws {@link IllegalStateException} if the rule's counters disagree with each other. */
  void checkInvariants();
}
