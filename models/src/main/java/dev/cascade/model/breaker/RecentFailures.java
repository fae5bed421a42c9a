package dev.cascade.model.breaker;

/**
 * The count trip of a closed breaker: open on the {@code failures}-th failure within {@code within}
 * seconds (inclusive: failures at 0 s and 10 s are "within 10 s"). It keeps the times of the last
 * {@code failures} failures in a ring. Successes are not recorded: they neither reset the count nor
 * dilute it, so a dependency that fails 5 calls in 10 s trips the breaker however many calls
 * succeed in between. This is the "N failures within T" rule of the scenario format (seed E), not
 * Resilience4j's rate rule.
 */
final class RecentFailures implements OutcomeRule {

  private final double[] times;
  private final double within;
  private int next;
  private int size;

  RecentFailures(int failures, double within) {
    if (failures < 1) {
      throw new IllegalArgumentException("count trip needs failures >= 1, got " + failures);
    }
    if (!(within >= 0)) {
      throw new IllegalArgumentException("count trip needs within >= 0 s, got " + within);
    }
    this.times = new double[failures];
    this.within = within;
  }

  @Override
  public Verdict record(double now, boolean failure, double durationSeconds) {
    if (!failure) {
      return Verdict.NOT_ENOUGH_CALLS;
    }
    times[next] = now;
    next = (next + 1) % times.length;
    if (size < times.length) {
      size++;
    }
    if (size < times.length) {
      return Verdict.NOT_ENOUGH_CALLS;
    }
    // The ring is full, so `next` now points at the oldest of the last `failures` failures.
    return now - times[next] <= within ? Verdict.ABOVE_THRESHOLDS : Verdict.BELOW_THRESHOLDS;
  }

  @Override
  public void clear(double now) {
    next = 0;
    size = 0;
  }

  /** Failures currently remembered (at most {@code failures}). */
  int remembered() {
    return size;
  }

  @Override
  public void checkInvariants() {
    if (size < 0 || size > times.length || next < 0 || next >= times.length) {
      throw new IllegalStateException("failure ring size " + size + " next " + next);
    }
  }
}
