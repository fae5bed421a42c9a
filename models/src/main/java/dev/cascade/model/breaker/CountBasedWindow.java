package dev.cascade.model.breaker;

/**
 * Resilience4j's {@code COUNT_BASED} sliding window ({@code FixedSizeSlidingWindowMetrics}): the
 * outcomes of the last {@code size} calls in a ring. Resilience4j caps the minimum number of calls
 * at the window size, so a window of 10 with {@code min_calls: 100} judges after 10 calls. The same
 * class, sized {@code half_open_calls}, judges the trial calls of a half-open rate breaker, as
 * Resilience4j's {@code CircuitBreakerMetrics.forHalfOpen} does.
 */
final class CountBasedWindow extends RateWindow {

  private static final byte FAILED = 1;
  private static final byte SLOW = 2;

  private final byte[] outcomes;
  private int next;
  private int size;

  CountBasedWindow(
      int size, int minCalls, double failureRate, double slowCallRate, double slowCallDuration) {
    super(failureRate, slowCallRate, slowCallDuration, Math.min(minCalls, checkSize(size)));
    this.outcomes = new byte[size];
  }

  private static int checkSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("window must hold >= 1 call, got " + size);
    }
    return size;
  }

  @Override
  void add(double now, boolean failure, boolean slow) {
    if (size == outcomes.length) {
      byte evicted = outcomes[next];
      calls--;
      failures -= evicted & FAILED;
      slowCalls -= (evicted & SLOW) >> 1;
    } else {
      size++;
    }
    outcomes[next] = (byte) ((failure ? FAILED : 0) | (slow ? SLOW : 0));
    next = (next + 1) % outcomes.length;
    calls++;
    failures += failure ? 1 : 0;
    slowCalls += slow ? 1 : 0;
  }

  @Override
  public void clear(double now) {
    next = 0;
    size = 0;
    calls = 0;
    failures = 0;
    slowCalls = 0;
  }

  @Override
  public void checkInvariants() {
    checkTotals(outcomes.length);
    if (calls != size) {
      throw new IllegalStateException("count window holds " + size + " but totals " + calls);
    }
  }
}
