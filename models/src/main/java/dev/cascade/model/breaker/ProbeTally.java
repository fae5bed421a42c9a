package dev.cascade.model.breaker;

/**
 * The half-open rule of a count-trip breaker: every trial call must succeed. The first failure
 * reopens the breaker; {@code halfOpenCalls} successes close it (the scenario format's "trial
 * calls; all succeed -> closed").
 */
final class ProbeTally implements OutcomeRule {

  private final int needed;
  private int successes;

  ProbeTally(int halfOpenCalls) {
    if (halfOpenCalls < 1) {
      throw new IllegalArgumentException("half_open_calls must be >= 1, got " + halfOpenCalls);
    }
    this.needed = halfOpenCalls;
  }

  @Override
  public Verdict record(double now, boolean failure, double durationSeconds) {
    if (failure) {
      return Verdict.ABOVE_THRESHOLDS;
    }
    successes++;
    return successes >= needed ? Verdict.BELOW_THRESHOLDS : Verdict.NOT_ENOUGH_CALLS;
  }

  @Override
  public void clear(double now) {
    successes = 0;
  }

  @Override
  public void checkInvariants() {
    if (successes < 0 || successes > needed) {
      throw new IllegalStateException("half-open successes " + successes + " of " + needed);
    }
  }
}
