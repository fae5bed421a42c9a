package dev.cascade.scenario.bind;

import dev.cascade.core.unit.Durations;
import dev.cascade.core.unit.UnitException;
import dev.cascade.model.spec.BreakerSpec;
import dev.cascade.model.spec.BreakerSpec.CountTrip;
import dev.cascade.model.spec.BreakerSpec.RateTrip;
import dev.cascade.model.spec.BreakerSpec.Scope;
import dev.cascade.model.spec.BreakerSpec.Trip;

/**
 * Binds a breaker policy. {@code trip} is count style ({@code {failures: 5, within: 10s}}) when it
 * has {@code failures}, otherwise rate style with Resilience4j 2.x's defaults (failure rate 50%,
 * sliding window of 100 calls, 100 minimum calls, slow calls at 60 s and 100%); a policy without
 * {@code trip} is rate style with every default. {@code open_for} (60 s) and {@code
 * half_open_calls} (10) also default to Resilience4j's values.
 */
final class BreakerBinder {

  /** A sliding window: {@code 100 calls} or a duration such as {@code 10s}. */
  private static final Kind<double[]> WINDOW =
      new Kind<>(BreakerBinder::window, new double[] {100, 0});

  private BreakerBinder() {}

  static BreakerSpec bind(String name, MapReader r) {
    MapReader t = r.sectionOrEmpty("trip");
    Trip trip = t.has("failures") ? count(t) : rate(t);
    double openFor = r.get("open_for", Defaults.OPEN_FOR, Kind.DURATION);
    int halfOpenCalls = r.integer("half_open_calls", Defaults.HALF_OPEN_CALLS, 1);
    Scope scope = r.choice("scope", Defaults.BREAKER_SCOPE, Scope.values(), "instance", "global");
    return new BreakerSpec(name, trip, openFor, halfOpenCalls, scope);
  }

  private static CountTrip count(MapReader t) {
    int failures = t.integer("failures", null, 1);
    double within = t.get("within", Defaults.TRIP_WITHIN, Kind.DURATION);
    if (within <= 0) {
      t.invalid("within", "a duration > 0");
    }
    return new CountTrip(failures, within);
  }

  private static RateTrip rate(MapReader t) {
    double failureRate = t.get("failure_rate", Defaults.FAILURE_RATE, Kind.FRACTION);
    double[] window = t.get("window", Defaults.WINDOW, WINDOW);
    int minCalls = t.integer("min_calls", Defaults.MIN_CALLS, 1);
    MapReader slow = t.sectionOrEmpty("slow_call");
    double slowDuration = slow.get("duration", Defaults.SLOW_CALL_DURATION, Kind.DURATION);
    double slowRate = slow.get("rate", Defaults.SLOW_CALL_RATE, Kind.FRACTION);
    return new RateTrip(failureRate, (int) window[0], window[1], minCalls, slowDuration, slowRate);
  }

  /** {@code {calls, 0}} for {@code N calls}, {@code {0, seconds}} for a duration. */
  private static double[] window(String text) {
    String t = text.strip();
    if (t.matches("\\d+\\s*calls?")) {
      int calls = Integer.parseInt(t.replaceAll("\\D", ""));
      if (calls >= 1) {
        return new double[] {calls, 0};
      }
    } else {
      try {
        double seconds = Durations.parse(t);
        if (seconds > 0) {
          return new double[] {0, seconds};
        }
      } catch (UnitException e) {
        // reported below with the window's own wording
      }
    }
    throw new UnitException(text, "sliding window", "e.g. 100 calls or 10s");
  }
}
