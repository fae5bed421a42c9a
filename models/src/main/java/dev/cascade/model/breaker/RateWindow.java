package dev.cascade.model.breaker;

/**
 * Resilience4j 2.x's rate rule ({@code CircuitBreakerMetrics.checkIfThresholdsExceeded}): over the
 * calls in a sliding window, once at least {@code minCalls} are recorded, the breaker should open
 * when the failure rate reaches its threshold or the slow-call rate reaches its threshold. The
 * arithmetic is Resilience4j's, in {@code float} percent ({@code failed * 100.0f / calls >=
 * threshold}), so that borderline cases such as 1 failure in 3 calls against 33.3% come out the
 * same. A call is slow when its duration is strictly greater than {@code slowCallDuration}
 * (Resilience4j compares {@code toNanos(duration) > slowCallDurationThresholdInNanos}); a slow
 * failure counts in both rates.
 */
abstract sealed class RateWindow implements OutcomeRule permits CountBasedWindow, TimeBasedWindow {

  private final float failurePercent;
  private final float slowPercent;
  private final double slowCallDuration;
  private final int minCalls;

  /** Totals over the calls now in the window. */
  int calls;

  int failures;
  int slowCalls;

  /**
   * @param failureRate threshold as a fraction in (0, 1]
   * @param slowCallRate threshold as a fraction in (0, 1]
   * @param slowCallDuration seconds; longer calls are slow
   * @param minCalls the effective minimum (already capped by the window size where Resilience4j
   *     caps it)
   */
  RateWindow(double failureRate, double slowCallRate, double slowCallDuration, int minCalls) {
    this.failurePercent = percent("failure_rate", failureRate);
    this.slowPercent = percent("slow_call.rate", slowCallRate);
    if (!(slowCallDuration > 0)) {
      throw new IllegalArgumentException(
          "slow_call.duration must be > 0 s, got " + slowCallDuration);
    }
    if (minCalls < 1) {
      throw new IllegalArgumentException("min_calls must be >= 1, got " + minCalls);
    }
    this.slowCallDuration = slowCallDuration;
    this.minCalls = minCalls;
  }

  /** Resilience4j takes thresholds as a float percentage in (0, 100]. */
  private static float percent(String field, double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException(field + " must be in (0, 1], got " + fraction);
    }
    return (float) (fraction * 100.0);
  }

  @Override
  public final Verdict record(double now, boolean failure, double durationSeconds) {
    add(now, failure, durationSeconds > slowCallDuration);
    if (calls == 0 || calls < minCalls) {
      return Verdict.NOT_ENOUGH_CALLS;
    }
    float failureRate = failures * 100.0f / calls;
    float slowRate = slowCalls * 100.0f / calls;
    return failureRate >= failurePercent || slowRate >= slowPercent
        ? Verdict.ABOVE_THRESHOLDS
        : Verdict.BELOW_THRESHOLDS;
  }

  /** Adds one call at {@code now} to the window (evicting what falls out) and to the totals. */
  abstract void add(double now, boolean failure, boolean slow);

  /** The effective minimum number of calls before the rates are judged. */
  final int minCalls() {
    return minCalls;
  }

  /** Checks the totals against the window size; subclasses add their own bookkeeping. */
  void checkTotals(int capacity) {
    if (calls < 0
        || failures < 0
        || slowCalls < 0
        || failures > calls
        || slowCalls > calls
        || calls > capacity) {
      throw new IllegalStateException(
          "rate window calls " + calls + " failures " + failures + " slow " + slowCalls);
    }
  }
}
