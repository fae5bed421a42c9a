package dev.cascade.model.breaker;

import dev.cascade.model.spec.BreakerSpec;

/**
 * One breaker policy applied to the {@code instances} of a calling service: with {@code scope:
 * instance} (the default, and how Resilience4j is deployed: one registry per JVM) each instance has
 * its own {@link CircuitBreaker} and sees only its own calls; with {@code scope: global} all
 * instances share one, as a breaker kept in a shared store would. It keeps the number of open and
 * half-open breakers up to date on every transition, which gives the metrics {@code open_fraction}
 * and {@code half_open_fraction} in O(1), and sums the not-permitted calls for {@code
 * not_permitted_rps}. Its {@link Listener} hears every transition together with the group, so the
 * caller can log "opened on 500/500 instances" in its own words.
 */
public final class BreakerGroup {

  /**
   * Told about every transition of every breaker in the group, after the group's counts include it.
   * It must not call back into the breaker that moved.
   */
  @FunctionalInterface
  public interface Listener {

    /** Ignores every transition. */
    Listener NONE = (time, breaker, from, to, group) -> {};

    /**
     * Breaker number {@code breaker} (the instance, or 0 for a global breaker) moved from {@code
     * from} to {@code to} at simulated {@code time}; {@code group} has the counts after the move.
     */
    void onTransition(
        double time, int breaker, BreakerState from, BreakerState to, BreakerGroup group);
  }

  private final BreakerSpec spec;
  private final int instances;
  private final CircuitBreaker[] breakers;
  private final Listener listener;
  private int open;
  private int halfOpen;

  /**
   * Builds the breakers of {@code spec} for a service of {@code instances} instances, all closed.
   */
  public BreakerGroup(BreakerSpec spec, int instances, Listener listener) {
    if (instances < 1) {
      throw new IllegalArgumentException(
          spec.name() + ": instances must be >= 1, got " + instances);
    }
    this.spec = spec;
    this.instances = instances;
    this.listener = listener;
    int n = spec.scope() == BreakerSpec.Scope.GLOBAL ? 1 : instances;
    this.breakers = new CircuitBreaker[n];
    for (int i = 0; i < n; i++) {
      int index = i;
      breakers[i] = new CircuitBreaker(spec, (time, from, to) -> moved(time, index, from, to));
    }
  }

  /** A group that tells nobody about its transitions. */
  public BreakerGroup(BreakerSpec spec, int instances) {
    this(spec, instances, Listener.NONE);
  }

  private void moved(double time, int index, BreakerState from, BreakerState to) {
    open += (to == BreakerState.OPEN ? 1 : 0) - (from == BreakerState.OPEN ? 1 : 0);
    halfOpen += (to == BreakerState.HALF_OPEN ? 1 : 0) - (from == BreakerState.HALF_OPEN ? 1 : 0);
    listener.onTransition(time, index, from, to, this);
  }

  /** The breaker that instance {@code instance} consults (the shared one for global scope). */
  public CircuitBreaker breakerOf(int instance) {
    if (instance < 0 || instance >= instances) {
      throw new IndexOutOfBoundsException(
          spec.name() + ": instance " + instance + " of " + instances);
    }
    return breakers[breakers.length == 1 ? 0 : instance];
  }

  /** {@link CircuitBreaker#tryAcquire} on the breaker of {@code instance}. */
  public boolean tryAcquire(int instance, double now) {
    return breakerOf(instance).tryAcquire(now);
  }

  /** {@link CircuitBreaker#onSuccess} on the breaker of {@code instance}. */
  public void onSuccess(int instance, double now, double durationSeconds) {
    breakerOf(instance).onSuccess(now, durationSeconds);
  }

  /** {@link CircuitBreaker#onError} on the breaker of {@code instance}. */
  public void onError(int instance, double now, double durationSeconds) {
    breakerOf(instance).onError(now, durationSeconds);
  }

  /** The policy. */
  public BreakerSpec spec() {
    return spec;
  }

  /** Instances of the calling service. */
  public int instances() {
    return instances;
  }

  /** Breakers in the group: {@code instances} for instance scope, 1 for global scope. */
  public int breakers() {
    return breakers.length;
  }

  /** Breakers open now. */
  public int openCount() {
    return open;
  }

  /** Breakers half-open now. */
  public int halfOpenCount() {
    return halfOpen;
  }

  /** Breakers closed now. */
  public int closedCount() {
    return breakers.length - open - halfOpen;
  }

  /** The {@code open_fraction} metric: open breakers / breakers. */
  public double openFraction() {
    return (double) open / breakers.length;
  }

  /** The {@code half_open_fraction} metric: half-open breakers / breakers. */
  public double halfOpenFraction() {
    return (double) halfOpen / breakers.length;
  }

  /**
   * Calls not permitted by any breaker of the group since creation; {@code not_permitted_rps} is
   * its increase per sampling interval. O(breakers), meant for sampling, not per call.
   */
  public long notPermittedCalls() {
    long sum = 0;
    for (CircuitBreaker b : breakers) {
      sum += b.notPermittedCalls();
    }
    return sum;
  }

  /** Checks every breaker, and the open and half-open counts against a recount. */
  public void checkInvariants() {
    int o = 0;
    int h = 0;
    for (CircuitBreaker b : breakers) {
      b.checkInvariants();
      o += b.state() == BreakerState.OPEN ? 1 : 0;
      h += b.state() == BreakerState.HALF_OPEN ? 1 : 0;
    }
    if (o != open || h != halfOpen) {
      throw new IllegalStateException(
          spec.name()
              + ": counted "
              + open
              + " open / "
              + halfOpen
              + " half-open, found "
              + o
              + " / "
              + h);
    }
  }
}
