package dev.cascade.model.breaker;

import dev.cascade.model.spec.BreakerSpec;
import dev.cascade.model.spec.BreakerSpec.CountTrip;
import dev.cascade.model.spec.BreakerSpec.RateTrip;
import dev.cascade.model.spec.BreakerSpec.Trip;

/**
 * One circuit breaker in front of one dependency of one caller: Resilience4j 2.x's {@code
 * CircuitBreakerStateMachine} with automatic open-to-half-open transition disabled, driven by
 * simulated time instead of a wall clock.
 *
 * <ul>
 *   <li><b>Closed</b>: every call is permitted; each recorded outcome goes to the trip rule, and
 *       the breaker opens as soon as the rule fires.
 *   <li><b>Open</b>: calls are not permitted (and counted) until a call arrives strictly after
 *       {@code openedAt + open_for}; that call moves the breaker to half-open and is its first
 *       trial call, as Resilience4j's {@code OpenState.tryAcquirePermission} does. Outcomes of
 *       calls permitted earlier that complete while open change nothing.
 *   <li><b>Half-open</b>: only {@code half_open_calls} calls are permitted in total; the rest are
 *       not permitted until the state changes. Outcomes decide: for a rate trip, Resilience4j's
 *       rule over a count window of {@code half_open_calls} calls with minimum {@code
 *       min(min_calls, half_open_calls)} (so with the defaults, 10 trial calls, it decides after
 *       all 10 and closes if fewer than 50% failed and not all were slow); for a count trip, the
 *       first failure reopens and {@code half_open_calls} successes close.
 * </ul>
 *
 * <p>Resilience4j sets these numbers two ways that differ in one corner: its property files (Spring
 * Boot's {@code resilience4j.circuitbreaker.*}) call the separate builder setters, which keep
 * {@code min_calls} as written, whereas the four-argument {@code slidingWindow(...)} builder method
 * also caps {@code min_calls} at a count window's size before the half-open window sees it. Cascade
 * follows the property files: the closed count window judges from {@code min(min_calls, window)}
 * calls and the half-open one from {@code min(min_calls, half_open_calls)}.
 *
 * <p>The count trip opens on the {@code failures}-th failure within {@code within} seconds;
 * successes do not reset it. The rate trip is Resilience4j's (see {@code RateWindow}): a
 * count-based window of {@code windowCalls} calls, or a time-based one of {@code windowSeconds}
 * one-second buckets, judged on every recorded call once {@code minCalls} are in it. Entering
 * closed or half-open starts from an empty window, as Resilience4j builds fresh metrics for those
 * states. The ORACLE test drives this class and the real Resilience4j with the same calls and times
 * and requires the same decisions and states after every call.
 *
 * <p>Single-threaded and allocation-free per call; the {@link TransitionListener} is told about
 * every state change.
 */
public final class CircuitBreaker {

  private final double openFor;
  private final int halfOpenCalls;
  private final OutcomeRule closedRule;
  private final OutcomeRule halfOpenRule;
  private final TransitionListener listener;

  private BreakerState state = BreakerState.CLOSED;
  private double openUntil;
  private int trialsLeft;
  private long permitted;
  private long notPermitted;
  private long transitions;

  /** A closed breaker for {@code spec} that tells nobody about its transitions. */
  public CircuitBreaker(BreakerSpec spec) {
    this(spec, TransitionListener.NONE);
  }

  /**
   * A closed breaker for {@code spec}, created at simulated time 0 (this anchors the one-second
   * buckets of a time-based window; they are empty, so the anchor does not change decisions).
   *
   * @throws IllegalArgumentException if the spec has values Resilience4j would also refuse
   */
  public CircuitBreaker(BreakerSpec spec, TransitionListener listener) {
    if (!(spec.openFor() >= 0) || Double.isInfinite(spec.openFor())) {
      throw new IllegalArgumentException(
          spec.name() + ": open_for must be a finite time >= 0 s, got " + spec.openFor());
    }
    this.openFor = spec.openFor();
    this.halfOpenCalls = spec.halfOpenCalls();
    this.listener = listener;
    Trip trip = spec.trip();
    if (trip instanceof CountTrip c) {
      closedRule = new RecentFailures(c.failures(), c.within());
      halfOpenRule = new ProbeTally(halfOpenCalls);
    } else if (trip instanceof RateTrip r) {
      closedRule = closedWindow(spec.name(), r);
      halfOpenRule = halfOpenWindow(r, halfOpenCalls);
    } else {
      throw new IllegalArgumentException(spec.name() + ": unknown trip " + trip);
    }
  }

