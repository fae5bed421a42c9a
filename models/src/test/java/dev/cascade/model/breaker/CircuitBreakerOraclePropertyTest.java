package dev.cascade.model.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.spec.BreakerSpec;
import dev.cascade.model.spec.BreakerSpec.RateTrip;
import dev.cascade.model.spec.BreakerSpec.Scope;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * ORACLE: the real Resilience4j 2.x {@code CircuitBreaker} and ours, fed the same calls at the same
 * simulated times, must permit the same calls and be in the same state after every call.
 *
 * <p>Times and durations are multiples of 1/8 s, which doubles, {@link Instant}s and Resilience4j's
 * millisecond wait all represent exactly, so ties (a call exactly at {@code open_for}, a duration
 * exactly at the slow-call threshold, a call exactly on a second boundary) are compared exactly
 * rather than lost to rounding. Resilience4j runs with its default {@code SYNCHRONIZED} windows
 * (the lock-free time window of 2.3.0 ignores the configured clock) and without automatic
 * transition.
 */
class CircuitBreakerOraclePropertyTest {

  private static final double EIGHTH = 0.125;
  private static final long EIGHTH_NANOS = 125_000_000L;
  private static final RuntimeException FAILURE = new RuntimeException("simulated failure");

  /**
   * One step: advance the clock, then either ask for a permit or complete a pending call, which
   * fails when {@code roll} (0..99) is below the failure percentage of the current phase.
   */
  record Op(int advanceEighths, boolean acquire, int roll, int durationEighths) {}

  /** Ops per phase; phases alternate between healthy and failing, as around an outage. */
  private static final int PHASE = 30;

  /** Resilience4j's clock, moved by the test. */
  private static final class SimClock extends Clock {
    long nanos;

    @Override
    public Instant instant() {
      return Instant.ofEpochSecond(0, nanos);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Integer> advance =
        Arbitraries.integers().between(0, 11).map(x -> x == 11 ? 40 : Math.max(0, x - 4));
    return Combinators.combine(
            advance,
            Arbitraries.integers().between(0, 9).map(x -> x < 5),
            Arbitraries.integers().between(0, 99),
            Arbitraries.frequencyOf(
                Tuple.of(7, Arbitraries.integers().between(0, 1)),
                Tuple.of(3, Arbitraries.integers().between(0, 12))))
        .as(Op::new)
        .list()
        .ofMinSize(60)
        .ofMaxSize(300);
  }

  @Provide
  Arbitrary<Integer> failurePercent() {
    return Arbitraries.of(10, 25, 33, 40, 50, 60, 67, 75, 100);
  }

  @Provide
  Arbitrary<Integer> slowPercent() {
    return Arbitraries.of(34, 50, 75, 100);
  }

  @Property(tries = 400)
  void countBasedRateTrip_matchesResilience4j(
      @ForAll("failurePercent") int failurePercent,
      @ForAll("slowPercent") int slowPercent,
      @ForAll @IntRange(min = 1, max = 8) int windowCalls,
      @ForAll @IntRange(min = 1, max = 10) int minCalls,
      @ForAll @IntRange(min = 1, max = 8) int slowEighths,
      @ForAll @IntRange(min = 1, max = 24) int openForEighths,
      @ForAll @IntRange(min = 1, max = 4) int halfOpenCalls,
      @ForAll @IntRange(min = 0, max = 20) int healthyFailurePercent,
      @ForAll @IntRange(min = 40, max = 100) int outageFailurePercent,
      @ForAll("ops") List<Op> ops) {
    RateTrip trip =
        new RateTrip(
            failurePercent / 100.0,
            windowCalls,
            0,
            minCalls,
            slowEighths * EIGHTH,
            slowPercent / 100.0);
    compare(
        trip,
        openForEighths,
        halfOpenCalls,
        new int[] {healthyFailurePercent, outageFailurePercent},
        ops);
  }

