package dev.cascade.model.breaker;

import java.util.Arrays;

/**
 * Resilience4j's {@code TIME_BASED} sliding window ({@code SlidingTimeWindowMetrics}): one bucket
 * per whole second of the clock, {@code seconds} buckets in a ring. A call recorded at time {@code
 * t} goes to bucket {@code floor(t)}; a call at time {@code now} sees the buckets of seconds {@code
 * floor(now) - seconds + 1 .. floor(now)}, so the window slides in one-second steps, not
 * continuously. The minimum number of calls is not capped here (Resilience4j caps it only for
 * count-based windows). Time must not run backwards; a call dated before the newest bucket is
 * counted in the newest bucket.
 */
final class TimeBasedWindow extends RateWindow {

  private final int[] bucketCalls;
  private final int[] bucketFailures;
  private final int[] bucketSlow;
  private int head;
  private long headSecond;

  TimeBasedWindow(
      int seconds,
      int minCalls,
      double failureRate,
      double slowCallRate,
      double slowCallDuration,
      double now) {
    super(failureRate, slowCallRate, slowCallDuration, minCalls);
    if (seconds < 1) {
      throw new IllegalArgumentException("time window must be >= 1 s, got " + seconds);
    }
    bucketCalls = new int[seconds];
    bucketFailures = new int[seconds];
    bucketSlow = new int[seconds];
    headSecond = second(now);
  }

  private static long second(double t) {
    return (long) Math.floor(t);
  }

  @Override
  void add(double now, boolean failure, boolean slow) {
    long s = second(now);
    if (s > headSecond) {
      long steps = Math.min(s - headSecond, bucketCalls.length);
      for (long i = 0; i < steps; i++) {
        head = (head + 1) % bucketCalls.length;
        calls -= bucketCalls[head];
        failures -= bucketFailures[head];
        slowCalls -= bucketSlow[head];
        bucketCalls[head] = 0;
        bucketFailures[head] = 0;
        bucketSlow[head] = 0;
      }
      headSecond = s;
    }
    bucketCalls[head]++;
    calls++;
    if (failure) {
      bucketFailures[head]++;
      failures++;
    }
    if (slow) {
      bucketSlow[head]++;
      slowCalls++;
    }
  }

  @Override
  public void clear(double now) {
    Arrays.fill(bucketCalls, 0);
    Arrays.fill(bucketFailures, 0);
    Arrays.fill(bucketSlow, 0);
    calls = 0;
    failures = 0;
    slowCalls = 0;
    head = 0;
    headSecond = second(now);
  }

  @Override
  public void checkInvariants() {
    checkTotals(Integer.MAX_VALUE);
    int c = 0;
    int f = 0;
    int sl = 0;
    for (int i = 0; i < bucketCalls.length; i++) {
      c += bucketCalls[i];
      f += bucketFailures[i];
      sl += bucketSlow[i];
    }
    if (c != calls || f != failures || sl != slowCalls) {
      throw new IllegalStateException("time window buckets disagree with totals");
    }
  }
}