  private static OutcomeRule closedWindow(String name, RateTrip r) {
    if (r.windowSeconds() > 0) {
      double s = r.windowSeconds();
      if (s != Math.rint(s) || s > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            name + ": a time window is whole seconds (Resilience4j), got " + s + " s");
      }
      return new TimeBasedWindow(
          (int) s, r.minCalls(), r.failureRate(), r.slowCallRate(), r.slowCallDuration(), 0.0);
    }
    return new CountBasedWindow(
        r.windowCalls(), r.minCalls(), r.failureRate(), r.slowCallRate(), r.slowCallDuration());
  }

  private static OutcomeRule halfOpenWindow(RateTrip r, int halfOpenCalls) {
    if (halfOpenCalls < 1) {
      throw new IllegalArgumentException("half_open_calls must be >= 1, got " + halfOpenCalls);
    }
    return new CountBasedWindow(
        halfOpenCalls, r.minCalls(), r.failureRate(), r.slowCallRate(), r.slowCallDuration());
  }

  /**
   * Asks to make a call at {@code now}. In open state, the first call strictly after {@code
   * open_for} has passed moves the breaker to half-open and takes one of its trial permits.
   *
   * @return true if the call may go ahead (its outcome must then be reported), false if it must
   *     fail fast (counted in {@link #notPermittedCalls()})
   */
  public boolean tryAcquire(double now) {
    switch (state) {
      case CLOSED -> {
        permitted++;
        return true;
      }
      case OPEN -> {
        if (now > openUntil) {
          moveTo(now, BreakerState.HALF_OPEN);
          return takeTrial();
        }
        notPermitted++;
        return false;
      }
      case HALF_OPEN -> {
        return takeTrial();
      }
      default -> throw new IllegalStateException("unknown state " + state);
    }
  }

  private boolean takeTrial() {
    if (trialsLeft > 0) {
      trialsLeft--;
      permitted++;
      return true;
    }
    notPermitted++;
    return false;
  }

  /**
   * Records a permitted call that succeeded at {@code now} after {@code durationSeconds} (slow if
   * longer than the rate trip's {@code slowCallDuration}).
   */
  public void onSuccess(double now, double durationSeconds) {
    record(now, false, durationSeconds);
  }

  /** Records a permitted call that failed (error or timeout) at {@code now}. */
  public void onError(double now, double durationSeconds) {
    record(now, true, durationSeconds);
  }

  private void record(double now, boolean failure, double durationSeconds) {
    switch (state) {
      case CLOSED -> {
        if (closedRule.record(now, failure, durationSeconds)
            == OutcomeRule.Verdict.ABOVE_THRESHOLDS) {
          moveTo(now, BreakerState.OPEN);
        }
      }
      case HALF_OPEN -> {
        OutcomeRule.Verdict v = halfOpenRule.record(now, failure, durationSeconds);
        if (v == OutcomeRule.Verdict.ABOVE_THRESHOLDS) {
          moveTo(now, BreakerState.OPEN);
        } else if (v == OutcomeRule.Verdict.BELOW_THRESHOLDS) {
          moveTo(now, BreakerState.CLOSED);
        }
      }
      case OPEN -> {
        // A call permitted before the breaker opened. Resilience4j records it in metrics that the
        // move to half-open discards, so it changes nothing.
      }
      default -> throw new IllegalStateException("unknown state " + state);
    }
  }

  private void moveTo(double now, BreakerState to) {
    BreakerState from = state;
    BreakerTransition.between(from, to);
    state = to;
    switch (to) {
      case OPEN -> openUntil = now + openFor;
      case HALF_OPEN -> {
        trialsLeft = halfOpenCalls;
        halfOpenRule.clear(now);
      }
      case CLOSED -> closedRule.clear(now);
      default -> throw new IllegalStateException("unknown state " + to);
    }
    transitions++;
    listener.onTransition(now, from, to);
  }

  /** The current state (an open breaker stays open until a call arrives after {@code open_for}). */
  public BreakerState state() {
    return state;
  }

  /** Calls permitted since creation. */
  public long permittedCalls() {
    return permitted;
  }

  /** Calls not permitted since creation (open, or half-open with no trial permit left). */
  public long notPermittedCalls() {
    return notPermitted;
  }

  /** State changes since creation. */
  public long transitions() {
    return transitions;
  }

  /** Trial permits left while half-open; 0 in the other states. */
  public int trialPermitsLeft() {
    return state == BreakerState.HALF_OPEN ? trialsLeft : 0;
  }

  /** Throws {@link IllegalStateException} if the counters of the breaker or its rules disagree. */
  public void checkInvariants() {
    if (trialsLeft < 0 || trialsLeft > halfOpenCalls) {
      throw new IllegalStateException("trial permits left " + trialsLeft + " of " + halfOpenCalls);
    }
    if (permitted < 0 || notPermitted < 0) {
      throw new IllegalStateException("negative call counters");
    }
    closedRule.checkInvariants();
    halfOpenRule.checkInvariants();
  }
}
