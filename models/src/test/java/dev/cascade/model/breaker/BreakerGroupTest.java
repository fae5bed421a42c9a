package dev.cascade.model.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.spec.BreakerSpec;
import dev.cascade.model.spec.BreakerSpec.CountTrip;
import dev.cascade.model.spec.BreakerSpec.Scope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakerGroupTest {

  private record Heard(double time, int breaker, BreakerState to, int open, int halfOpen, int of) {}

  private final List<Heard> heard = new ArrayList<>();

  private BreakerGroup group(Scope scope, int instances) {
    BreakerSpec spec = new BreakerSpec("redis-cb", new CountTrip(2, 10), 30, 1, scope);
    return new BreakerGroup(
        spec,
        instances,
        (time, breaker, from, to, g) ->
            heard.add(
                new Heard(time, breaker, to, g.openCount(), g.halfOpenCount(), g.breakers())));
  }

  @Test
  void instanceScope_eachInstanceTripsAlone_countsFollow() {
    BreakerGroup g = group(Scope.INSTANCE, 4);
    // (instance, time, duration)
    g.onError(1, 0.5, 0.1);
    g.onError(1, 1, 0.1);
    assertThat(g.breakerOf(1).state()).isEqualTo(BreakerState.OPEN);
    assertThat(g.breakerOf(0).state()).isEqualTo(BreakerState.CLOSED);
    g.onError(0, 2, 0.1); // one failure: instance 0 stays closed
    g.onError(3, 2, 0.1);
    g.onError(3, 3, 0.1);
    assertThat(g.openCount()).isEqualTo(2);
    assertThat(g.openFraction()).isEqualTo(0.5);
    assertThat(heard)
        .containsExactly(
            new Heard(1, 1, BreakerState.OPEN, 1, 0, 4),
            new Heard(3, 3, BreakerState.OPEN, 2, 0, 4));

    assertThat(g.tryAcquire(1, 40)).isTrue(); // instance 1 half-opens
    assertThat(g.tryAcquire(1, 40)).isFalse();
    assertThat(g.tryAcquire(3, 20)).isFalse();
    assertThat(g.openCount()).isEqualTo(1);
    assertThat(g.halfOpenCount()).isEqualTo(1);
    assertThat(g.halfOpenFraction()).isEqualTo(0.25);
    assertThat(g.closedCount()).isEqualTo(2);
    assertThat(g.notPermittedCalls()).isEqualTo(2);
    g.checkInvariants();
  }

  @Test
  void globalScope_instancesShareOneBreaker() {
    BreakerGroup g = group(Scope.GLOBAL, 500);
    assertThat(g.breakers()).isEqualTo(1);
    assertThat(g.instances()).isEqualTo(500);
    g.onError(7, 1, 0.1);
    g.onError(499, 2, 0.1); // two failures from different instances trip the shared breaker
    assertThat(g.openFraction()).isEqualTo(1.0);
    assertThat(g.tryAcquire(0, 3)).isFalse();
    assertThat(g.tryAcquire(250, 3)).isFalse();
    assertThat(g.notPermittedCalls()).isEqualTo(2);
    assertThat(heard).containsExactly(new Heard(2, 0, BreakerState.OPEN, 1, 0, 1));
    g.checkInvariants();
  }
}