  @Property(tries = 400)
  void timeBasedRateTrip_matchesResilience4j(
      @ForAll("failurePercent") int failurePercent,
      @ForAll("slowPercent") int slowPercent,
      @ForAll @IntRange(min = 1, max = 4) int windowSeconds,
      @ForAll @IntRange(min = 1, max = 10) int minCalls,
      @ForAll @IntRange(min = 1, max = 8) int slowEighths,
      @ForAll @IntRange(min = 1, max = 24) int openForEighths,
      @ForAll @IntRange(min = 1, max = 4) int halfOpenCalls,
      @ForAll @IntRange(min = 0, max = 20) int healthyFailurePercent,
      @ForAll @IntRange(min = 40, max = 100) int outageFailurePercent,
      @ForAll("ops") List<Op> ops) {
    RateTrip trip =
        new RateTrip(
            failurePercent / 100.0,
            100,
            windowSeconds,
            minCalls,
            slowEighths * EIGHTH,
            slowPercent / 100.0);
    compare(
        trip,
        openForEighths,
        halfOpenCalls,
        new int[] {healthyFailurePercent, outageFailurePercent},
        ops);
  }

  private static void compare(
      RateTrip trip,
      int openForEighths,
      int halfOpenCalls,
      int[] phaseFailurePercent,
      List<Op> ops) {
    SimClock clock = new SimClock();
    boolean timeBased = trip.windowSeconds() > 0;
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .failureRateThreshold((float) (trip.failureRate() * 100))
            .slowCallRateThreshold((float) (trip.slowCallRate() * 100))
            .slowCallDurationThreshold(
                Duration.ofNanos(Math.round(trip.slowCallDuration() / EIGHTH) * EIGHTH_NANOS))
            // The separate setters, as Resilience4j's Spring Boot properties apply them (the
            // four-argument slidingWindow(...) would also cap min_calls for the half-open window).
            .slidingWindowSize(timeBased ? (int) trip.windowSeconds() : trip.windowCalls())
            .minimumNumberOfCalls(trip.minCalls())
            .slidingWindowType(
                timeBased ? SlidingWindowType.TIME_BASED : SlidingWindowType.COUNT_BASED)
            .slidingWindowSynchronizationStrategy(SlidingWindowSynchronizationStrategy.SYNCHRONIZED)
            .permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
            .waitDurationInOpenState(Duration.ofNanos(openForEighths * EIGHTH_NANOS))
            .automaticTransitionFromOpenToHalfOpenEnabled(false)
            .clock(clock)
            .build();
    io.github.resilience4j.circuitbreaker.CircuitBreaker oracle =
        io.github.resilience4j.circuitbreaker.CircuitBreaker.of("oracle", config);
    EnumSet<BreakerTransition> seen = EnumSet.noneOf(BreakerTransition.class);
    CircuitBreaker ours =
        new CircuitBreaker(
            new BreakerSpec("cb", trip, openForEighths * EIGHTH, halfOpenCalls, Scope.INSTANCE),
            (t, from, to) -> seen.add(BreakerTransition.between(from, to)));

    long eighths = 0;
    int pending = 0;
    List<String> trace = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      boolean failure = op.roll() < phaseFailurePercent[(i / PHASE) % 2];
      eighths += op.advanceEighths();
      clock.nanos = eighths * EIGHTH_NANOS;
      double now = eighths * EIGHTH;
      if (op.acquire() || pending == 0) {
        boolean expected = oracle.tryAcquirePermission();
        boolean actual = ours.tryAcquire(now);
        trace.add(now + " acquire -> " + expected);
        assertThat(actual).as("permit at %s after %s", now, trace).isEqualTo(expected);
        if (expected) {
          pending++;
        }
      } else {
        // Which pending call completes does not matter to either breaker: only its outcome does.
        pending--;
        long nanos = op.durationEighths() * EIGHTH_NANOS;
        double seconds = op.durationEighths() * EIGHTH;
        if (failure) {
          oracle.onError(nanos, TimeUnit.NANOSECONDS, FAILURE);
          ours.onError(now, seconds);
        } else {
          oracle.onSuccess(nanos, TimeUnit.NANOSECONDS);
          ours.onSuccess(now, seconds);
        }
        trace.add(now + (failure ? " error " : " ok ") + seconds + "s");
      }
      assertThat(ours.state().name())
          .as("state at %s after %s", now, trace)
          .isEqualTo(oracle.getState().name());
      ours.checkInvariants();
    }
    // Guard against a generator that never reaches the interesting corners.
    Statistics.label("half-open closed")
        .collect(seen.contains(BreakerTransition.HALF_OPEN_TO_CLOSED));
    Statistics.label("half-open reopened")
        .collect(seen.contains(BreakerTransition.HALF_OPEN_TO_OPEN));
    Statistics.label("half-open closed").coverage(c -> c.check(true).percentage(p -> p > 10));
    Statistics.label("half-open reopened").coverage(c -> c.check(true).percentage(p -> p > 10));
  }
}
