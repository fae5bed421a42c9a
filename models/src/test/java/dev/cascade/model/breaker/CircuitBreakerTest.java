package dev.cascade.model.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.model.spec.BreakerSpec;
import dev.cascade.model.spec.BreakerSpec.CountTrip;
import dev.cascade.model.spec.BreakerSpec.RateTrip;
import dev.cascade.model.spec.BreakerSpec.Scope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private record Move(double time, BreakerState from, BreakerState to) {}

  private final List<Move> moves = new ArrayList<>();

  private CircuitBreaker breaker(BreakerSpec.Trip trip, double openFor, int halfOpenCalls) {
    return new CircuitBreaker(
        new BreakerSpec("cb", trip, openFor, halfOpenCalls, Scope.INSTANCE),
        (t, from, to) -> moves.add(new Move(t, from, to)));
  }

  /** Opens a count-trip breaker (5 failures in 10 s, open 30 s) at t = 8. */
  private CircuitBreaker openedAt8(int halfOpenCalls) {
    CircuitBreaker cb = breaker(new CountTrip(5, 10), 30, halfOpenCalls);
    for (double t : new double[] {0, 2, 4, 6, 8}) {
      assertThat(cb.tryAcquire(t)).isTrue();
      cb.onError(t, 0.5);
    }
    assertThat(cb.state()).isEqualTo(BreakerState.OPEN);
    return cb;
  }

  @Test
  void countTrip_fifthFailureWithinWindow_opens() {
    CircuitBreaker cb = breaker(new CountTrip(5, 10), 30, 1);
    for (double t : new double[] {0, 2, 4, 6}) {
      cb.onError(t, 0.5);
      assertThat(cb.state()).isEqualTo(BreakerState.CLOSED);
    }
    cb.onSuccess(7, 0.1); // successes neither reset nor dilute the count
    assertThat(cb.state()).isEqualTo(BreakerState.CLOSED);
    cb.onError(8, 0.5);
    assertThat(cb.state()).isEqualTo(BreakerState.OPEN);
    assertThat(moves).containsExactly(new Move(8, BreakerState.CLOSED, BreakerState.OPEN));
    cb.checkInvariants();
  }

  @Test
  void countTrip_failuresSpreadWiderThanWindow_opensOnlyWhenFiveFitInclusive() {
    CircuitBreaker cb = breaker(new CountTrip(5, 10), 30, 1);
    for (double t : new double[] {0, 3, 6, 9, 12}) {
      cb.onError(t, 0.5);
    }
    assertThat(cb.state()).as("0..12 is wider than 10 s").isEqualTo(BreakerState.CLOSED);
    cb.onError(13, 0.5);
    assertThat(cb.state()).as("3..13 is exactly 10 s").isEqualTo(BreakerState.OPEN);
  }

  @Test
  void open_beforeOpenFor_failsFastAndCounts() {
    CircuitBreaker cb = openedAt8(1);
    assertThat(cb.tryAcquire(9)).isFalse();
    assertThat(cb.tryAcquire(37.9)).isFalse();
    assertThat(cb.state()).isEqualTo(BreakerState.OPEN);
    assertThat(cb.notPermittedCalls()).isEqualTo(2);
    assertThat(cb.permittedCalls()).isEqualTo(5);
  }

  @Test
  void open_afterOpenFor_firstCallHalfOpens() {
    CircuitBreaker cb = openedAt8(1);
    assertThat(cb.tryAcquire(38)).as("at exactly open_for: not yet (strictly after)").isFalse();
    assertThat(cb.state()).isEqualTo(BreakerState.OPEN);
    assertThat(cb.tryAcquire(38.5)).isTrue();
    assertThat(cb.state()).isEqualTo(BreakerState.HALF_OPEN);
    assertThat(cb.tryAcquire(38.6)).as("the one trial permit is taken").isFalse();
    assertThat(cb.notPermittedCalls()).isEqualTo(2);
    assertThat(moves.get(1)).isEqualTo(new Move(38.5, BreakerState.OPEN, BreakerState.HALF_OPEN));
  }

  @Test
  void open_lateOutcomeOfEarlierCall_changesNothing() {
    CircuitBreaker cb = openedAt8(1);
    cb.onSuccess(9, 0.1);
    cb.onError(10, 0.1);
    assertThat(cb.state()).isEqualTo(BreakerState.OPEN);
    assertThat(cb.tryAcquire(37)).isFalse();
  }

  @Test
  void halfOpen_probeFails_reopens() {
    CircuitBreaker cb = openedAt8(1);
    assertThat(cb.tryAcquire(40)).isTrue();
    cb.onError(40.2, 0.2);
    assertThat(cb.state()).isEqualTo(BreakerState.OPEN);
    assertThat(cb.tryAcquire(70.1)).as("open_for counts from the reopening at 40.2").isFalse();
    assertThat(cb.tryAcquire(70.3)).isTrue();
    assertThat(cb.state()).isEqualTo(BreakerState.HALF_OPEN);
    assertThat(moves)
        .extracting(Move::to)
        .containsExactly(
            BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.OPEN, BreakerState.HALF_OPEN);
  }

  @Test
  void halfOpen_allProbesSucceed_closes() {
    CircuitBreaker cb = openedAt8(3);
    assertThat(cb.tryAcquire(40)).isTrue();
    assertThat(cb.tryAcquire(40)).isTrue();
    assertThat(cb.tryAcquire(40)).isTrue();
    assertThat(cb.tryAcquire(40)).isFalse();
    assertThat(cb.trialPermitsLeft()).isZero();
    cb.onSuccess(40.1, 0.1);
    cb.onSuccess(40.2, 0.1);
    assertThat(cb.state()).isEqualTo(BreakerState.HALF_OPEN);
    cb.onSuccess(40.3, 0.1);
    assertThat(cb.state()).isEqualTo(BreakerState.CLOSED);
    // Closed again with an empty failure history: four failures do not reopen it.
    for (double t : new double[] {41, 42, 43, 44}) {
      cb.onError(t, 0.1);
    }
    assertThat(cb.state()).isEqualTo(BreakerState.CLOSED);
    cb.checkInvariants();
  }

  @Test
  void halfOpen_oneOfSeveralProbesFails_reopens() {
    CircuitBreaker cb = openedAt8(3);
    cb.tryAcquire(40);
    cb.tryAcquire(40);
    cb.onSuccess(40.1, 0.1);
    cb.onError(40.2, 0.1);
    assertThat(cb.state()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void rateTrip_countWindow_opensAtThresholdInclusiveOnceMinCallsReached() {
    // 50% over the last 4 calls, judged from 4 calls on.
    CircuitBreaker cb = breaker(new RateTrip(0.5, 4, 0, 4, 60, 1.0), 60, 10);
    cb.onError(0, 0.1);
    cb.onError(0, 0.1);
    cb.onSuccess(0, 0.1);
    assertThat(cb.state()).as("3 calls < min_calls 4").isEqualTo(BreakerState.CLOSED);
    cb.onSuccess(0, 0.1);
    assertThat(cb.state()).as("2/4 = 50% >= 50%").isEqualTo(BreakerState.OPEN);
  }

  @Test
  void rateTrip_countWindow_oldCallsSlideOut() {
    CircuitBreaker cb = breaker(new RateTrip(0.5, 4, 0, 4, 60, 1.0), 60, 10);
    cb.onError(0, 0.1); // slides out when the fifth call arrives
    cb.onSuccess(0, 0.1);
    cb.onSuccess(0, 0.1);
    cb.onSuccess(0, 0.1); // 1/4
    cb.onError(0, 0.1); // window S S S F: 1/4
    assertThat(cb.state()).isEqualTo(BreakerState.CLOSED);
    cb.onError(0, 0.1); // S S F F: 2/4
    assertThat(cb.state()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void rateTrip_slowCall_isStrictlyLongerThanThreshold() {
    // Slow-call rate 100% over 2 calls, slow above 1 s; failure rate can not trip (all succeed).
    CircuitBreaker cb = breaker(new RateTrip(1.0, 2, 0, 2, 1.0, 1.0), 60, 1);
    cb.onSuccess(0, 1.0);
    cb.onSuccess(0, 1.0);
    assertThat(cb.state())
        .as("exactly 1 s is not slow (Resilience4j uses >)")
        .isEqualTo(BreakerState.CLOSED);
    cb.onSuccess(0, 1.001);
    assertThat(cb.state()).as("window: 1.0, 1.001 -> 50% slow").isEqualTo(BreakerState.CLOSED);
    cb.onSuccess(0, 1.5);
    assertThat(cb.state()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void rateTrip_timeWindow_forgetsWholeSecondsOnly() {
    // 50% over a 2 s window, min 2 calls.
    CircuitBreaker cb = breaker(new RateTrip(0.5, 100, 2, 2, 60, 1.0), 60, 1);
    cb.onError(0.1, 0.1); // second 0
    cb.onSuccess(1.0, 0.1); // second 1: window {0,1} = 1 F of 2 -> 50%: opens
    assertThat(cb.state()).isEqualTo(BreakerState.OPEN);

    CircuitBreaker late = breaker(new RateTrip(0.5, 100, 2, 2, 60, 1.0), 60, 1);
    late.onError(0.9, 0.1); // second 0
    late.onSuccess(2.0, 0.1); // second 2: second 0 has slid out -> 0 F of 1, below min
    late.onSuccess(2.5, 0.1); // 0 F of 2
    assertThat(late.state()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void rateTrip_halfOpen_decidesAtMinOfMinCallsAndTrialCalls() {
    // min_calls 2 < half_open_calls 4: Resilience4j judges the trial calls from 2 on.
    CircuitBreaker cb = breaker(new RateTrip(0.5, 2, 0, 2, 60, 1.0), 5, 4);
    cb.onError(0, 0.1);
    cb.onError(0, 0.1);
    assertThat(cb.state()).isEqualTo(BreakerState.OPEN);
    for (int i = 0; i < 4; i++) {
      assertThat(cb.tryAcquire(6)).isTrue();
    }
    cb.onSuccess(6.1, 0.1);
    assertThat(cb.state()).isEqualTo(BreakerState.HALF_OPEN);
    cb.onSuccess(6.2, 0.1);
    assertThat(cb.state()).as("2 of 4 trials healthy: closed").isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void rateTrip_halfOpen_someFailuresBelowThreshold_closes() {
    // Resilience4j's half-open rule is the rate rule: 1 failure in 4 trials is 25% < 50%.
    CircuitBreaker cb = breaker(new RateTrip(0.5, 4, 0, 4, 60, 1.0), 5, 4);
    for (int i = 0; i < 4; i++) {
      cb.onError(0, 0.1);
    }
    for (int i = 0; i < 4; i++) {
      cb.tryAcquire(6);
    }
    cb.onError(6.1, 0.1);
    cb.onSuccess(6.1, 0.1);
    cb.onSuccess(6.1, 0.1);
    assertThat(cb.state()).isEqualTo(BreakerState.HALF_OPEN);
    cb.onSuccess(6.1, 0.1);
    assertThat(cb.state()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void transitionTable_rejectsIllegalMoves() {
    assertThat(BreakerTransition.between(BreakerState.OPEN, BreakerState.HALF_OPEN))
        .isEqualTo(BreakerTransition.OPEN_TO_HALF_OPEN);
    assertThatThrownBy(() -> BreakerTransition.between(BreakerState.CLOSED, BreakerState.HALF_OPEN))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> BreakerTransition.between(BreakerState.OPEN, BreakerState.CLOSED))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void spec_fractionalTimeWindow_isRejected() {
    assertThatThrownBy(() -> breaker(new RateTrip(0.5, 100, 2.5, 10, 60, 1.0), 60, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole seconds");
    assertThatThrownBy(() -> breaker(new RateTrip(0, 100, 0, 10, 60, 1.0), 60, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> breaker(new CountTrip(5, 10), 60, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
