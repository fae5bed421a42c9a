package dev.cascade.model;

import static dev.cascade.model.Specs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.SimEvent;
import dev.cascade.model.spec.FaultSpec;
import dev.cascade.model.spec.GatewaySpec;
import dev.cascade.model.spec.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each mechanism of the request path in isolation, against a hand-checkable expectation. */
class MechanismTest {

  private static RunResult run(ModelSpec spec, double faultStart, double faultEnd) {
    return ModelRunner.run(
        spec, 1, 0, windows(spec.horizon(), faultStart, faultEnd), null, null, true);
  }

  private static double value(RunResult r, String metric, String window) {
    return r.stats(metric, window).value();
  }

  private static double mean(RunResult r, String metric, String window) {
    return r.stats(metric, window).mean();
  }

  private static SimEvent first(RunResult r, String component, String event) {
    return r.events().stream()
        .filter(e -> e.component().equals(component) && e.event().equals(event))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + component + " " + event + " event"));
  }

  @Test
  void threadPool_tenThreadsFiftyMs_saturatesAt200rps() {
    // 10 threads x (1 / 50 ms) = 200 requests/s at most, whatever is offered.
    ModelSpec spec =
        model(
            60,
            1,
            List.of(workload("users", "app", 400, client(Double.POSITIVE_INFINITY, 0))),
            List.of(service("app", 1, 10, 50, work("const(50ms)"))),
            List.of(),
            List.of());
    RunResult r = run(spec, Double.NaN, Double.NaN);
    assertThat(mean(r, "users.ok_rps", "all")).isCloseTo(200, within(5.0));
    assertThat(mean(r, "app.busy_threads", "all")).isCloseTo(10, within(0.2));
    assertThat(value(r, "users.rate_503", "all")).isCloseTo(0.5, within(0.03));
  }

  @Test
  void hungCache_holdsEachThreadForTheCacheTimeout() {
    // Redis hangs from 10 s to 40 s: every request waits the 500 ms cache timeout, then goes to
    // the database. Little's law: busy threads = 100/s x 0.5 s = 50.
    ModelSpec spec =
        model(
            60,
            1,
            List.of(workload("users", "app", 100, client(5, 0))),
            List.of(
                service("app", 1, 200, 100, cacheAside("redis", "db", 0.5, null)),
                redis("redis", 0.8),
                db("db", 1, 5000, "exp(2ms)", 200)),
            List.of(),
            List.of(fault(10, "redis", FaultSpec.Action.HANG, 30)));
    RunResult r = run(spec, 10, 40);
    assertThat(mean(r, "app.busy_threads", "during")).isCloseTo(50, within(5.0));
    assertThat(value(r, "users.latency_p50", "during")).isGreaterThanOrEqualTo(500);
    assertThat(value(r, "users.latency_p50", "before")).isLessThan(5);
    assertThat(first(r, "redis", "hung").timeSeconds()).isEqualTo(10.0);
  }

  @Test
  void breaker_opensOnFifthFailure_halfOpensAfterOpenFor() {
    ModelSpec spec =
        model(
            60,
            1,
            List.of(workload("users", "app", 50, client(5, 0))),
            List.of(
                service("app", 1, 200, 100, cacheAside("redis", "db", 0.5, "redis-cb")),
                redis("redis", 0.8),
                db("db", 1, 5000, "exp(2ms)", 200)),
            List.of(countBreaker("redis-cb", 5, 10, 10)),
            List.of(fault(10, "redis", FaultSpec.Action.CRASH, 20)));
    RunResult r = run(spec, 10, 30);
    double opened = first(r, "redis-cb", "opened").timeSeconds();
    // Five refused calls at 50/s take about 0.1 s.
    assertThat(opened).isBetween(10.0, 10.5);
    double halfOpened = first(r, "redis-cb", "half_opened").timeSeconds();
    // Half-open on the first call after open_for (10 s).
    assertThat(halfOpened - opened).isBetween(10.0, 10.2);
    // Redis is still down at that point: the probe fails and the breaker re-opens; once Redis
    // is back (30 s) the next probe closes it.
    double closed = first(r, "redis-cb", "closed").timeSeconds();
    assertThat(closed).isBetween(30.0, 41.0);
    assertThat(value(r, "redis-cb.open_fraction", "during")).isGreaterThan(0.9);
  }

  @Test
  void shedding_startsWithinOneCheckPeriod() {
    GatewaySpec.ShedSpec shed =
        new GatewaySpec.ShedSpec(below("redis.up", 1), 5, 60, Double.NaN, 30);
    ModelSpec spec =
        model(
            120,
            1,
            List.of(workload("users", "gw", 100, client(5, 0))),
            List.of(
                gateway("gw", "app", shed),
                service("app", 1, 200, 100, cacheAside("redis", "db", 0.5, null)),
                redis("redis", 0.8),
                db("db", 1, 5000, "exp(2ms)", 200)),
            List.of(),
            List.of(fault(12, "redis", FaultSpec.Action.CRASH, 40)));
    RunResult r = run(spec, 12, 52);
    double started = first(r, "gw", "shedding_started").timeSeconds();
    assertThat(started).isBetween(12.0, 17.0);
    double stopped = first(r, "gw", "shedding_stopped").timeSeconds();
    // Condition false from 52 s; released after 30 s false, checked every 5 s.
    assertThat(stopped).isBetween(82.0, 87.0 + 5);
    // While shedding, 60 of 100 per second are admitted: 40% answered 503.
    assertThat(value(r, "users.rate_503", "during")).isCloseTo(0.4, within(0.05));
  }

  @Test
  void overloadedNode_fillsItsPoolThenCallersFailAfterAcquireTimeout() {
    // One node at 1000/s capacity (2 workers x 2 ms), offered 1250/s: 125%.
    ModelSpec spec =
        model(
            60,
            1,
            List.of(workload("users", "app", 1250, client(Double.POSITIVE_INFINITY, 0))),
            List.of(
                service(
                    "app",
                    1,
                    5000,
                    100,
                    new dev.cascade.model.spec.StepSpec.Call(
                        "db", Double.POSITIVE_INFINITY, 0, null)),
                new dev.cascade.model.spec.DatabaseSpec(
                    "db",
                    1,
                    1000,
                    dev.cascade.core.random.DistributionSpec.parse("const(2ms)"),
                    0,
                    200,
                    2,
                    null,
                    null,
                    false)),
            List.of(),
            List.of());
    RunResult r = run(spec, Double.NaN, Double.NaN);
    SimEvent exhausted = first(r, "db", "pool_exhausted");
    // The queue grows at 250/s: 200 connections are in use after about 0.8 s.
    assertThat(exhausted.timeSeconds()).isBetween(0.3, 3.0);
    double[] conns = r.series("db.connections_in_use");
    assertThat(conns[conns.length - 1]).isCloseTo(200, within(1.0));
    assertThat(mean(r, "db.throughput_rps", "all")).isCloseTo(1000, within(30.0));
    // Waiters queue up at 250/s and are served at 1000/s, so the wait reaches the 2 s acquire
    // timeout when 2000 are waiting (about 9 s in); from then on 250/s fail.
    assertThat(r.series("db.timeouts_rps")[3]).isZero();
    assertThat(r.series("db.timeouts_rps")[30]).isCloseTo(250, within(40.0));
    assertThat(mean(r, "users.error_rate", "all")).isGreaterThan(0.1);
  }

  @Test
  void retries_multiplyOfferedLoad() {
    // Every attempt is rejected (no thread, no queue), and each is retried twice: offered = 3x.
    ModelSpec spec =
        model(
            60,
            1,
            List.of(workload("users", "app", 100, client(5, 2))),
            List.of(service("app", 1, 0, 0, work("const(1ms)"))),
            List.of(),
            List.of());
    RunResult r = run(spec, Double.NaN, Double.NaN);
    assertThat(mean(r, "users.offered_rps", "all")).isCloseTo(300, within(10.0));
    assertThat(mean(r, "users.retry_rps", "all")).isCloseTo(200, within(10.0));
    assertThat(value(r, "users.rate_503", "all")).isEqualTo(1.0);
  }
}
