package dev.cascade.model.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.spec.BreakerSpec;
import dev.cascade.model.spec.BreakerSpec.CountTrip;
import dev.cascade.model.spec.BreakerSpec.Scope;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CircuitBreakerPropertyTest {

  /**
   * The count trip against the plainest reading of its rule: the breaker opens at the first failure
   * for which at least {@code failures} failures (this one included) lie in {@code [now - within,
   * now]}, whatever successes came in between.
   */
  @Property(tries = 300)
  void countTrip_opensExactlyWhenNaiveCountSaysSo(
      @ForAll @IntRange(min = 1, max = 6) int failures,
      @ForAll @IntRange(min = 0, max = 20) int withinEighths,
      @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 15) Integer> steps) {
    double within = withinEighths / 8.0;
    CircuitBreaker cb =
        new CircuitBreaker(
            new BreakerSpec("cb", new CountTrip(failures, within), 60, 1, Scope.INSTANCE));
    List<Double> failureTimes = new ArrayList<>();
    long eighths = 0;
    for (int step : steps) {
      // Odd steps are failures, even ones successes; step / 2 is the time advance in eighths of a
      // second (exact in binary, so "within" ties are exact too).
      eighths += step / 2;
      double now = eighths / 8.0;
      boolean failure = step % 2 == 1;
      if (failure) {
        failureTimes.add(now);
        cb.onError(now, 0.01);
      } else {
        cb.onSuccess(now, 0.01);
      }
      long inWindow = failureTimes.stream().filter(t -> now - t <= within).count();
      boolean shouldOpen = failure && inWindow >= failures;
      assertThat(cb.state())
          .as("at %s with failures %s", now, failureTimes)
          .isEqualTo(shouldOpen ? BreakerState.OPEN : BreakerState.CLOSED);
      cb.checkInvariants();
      if (shouldOpen) {
        return;
      }
    }
  }
}
